using Consultations.Host.Meetings;
using Consultations.Host.RecordFiles;
using Consultations.Projections.Records;
using JasperFx.Events;

namespace Consultations.Host.Corrections;

/// <summary>
/// Voids and value corrections of any record's entry, named by the entry's <c>eventId</c> (as the record's own history
/// shows it). The fix is appended to the fixed entry's own stream, at the version read, so the record's snapshot, footprint
/// and timeline are folded again in that stream's transaction (ADR 0023).
/// </summary>
public static class CorrectionEndpoints
{
    /// <summary>Void an entry recorded in error: the views then read as if it had never been recorded; replays before the void still show it.</summary>
    [WolverinePost("/api/voids", OperationId = "voidEntry"), Tags("Corrections")]
    [NoStep("a form names the entry by its event id; a record file by its place, with void-entry")]
    public static async Task<Recorded> Handle(VoidEntry command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        // Other records may depend on the entry (commitments drawn from a statement's clauses): they are read first.
        var record = await recorder.StreamOfAsync(command.EventId, ct) ?? throw new RecordNotFound("entry", command.EventId.ToString());
        var others = await ReferringRecords.LoadAsync(recorder, record, ct);
        return await OnRecordAsync(recorder, command.EventId, (stream, entries, _, _) => EntryFixes.Decide(command, stream, entries, others), ct);
    }

    /// <summary>
    /// Correct values of an entry: <c>to</c> (a commitment status change's target status), <c>effectiveOn</c> (its date),
    /// <c>place</c> and <c>dates</c> (a meeting held), <c>summary</c> and <c>decisions</c> (a meeting's outcome). A value
    /// that does not apply to the entry is a 400 naming it.
    /// </summary>
    [WolverinePost("/api/corrections", OperationId = "correctEntry"), Tags("Corrections")]
    [NoStep("a form names the entry by its event id; a record file by its place, with correct-entry")]
    public static async Task<Recorded> Handle(CorrectEntry command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        if (command.To is not null && command.EffectiveOn is not null)
            throw InvalidCommand.For("effectiveOn", "Correct a status change's target and its date one at a time: first `to`, then `effectiveOn`.");
        // Corrected held dates are not before the dialogue's opening either (ADR 0064): read it before deciding.
        var opened = command.Dates is null ? null : await HeldMeetingsDialogueOpenedAsync(recorder, command.EventId, ct);
        return await OnRecordAsync(recorder, command.EventId, (stream, entries, state, today) =>
        {
            var values = EntryFixes.Decide(command, stream, entries);
            var live = Entries.Live(entries).First(e => e.EventId == command.EventId);
            var corrects = new EventRef(stream, live.Version, live.EventId);
            var dates = (live.Data, state) switch
            {
                (CommitmentStatusChanged, Commitment c) when command.EffectiveOn is { } day =>
                    CommitmentDecider.Decide(new CorrectCommitmentStatusChange(stream, corrects, live.Data, day, command.Reason), c, today),
                (MeetingHeld, Meeting m) when command.Dates is { } held =>
                    MeetingDecider.Decide(new CorrectMeetingHeldDates(stream, corrects, live.Data, held, command.Reason) { DialogueOpened = opened }, m, today),
                _ => Rules.None,
            };
            return [.. values, .. dates];
        }, ct);
    }

    private static async Task<Precedent?> HeldMeetingsDialogueOpenedAsync(Recorder recorder, Guid eventId, CancellationToken ct) =>
        await recorder.StreamOfAsync(eventId, ct) is { } stream && (await recorder.EntriesAsync(stream, ct)).FirstOrDefault()?.Data is MeetingScheduled scheduled
            ? await MeetingEndpoints.DialogueOpenedAsync(recorder, scheduled.DialogueId, ct)
            : null;

    private delegate IReadOnlyList<object> Decision(string stream, IReadOnlyList<Entry> entries, object? state, DateOnly today);

    // Finds the entry's record, fetches it for writing (the version every fix is appended at), then reads its entries, as
    // this unit sees them (a record file may fix an entry an earlier step of the same file recorded).
    private static async Task<Recorded> OnRecordAsync(Recorder recorder, Guid eventId, Decision decide, CancellationToken ct)
    {
        var stream = await recorder.StreamOfAsync(eventId, ct) ?? throw new RecordNotFound("entry", eventId.ToString());
        var first = (await recorder.EntriesAsync(stream, ct)).FirstOrDefault()?.Data;
        return first switch
        {
            CommitmentMade => await DecideAsync<Commitment>(recorder, stream, decide, CommitmentDecider.Evolve, ct),
            MeetingScheduled => await DecideAsync<Meeting>(recorder, stream, decide, MeetingDecider.Evolve, ct),
            JointStatementDrafted => await DecideAsync<JointStatement>(recorder, stream, decide, JointStatementDecider.Evolve, ct),
            ActionPlanAdopted => await DecideAsync<ActionPlan>(recorder, stream, decide, ActionPlanDecider.Evolve, ct),
            CooperationFieldDefined => await DecideAsync<CooperationField>(recorder, stream, decide, CooperationFieldDecider.Evolve, ct),
            DialogueOpened => await DecideAsync<Dialogue>(recorder, stream, decide, DialogueDecider.Evolve, ct),
            DocumentRegistered => await DecideAsync<Document>(recorder, stream, decide, DocumentDecider.Evolve, ct),
            MilestoneRecorded => await DecideAsync<Milestone>(recorder, stream, decide, MilestoneDecider.Evolve, ct),
            _ => throw new RecordNotFound("entry", eventId.ToString()),
        };
    }

    private static async Task<Recorded> DecideAsync<T>(Recorder recorder, string stream, Decision decide, Func<T?, object, T?> evolve, CancellationToken ct)
        where T : class
    {
        await recorder.LoadAsync<T>(stream, ct);
        var entries = await recorder.EntriesAsync(stream, ct);
        // After a fix the domain's Evolve alone would not know the record; the unit's state is the live entries folded again.
        return await recorder.DecideAsync<T>(stream, (state, today) => decide(stream, entries, state, today),
            (state, e) => e is IEntryFix
                ? Entries.Live([.. entries, new Entry(Guid.NewGuid(), entries.Count + 1, e)]).Aggregate((T?)null, (s, x) => evolve(s, x.Data))
                : evolve(state, e), ct);
    }
}
