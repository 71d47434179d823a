using Consultations.Host.Reports;
using Consultations.Projections.Timeline;

namespace Consultations.Host.Web.Pages;

public sealed class TimelineModel(IQuerySession session, StatusReportBuilder reports) : WebPage
{
    [BindProperty(SupportsGet = true)] public string? Dialogue { get; set; }

    public IReadOnlyList<Domain.Dialogues.Dialogue> Dialogues { get; private set; } = [];
    public IReadOnlyList<TimelineEntry> Entries { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Dialogues = await WebDialogues.InOrderOpenedAsync(session, ct);
        // As on the dashboard: a dialogue asked for by name that is not on record is not quietly replaced by another one.
        if (!string.IsNullOrWhiteSpace(Dialogue) && Dialogues.All(d => d.Id != Dialogue)) return NotOnRecord(new RecordNotFound("dialogue", Dialogue));
        if (Dialogues.Count == 0) return Page();
        Dialogue = string.IsNullOrWhiteSpace(Dialogue) ? Dialogues[0].Id : Dialogue;
        try
        {
            Entries = (await reports.BuildAsync(Dialogue, Axes, ct)).Timeline;
        }
        catch (RecordNotFound e)
        {
            // Before the dialogue was on record (a replay to an earlier day or instant): a page saying so, as a record's page does.
            return NotOnRecord(e);
        }
        catch (InvalidCommand e)
        {
            Problem = e.Message;
        }

        return Page();
    }
}
