using System.Text.Json;
using System.Text.Json.Nodes;
using Consultations.Host.ActionPlans;
using Consultations.Host.Commitments;
using Consultations.Host.Dialogues;
using Consultations.Host.Documents;
using Consultations.Host.JointStatements;
using Consultations.Host.Milestones;
using Microsoft.Extensions.Options;

namespace Consultations.Host.Web.Pages;

/// <summary>
/// A joint statement, action plan, commitment, document, milestone or dialogue: what the API's GET of the record answers
/// (the same method, called in-process), with its full history.
/// </summary>
public sealed class RecordModel(IQuerySession session, TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : WebPage
{
    public string Collection { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Id { get; private set; } = "";
    public JsonNode? Record { get; private set; }
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public VoidChecks? NotVoidable { get; private set; }
    public RecordTitles Titles { get; private set; } = RecordTitles.None;

    public async Task<IActionResult> OnGetAsync(string collection, string id, CancellationToken ct)
    {
        var at = WebLinks.Instant(RecordedAt);
        try
        {
            (object record, IReadOnlyList<HistoryEntry> history) found = collection switch
            {
                "statements" => Split(await JointStatementEndpoints.Get(id, at, EffectiveOn, session, clock, ct)),
                "action-plans" => Split(await ActionPlanEndpoints.Get(id, at, EffectiveOn, session, clock, ct)),
                "commitments" => Split(await CommitmentEndpoints.Get(id, at, EffectiveOn, session, clock, ct)),
                "documents" => Split(await DocumentEndpoints.Get(id, at, EffectiveOn, session, clock, ct)),
                "milestones" => Split(await MilestoneEndpoints.Get(id, at, EffectiveOn, session, clock, ct)),
                "dialogues" => Split(await DialogueEndpoints.Get(id, at, EffectiveOn, session, clock, ct)),
                _ => throw new RecordNotFound(collection, id),
            };
            Collection = collection;
            Id = id;
            Record = JsonSerializer.SerializeToNode(found.record, found.record.GetType(), json.Value.SerializerOptions);
            // A commitment's text as made is shown only when an amendment changed it: else it would repeat the text.
            if (Record is JsonObject o && o["madeText"]?.ToString() == o["text"]?.ToString() && o["madeTextIs"]?.ToString() == o["textIs"]?.ToString())
            {
                o.Remove("madeText");
                o.Remove("madeTextIs");
            }

            History = found.history;
            if (CanRecord) NotVoidable = await HistoryView.NotVoidableAsync(session, id, ct);
            Title = Record?["title"]?.ToString() ?? Record?["text"]?.ToString() ?? id;
            Titles = await TitlesAsync(session, JsonHtml.Links(Record).Concat(HistoryView.Links(History)), ct);
        }
        catch (RecordNotFound e)
        {
            return NotOnRecord(e);
        }

        return Page();
    }

    private static (object, IReadOnlyList<HistoryEntry>) Split<T>(WithHistory<T> found) where T : notnull => (found.Record, found.History);
}
