using Consultations.Domain.Common;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.JointStatements.Adopting;

public static class AdoptJointStatementEndpoint
{
    /// <param name="MeetingId">The meeting at which the statement was adopted.</param>
    public sealed record Request(string MeetingId, PartialDate AdoptedOn, string Place, IReadOnlyList<string> Signatories);

    [WolverinePost("/api/statements/{id}/adoption", OperationId = "adoptStatement"), Tags("Joint statements")]
    public static Task<Recorded> Post(string id, Request body, Recorder recorder, CancellationToken ct) =>
        Handle(new AdoptJointStatement(id, body.MeetingId, body.AdoptedOn, body.Place, body.Signatories), recorder, ct);

    public static async Task<Recorded> Handle(AdoptJointStatement command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("statementId", command.StatementId)
            .Id("meetingId", command.MeetingId)
            .Date("adoptedOn", command.AdoptedOn)
            .Text("place", command.Place, 200)
            .Names("signatories", command.Signatories, min: 1)
            .ThrowIfAny();
        var statement = await recorder.LoadAsync<JointStatement>(command.StatementId, ct) ?? throw new RecordNotFound("joint statement", command.StatementId);
        var meeting = await recorder.ReferencedAsync<Meeting>("meetingId", command.MeetingId, "meeting", ct);
        RecorderReferences.SameDialogue("meetingId", statement.DialogueId, meeting.DialogueId, "meeting", meeting.Id);
        if (meeting.Status == MeetingStatus.Cancelled)
            throw InvalidCommand.For("meetingId", $"Meeting '{meeting.Id}' was cancelled; nothing was adopted at it.");
        return await recorder.DecideAsync<JointStatement>(command.StatementId,
            (s, today) => JointStatementDecider.Decide(command, s, today), JointStatementDecider.Evolve, ct);
    }
}
