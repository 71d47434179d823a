using Consultations.Host.Meetings;

namespace Consultations.Host.Auditing.Correcting;

/// <summary>
/// Corrects the dates a meeting was recorded as held. Nothing recorded is edited: a <see cref="MeetingHeldCorrected"/>
/// naming the <see cref="MeetingHeld"/> event (stream and version) is appended, with its reason.
/// </summary>
public static class CorrectHeldDatesEndpoint
{
    public sealed record Request(DateSpan Dates, string Reason);

    [WolverinePost("/api/meetings/{id}/held-corrections", OperationId = "correctMeetingHeldDates"), Tags("Corrections")]
    public static async Task<Recorded> Post(string id, Request body, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("meetingId", id)
            .Span("dates", body.Dates, required: true)
            .Text("reason", body.Reason, 4000)
            .ThrowIfAny();
        var held = (await recorder.Session.Events.FetchStreamAsync(id, token: ct)).LastOrDefault(e => e.Data is MeetingHeld);
        var corrects = new EventRef(id, held?.Version ?? 0, held?.Id ?? Guid.Empty);
        var opened = await recorder.LoadAsync<Meeting>(id, ct) is { } meeting ? await MeetingEndpoints.DialogueOpenedAsync(recorder, meeting.DialogueId, ct) : null;
        var command = new CorrectMeetingHeldDates(id, corrects, held?.Data, body.Dates, body.Reason) { DialogueOpened = opened };
        return await recorder.Decide(id, (s, today) => MeetingDecider.Decide(command, s, today), ct);
    }
}
