using Consultations.Domain.Common;
using Consultations.Domain.Meetings;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.Meetings.Rescheduling;

public static class RescheduleMeetingEndpoint
{
    /// <param name="PlannedDates">Null when the new date is not yet fixed.</param>
    public sealed record Request(string Place, DateSpan? PlannedDates, PartialDate EffectiveOn, string Reason);

    [WolverinePost("/api/meetings/{id}/reschedule", OperationId = "rescheduleMeeting"), Tags("Meetings")]
    public static Task<Recorded> Post(string id, Request body, Recorder recorder, CancellationToken ct) =>
        Handle(new RescheduleMeeting(id, body.Place, body.PlannedDates, body.EffectiveOn, body.Reason), recorder, ct);

    public static Task<Recorded> Handle(RescheduleMeeting command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("meetingId", command.MeetingId)
            .Text("place", command.Place, 200)
            .Span("plannedDates", command.PlannedDates, required: false)
            .Date("effectiveOn", command.EffectiveOn)
            .Text("reason", command.Reason, 2000)
            .ThrowIfAny();
        return recorder.Decide(command.MeetingId, (s, today) => MeetingDecider.Decide(command, s, today), ct);
    }
}
