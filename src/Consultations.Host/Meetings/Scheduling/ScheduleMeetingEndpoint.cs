using Consultations.Domain.Dialogues;
using Consultations.Domain.Meetings;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.Meetings.Scheduling;

public static class ScheduleMeetingEndpoint
{
    [WolverinePost("/api/meetings", OperationId = "scheduleMeeting"), Tags("Meetings")]
    public static async Task<Recorded> Handle(ScheduleMeeting command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("meetingId", command.MeetingId)
            .Id("dialogueId", command.DialogueId)
            .Text("title", command.Title, 300)
            .Text("place", command.Place, 200)
            .Span("plannedDates", command.PlannedDates, required: false)
            .Names("parties", command.Parties, min: 2)
            .Delegations("delegations", command.Delegations)
            .ThrowIfAny();
        await recorder.ReferencedAsync<Dialogue>("dialogueId", command.DialogueId, "dialogue", ct);
        var strangers = command.Delegations.Select(d => d.Party).Except(command.Parties).ToList();
        if (strangers.Count > 0) throw InvalidCommand.For("delegations", $"Delegations of parties not at the meeting: {string.Join(", ", strangers)}.");
        return await recorder.Decide(command.MeetingId, (s, today) => MeetingDecider.Decide(command, s, today), ct);
    }
}
