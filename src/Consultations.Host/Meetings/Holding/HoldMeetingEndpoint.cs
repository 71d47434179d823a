using Consultations.Domain.Common;
using Consultations.Domain.Meetings;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.Meetings.Holding;

public static class HoldMeetingEndpoint
{
    /// <param name="Place">Where it was held; defaults to the planned place.</param>
    /// <param name="Participants">Who took part; defaults to the planned delegations.</param>
    public sealed record Request(DateSpan Dates, string? Place, IReadOnlyList<Delegation>? Participants);

    [WolverinePost("/api/meetings/{id}/held", OperationId = "recordMeetingHeld"), Tags("Meetings")]
    public static Task<Recorded> Post(string id, Request body, Recorder recorder, CancellationToken ct) =>
        Handle(new HoldMeeting(id, body.Dates, body.Place, body.Participants), recorder, ct);

    public static async Task<Recorded> Handle(HoldMeeting command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("meetingId", command.MeetingId)
            .Span("dates", command.Dates, required: true)
            .OptionalText("place", command.Place, 200)
            .Delegations("participants", command.Participants)
            .ThrowIfAny();
        var meeting = await recorder.LoadAsync<Meeting>(command.MeetingId, ct) ?? throw new RecordNotFound("meeting", command.MeetingId);
        var strangers = (command.Participants ?? []).Select(d => d.Party).Except(meeting.Parties).ToList();
        if (strangers.Count > 0) throw InvalidCommand.For("participants", $"Delegations of parties not at the meeting: {string.Join(", ", strangers)}.");
        return await recorder.Decide(command.MeetingId, (s, today) => MeetingDecider.Decide(command, s, today), ct);
    }
}
