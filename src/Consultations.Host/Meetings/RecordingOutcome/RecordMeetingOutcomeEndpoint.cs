using Consultations.Domain.Common;
using Consultations.Domain.CooperationFields;
using Consultations.Domain.Meetings;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.Meetings.RecordingOutcome;

public static class RecordMeetingOutcomeEndpoint
{
    /// <param name="FieldCodes">The cooperation fields the meeting dealt with.</param>
    /// <param name="EffectiveOn">Defaults to the last day of the meeting.</param>
    public sealed record Request(string Summary, IReadOnlyList<string> Decisions, IReadOnlyList<string> FieldCodes, PartialDate? EffectiveOn);

    [WolverinePost("/api/meetings/{id}/outcome", OperationId = "recordMeetingOutcome"), Tags("Meetings")]
    public static Task<Recorded> Post(string id, Request body, Recorder recorder, CancellationToken ct) =>
        Handle(new RecordMeetingOutcome(id, body.Summary, body.Decisions, body.FieldCodes, body.EffectiveOn), recorder, ct);

    public static async Task<Recorded> Handle(RecordMeetingOutcome command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("meetingId", command.MeetingId)
            .Text("summary", command.Summary, 8000)
            .Names("decisions", command.Decisions, max: 4000)
            .Names("fieldCodes", command.FieldCodes, max: 40)
            .ThrowIfAny();
        var meeting = await recorder.LoadAsync<Meeting>(command.MeetingId, ct) ?? throw new RecordNotFound("meeting", command.MeetingId);
        for (var i = 0; i < command.FieldCodes.Count; i++)
        {
            var field = await recorder.ReferencedAsync<CooperationField>($"fieldCodes[{i}]", command.FieldCodes[i], "cooperation field", ct);
            RecorderReferences.SameDialogue($"fieldCodes[{i}]", meeting.DialogueId, field.DialogueId, "cooperation field", field.Id);
        }

        return await recorder.Decide(command.MeetingId, (s, today) => MeetingDecider.Decide(command, s, today), ct);
    }
}
