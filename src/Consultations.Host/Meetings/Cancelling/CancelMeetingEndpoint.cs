using Consultations.Domain.Common;
using Consultations.Domain.Meetings;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.Meetings.Cancelling;

public static class CancelMeetingEndpoint
{
    public sealed record Request(PartialDate EffectiveOn, string Reason);

    [WolverinePost("/api/meetings/{id}/cancellation", OperationId = "cancelMeeting"), Tags("Meetings")]
    public static Task<Recorded> Post(string id, Request body, Recorder recorder, CancellationToken ct) =>
        Handle(new CancelMeeting(id, body.EffectiveOn, body.Reason), recorder, ct);

    public static Task<Recorded> Handle(CancelMeeting command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("meetingId", command.MeetingId)
            .Date("effectiveOn", command.EffectiveOn)
            .Text("reason", command.Reason, 2000)
            .ThrowIfAny();
        return recorder.Decide(command.MeetingId, (s, today) => MeetingDecider.Decide(command, s, today), ct);
    }
}
