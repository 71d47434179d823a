using Consultations.Host.Documents;

namespace Consultations.Host.Meetings;

public static class MeetingEndpoints
{
    public sealed record CancelMeetingRequest(PartialDate EffectiveOn, string Reason);

    [WolverinePost("/api/meetings/{id}/cancellation", OperationId = "cancelMeeting"), Tags("Meetings")]
    public static Task<Recorded> Post(string id, CancelMeetingRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new CancelMeeting(id, body.EffectiveOn, body.Reason), recorder, ct);

    public static async Task<Recorded> Handle(CancelMeeting command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        // The statements adopted at it hold its being held (README); the decider refuses to cancel it from under them.
        var adopted = await recorder.Session.Query<JointStatement>().Where(s => s.Adoption!.MeetingId == command.MeetingId).Select(s => s.Id).ToListAsync(ct);
        var decided = command with { AdoptedHere = [.. adopted.Order(StringComparer.Ordinal)] };
        return await recorder.Decide(command.MeetingId, (s, today) => MeetingDecider.Decide(decided, s, today), ct);
    }

    /// <param name="Place">Where it was held; defaults to the planned place.</param>
    /// <param name="Participants">Who took part; defaults to the planned delegations.</param>
    public sealed record HoldMeetingRequest(DateSpan Dates, string? Place, IReadOnlyList<Delegation>? Participants);

    [WolverinePost("/api/meetings/{id}/held", OperationId = "recordMeetingHeld"), Tags("Meetings")]
    public static Task<Recorded> Post(string id, HoldMeetingRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new HoldMeeting(id, body.Dates, body.Place, body.Participants), recorder, ct);

    public static async Task<Recorded> Handle(HoldMeeting command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        var meeting = await recorder.LoadAsync<Meeting>(command.MeetingId, ct) ?? throw new RecordNotFound("meeting", command.MeetingId);
        var strangers = (command.Participants ?? []).Select(d => d.Party).Except(meeting.Parties).ToList();
        if (strangers.Count > 0) throw InvalidCommand.For("participants", $"Delegations of parties not at the meeting: {string.Join(", ", strangers)}.");
        command = command with { DialogueOpened = await DialogueOpenedAsync(recorder, meeting.DialogueId, ct) };
        return await recorder.Decide(command.MeetingId, (s, today) => MeetingDecider.Decide(command, s, today), ct);
    }

    /// <summary>Meetings in date order; <c>recordedAt</c>/<c>effectiveOn</c> replay them on those time axes.</summary>
    [WolverineGet("/api/meetings", OperationId = "listMeetings"), Tags("Meetings")]
    public static async Task<Listed<Meeting>> List(string? dialogue, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var query = await RecordAsOf.QueryAsync<Meeting>(session, Axes.Read(recordedAt, effectiveOn, clock), Subject.Of(dialogue), MeetingDecider.Evolve, ct);
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(m => m.DialogueId == dialogue);
        var meetings = await query.ListAsync(ct);
        return Listed<Meeting>.Of([.. meetings.OrderBy(m => m.Dates?.From.Earliest ?? DateOnly.MaxValue).ThenBy(m => m.Id)]);
    }

    /// <summary>One meeting; <c>recordedAt</c>/<c>effectiveOn</c> replay it on those time axes. With its <c>version</c> (the ETag) and its own <c>history</c>: every entry, voided and corrected ones marked.</summary>
    [WolverineGet("/api/meetings/{id}", OperationId = "getMeeting"), Tags("Meetings")]
    public static async Task<WithHistory<Meeting>> Get(string id, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var axes = Axes.Read(recordedAt, effectiveOn, clock);
        return await RecordHistory.FindAsync<Meeting>(session, axes, id, MeetingDecider.Evolve, "meeting", ct);
    }

    /// <param name="FieldCodes">The cooperation fields the meeting dealt with.</param>
    /// <param name="EffectiveOn">Defaults to the last day of the meeting.</param>
    /// <param name="Evidence">Ids of registered documents the outcome is known from (minutes, a joint statement).</param>
    /// <param name="Reason">Required when the meeting already has an outcome on record: why this one revises it (ADR 0060).</param>
    public sealed record RecordMeetingOutcomeRequest(string Summary, IReadOnlyList<string> Decisions, IReadOnlyList<string> FieldCodes, PartialDate? EffectiveOn,
        IReadOnlyList<string>? Evidence = null, string? Reason = null);

