using Consultations.Host.JointStatements;

namespace Consultations.Host.Web.Pages;

/// <summary>Adopts a statement at a meeting picked from the dialogue's through <see cref="JointStatementEndpoints.Handle(AdoptJointStatement, Recorder, CancellationToken)"/>.</summary>
public sealed class AdoptStatementModel : StatementForm
{
    public string? MeetingId { get; set; }
    public string? AdoptedOn { get; set; }
    public string? Place { get; set; }
    public string? Signatories { get; set; }

    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    protected override async Task LoadChoicesAsync(IQuerySession read, CancellationToken ct) =>
        Meetings = [.. (await read.Query<Meeting>().Where(m => m.DialogueId == Record.DialogueId).ToListAsync(ct))
            .Where(m => m.Status != MeetingStatus.Cancelled).OrderBy(m => m.Title, StringComparer.Ordinal)];

    protected override object? Command(string id)
    {
        Require("meetingId", MeetingId, "Pick the meeting it was adopted at.");
        var on = RequiredDate("adoptedOn", AdoptedOn, "is required: the day it was adopted.");
        return Errors.Count > 0 ? null
            : new AdoptJointStatement(id, MeetingId!, on!.Value, Place ?? "", Lines(Signatories));
    }
}
