using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using Consultations.Host.JointStatements;

namespace Consultations.Host.Web.Pages;

/// <summary>Adopts a statement at a meeting picked from the dialogue's through <see cref="JointStatementEndpoints.Handle(AdoptJointStatement, Recorder, CancellationToken)"/>.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class AdoptStatementModel(Recorder recorder, WriteConditions conditions) : StatementForm(recorder, conditions)
{
    [BindProperty] public string? MeetingId { get; set; }
    [BindProperty] public string? AdoptedOn { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Signatories { get; set; }

    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    protected override async Task LoadChoicesAsync(IQuerySession read, CancellationToken ct) =>
        Meetings = [.. (await read.Query<Meeting>().Where(m => m.DialogueId == Record.DialogueId).ToListAsync(ct))
            .Where(m => m.Status != MeetingStatus.Cancelled).OrderBy(m => m.Title, StringComparer.Ordinal)];

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        Require("meetingId", MeetingId, "Pick the meeting it was adopted at.");
        var on = RequiredDate("adoptedOn", AdoptedOn, "is required: the day it was adopted.");
        return Errors.Count > 0 ? null
            : (r, c) => JointStatementEndpoints.Handle(new AdoptJointStatement(id, MeetingId!, on!.Value, Place ?? "", Lines(Signatories)), r, c);
    }
}