    [WolverinePost("/api/meetings/{id}/outcome", OperationId = "recordMeetingOutcome"), Tags("Meetings")]
    public static Task<Recorded> Post(string id, RecordMeetingOutcomeRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new RecordMeetingOutcome(id, body.Summary, body.Decisions, body.FieldCodes, body.EffectiveOn, body.Evidence, body.Reason), recorder, ct);

    public static async Task<Recorded> Handle(RecordMeetingOutcome command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        var meeting = await recorder.LoadAsync<Meeting>(command.MeetingId, ct) ?? throw new RecordNotFound("meeting", command.MeetingId);
        for (var i = 0; i < command.FieldCodes.Count; i++)
        {
            var field = await recorder.ReferencedAsync<CooperationField>($"fieldCodes[{i}]", command.FieldCodes[i], "cooperation field", ct);
            RecorderReferences.SameDialogue($"fieldCodes[{i}]", meeting.DialogueId, field.DialogueId, "cooperation field", field.Id);
        }

        await recorder.CitedAsync("evidence", command.Evidence, meeting.DialogueId, ct);
        return await recorder.Decide(command.MeetingId, (s, today) => MeetingDecider.Decide(command, s, today), ct);
    }

    /// <param name="PlannedDates">Null when the new date is not yet fixed.</param>
    public sealed record RescheduleMeetingRequest(string Place, DateSpan? PlannedDates, PartialDate EffectiveOn, string Reason);

    [WolverinePost("/api/meetings/{id}/reschedule", OperationId = "rescheduleMeeting"), Tags("Meetings")]
    public static Task<Recorded> Post(string id, RescheduleMeetingRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new RescheduleMeeting(id, body.Place, body.PlannedDates, body.EffectiveOn, body.Reason), recorder, ct);

    public static async Task<Recorded> Handle(RescheduleMeeting command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        if (await recorder.LoadAsync<Meeting>(command.MeetingId, ct) is { } meeting)
            command = command with { DialogueOpened = await DialogueOpenedAsync(recorder, meeting.DialogueId, ct) };
        return await recorder.Decide(command.MeetingId, (s, today) => MeetingDecider.Decide(command, s, today), ct);
    }

    [WolverinePost("/api/meetings", OperationId = "scheduleMeeting"), Tags("Meetings")]
    public static async Task<Recorded> Handle(ScheduleMeeting command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        var dialogue = await recorder.ReferencedAsync<Dialogue>("dialogueId", command.DialogueId, "dialogue", ct);
        for (var i = 0; i < command.Parties.Count; i++)
        {
            // Names compare as the decider compares them (trimmed, any case), so "Japan " is the same party twice, not a stranger.
            if (!dialogue.Parties.Contains(command.Parties[i].Trim(), StringComparer.OrdinalIgnoreCase))
                throw InvalidCommand.For($"parties[{i}]", $"'{command.Parties[i]}' is not a party to dialogue '{dialogue.Id}'; its parties are {string.Join(", ", dialogue.Parties)}.");
        }

        var strangers = command.Delegations.Select(d => d.Party).Except(command.Parties).ToList();
        if (strangers.Count > 0) throw InvalidCommand.For("delegations", $"Delegations of parties not at the meeting: {string.Join(", ", strangers)}.");
        command = command with { DialogueOpened = Opened(dialogue) };
        return await recorder.Decide(command.MeetingId, (s, today) => MeetingDecider.Decide(command, s, today), ct);
    }

    private static Precedent Opened(Dialogue dialogue) => new($"dialogue '{dialogue.Id}' was opened", dialogue.OpenedOn);

    internal static async Task<Precedent?> DialogueOpenedAsync(Recorder recorder, string dialogueId, CancellationToken ct) =>
        await recorder.LoadAsync<Dialogue>(dialogueId, ct) is { } dialogue ? Opened(dialogue) : null;

    public static Task<Recorded> Decide(this Recorder recorder, string meetingId, Func<Meeting?, DateOnly, IReadOnlyList<object>> decide, CancellationToken ct) =>
        recorder.DecideAsync(meetingId, decide, MeetingDecider.Evolve, ct);
}
