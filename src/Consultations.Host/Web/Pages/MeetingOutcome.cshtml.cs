using Consultations.Host.Meetings;
using Consultations.Projections.Fields;

namespace Consultations.Host.Web.Pages;

/// <summary>Records a held meeting's outcome through <see cref="MeetingEndpoints.Handle(RecordMeetingOutcome, Recorder, CancellationToken)"/>.</summary>
public sealed class MeetingOutcomeModel : MeetingForm
{
    protected override RuleBroken? RefusedHere() => MeetingDecider.RefusesOutcome(Meeting);

    public string? Summary { get; set; }
    public string? Decisions { get; set; }
    public List<string> FieldCodes { get; set; } = [];
    public List<string> Evidence { get; set; } = [];

    /// <summary>Why the outcome on record is revised: asked once the meeting has one (ADR 0060).</summary>
    public string? Reason { get; set; }

    public IReadOnlyList<FieldStatus> Fields { get; private set; } = [];
    public IReadOnlyList<Document> Documents { get; private set; } = [];

    protected override async Task LoadChoicesAsync(IQuerySession read, CancellationToken ct)
    {
        var dialogueId = Record.DialogueId;
        Fields = await Auditing.FieldStatuses.ListAsync(read, Auditing.Subject.Of(dialogueId), ct);
        Documents = await DialogueChoices.DocumentsAsync(read, dialogueId, ct);
    }

    protected override void Fill()
    {
        Summary = Meeting.Outcome?.Summary;
        Decisions = Meeting.Outcome is { } o ? string.Join("\n", o.Decisions) : null;
        FieldCodes = [.. Meeting.Outcome?.FieldCodes ?? []];
        Evidence = [.. Meeting.Outcome?.Evidence ?? []];
    }

    protected override object? Command(string id)
    {
        var effectiveOn = EffectiveDay();
        return Errors.Count > 0 ? null : new RecordMeetingOutcome(id, Summary ?? "", Lines(Decisions), FieldCodes, effectiveOn, Evidence.Count == 0 ? null : Evidence, OrNull(Reason));
    }
}
