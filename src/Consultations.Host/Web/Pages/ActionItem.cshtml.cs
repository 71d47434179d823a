using System.Text.Json;
using System.Text.Json.Nodes;
using Consultations.Host.ActionPlans;
using Microsoft.Extensions.Options;

namespace Consultations.Host.Web.Pages;

/// <summary>
/// One item of an action plan: what the API's GET of the item answers (the same method, called in-process), with the history
/// of its own entries and their fixes.
/// </summary>
public sealed class ActionItemModel(IQuerySession session, TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    Reports.ReportingOptions reporting) : WebPage
{
    public string PlanId { get; private set; } = "";
    public ActionPlanItem Item { get; private set; } = null!;
    public JsonNode? Record { get; private set; }
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public VoidChecks? NotVoidable { get; private set; }
    public RecordTitles Titles { get; private set; } = RecordTitles.None;

    /// <summary>The item's milestones overdue or due soon on the day viewed (third review, finding 8).</summary>
    public IReadOnlyList<Reports.MilestoneView> Due { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, string itemId, CancellationToken ct)
    {
        try
        {
            var found = await ActionPlanEndpoints.GetItem(id, itemId, WebLinks.Instant(RecordedAt), EffectiveOn, session, clock, ct);
            PlanId = id;
            Item = found.Record;
            History = found.History;
            Record = JsonSerializer.SerializeToNode(found.Record, json.Value.SerializerOptions);
            Due = [.. Reports.Deadlines.Views(Item.Milestones, Reports.ReportQueries.DayOf(Axes, clock), reporting.DueSoonDays, !Item.IsOpen)
                .Where(m => m.Overdue || m.DueSoon)];
        }
        catch (RecordNotFound e)
        {
            return NotOnRecord(e);
        }

        if (CanRecord) NotVoidable = await HistoryView.NotVoidableAsync(session, id, ct);
        Titles = await TitlesAsync(session, JsonHtml.Links(Record).Concat(HistoryView.Links(History)).Append(("action-plans", id)), ct);
        return Page();
    }
}
