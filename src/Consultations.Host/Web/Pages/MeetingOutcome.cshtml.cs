using Consultations.Domain.Documents;
using Consultations.Domain.Meetings;
using Consultations.Host.Meetings;
using Consultations.Projections.Fields;

namespace Consultations.Host.Web.Pages;

/// <summary>Records a held meeting's outcome through <see cref="MeetingEndpoints.Handle(RecordMeetingOutcome, Recorder, CancellationToken)"/>.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class MeetingOutcomeModel(Recorder recorder, WriteConditions conditions) : WebForm(recorder, conditions)
{
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Decisions { get; set; }
    [BindProperty] public List<string> FieldCodes { get; set; } = [];
    [BindProperty(Name = "effectiveOnDate")] public string? OutcomeEffectiveOn { get; set; }
    [BindProperty] public List<string> Evidence { get; set; } = [];

    public Meeting Meeting { get; private set; } = null!;
    public IReadOnlyList<FieldStatus> Fields { get; private set; } = [];
    public IReadOnlyList<Document> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotOnRecord(new RecordNotFound("meeting", id));
        Version = (await Session.Events.FetchStreamStateAsync(id, ct))?.Version;
        Summary = Meeting.Outcome?.Summary;
        Decisions = Meeting.Outcome is { } o ? string.Join("\n", o.Decisions) : null;
        FieldCodes = [.. Meeting.Outcome?.FieldCodes ?? []];
        Evidence = [.. Meeting.Outcome?.Evidence ?? []];
        NewToken();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotOnRecord(new RecordNotFound("meeting", id));
        var effectiveOn = Date("effectiveOn", OutcomeEffectiveOn);
        if (Errors.Count == 0
            && await RecordAsync((r, c) => MeetingEndpoints.Handle(
                new RecordMeetingOutcome(id, Summary ?? "", Lines(Decisions), FieldCodes, effectiveOn, Evidence.Count == 0 ? null : Evidence), r, c), ct))
            return Redirect($"/meetings/{id}");
        if (Errors.Count > 0 && Response.StatusCode == 200) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(id)) return false;
        await using var read = HttpContext.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        var meeting = await read.LoadAsync<Meeting>(id, ct);
        if (meeting is null) return false;
        Meeting = meeting;
        Fields = await Auditing.FieldStatuses.ListAsync(read, Auditing.Subject.Of(meeting.DialogueId), ct);
        Documents = [.. (await read.Query<Document>().Where(d => d.DialogueId == meeting.DialogueId).ToListAsync(ct)).OrderBy(d => d.Title, StringComparer.Ordinal)];
        return true;
    }
}
