using Consultations.Domain.ActionPlans;
using Consultations.Domain.Commitments;
using Consultations.Domain.Common;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;

namespace Consultations.Domain.Corrections;

/// <summary>Void an entry recorded in error, named by its event id (as the record's own history shows it).</summary>
public sealed record VoidEntry(Guid EventId, string Reason) : ICommand
{
    public void Check(Check check) => check
        .When(EventId == Guid.Empty, "eventId", "is required: the entry's eventId as the record's history shows it.")
        .Text("reason", Reason, 4000);
}

/// <summary>
/// Correct values of an entry, named by its event id. Each value applies to one kind of entry: <c>to</c> to a commitment
/// status change, <c>effectiveOn</c> to a status change's date, <c>place</c> and <c>dates</c> to a meeting held,
/// <c>summary</c> and <c>decisions</c> to a meeting's outcome.
/// </summary>
public sealed record CorrectEntry(Guid EventId, string Reason, CommitmentStatus? To = null, PartialDate? EffectiveOn = null,
    string? Place = null, DateSpan? Dates = null, string? Summary = null, IReadOnlyList<string>? Decisions = null) : ICommand
{
    public void Check(Check check)
    {
        check.When(EventId == Guid.Empty, "eventId", "is required: the entry's eventId as the record's history shows it.")
            .Text("reason", Reason, 4000)
            .When(To is null && EffectiveOn is null && Place is null && Dates is null && Summary is null && Decisions is null,
                "to", "Give at least one value to correct: to, effectiveOn, place, dates, summary or decisions.");
        if (EffectiveOn is { } day) check.Date("effectiveOn", day);
        if (Place is not null) check.Text("place", Place, 200);
        if (Dates is not null) check.Span("dates", Dates, required: true);
        if (Summary is not null) check.Text("summary", Summary, 8000);
        if (Decisions is not null) check.Names("decisions", Decisions, max: 4000);
    }

    /// <summary>The values given, by their names in the request.</summary>
    public IEnumerable<string> Given()
    {
        if (To is not null) yield return "to";
        if (EffectiveOn is not null) yield return "effectiveOn";
        if (Place is not null) yield return "place";
        if (Dates is not null) yield return "dates";
        if (Summary is not null) yield return "summary";
        if (Decisions is not null) yield return "decisions";
    }
}

/// <summary>
/// Decides voids and value corrections from a record's entries (its whole stream, fixes included). The rules:
/// <list type="bullet">
/// <item>the entry must be on the record (<see cref="RecordNotFound"/>), and not be a fix itself (<c>fixes-stand</c>):
/// a void is undone by recording the entry again, a correction by correcting again;</item>
/// <item>a record's first entry stays: every later entry depends on it (<c>entry-has-dependents</c>), and alone it is still
/// refused (<c>first-entry-stays</c>), since other records refer to the record it opens; a record opened in error ends
/// through its own lifecycle (withdrawn, cancelled, dropped);</item>
/// <item>an entry that later live entries depend on is neither voided nor has its value changed (<c>entry-has-dependents</c>,
/// naming them): see <see cref="Dependents"/>;</item>
/// <item>voiding twice, or correcting to the value the entry already has, appends nothing.</item>
/// </list>
/// </summary>
public static class EntryFixes
{
    /// <param name="others">The other records that refer to this one (see <see cref="RecordReferences"/>); their entries that depend on the voided one refuse the void.</param>
    public static IReadOnlyList<object> Decide(VoidEntry command, string streamId, IReadOnlyList<Entry> entries, IReadOnlyList<OtherRecord>? others = null)
    {
        var target = Find(command.EventId, entries);
        if (target.Data is EntryVoided or IValueCorrection)
            throw new RuleBroken("fixes-stand",
                $"Entry {target.EventId} is itself {Words.WithArticle(Entries.Kind(target.Data))}; record the entry again, or correct it again, instead.");
        if (IsVoided(target, entries)) return Rules.None;
        NoDependents(target, entries, "voided", across: RecordReferences.Dependents(streamId, target, target.Version == entries.Min(e => e.Version), others ?? []));
        FirstEntryStays(target, entries, "voided");
        return [new EntryVoided(streamId, new EventRef(streamId, target.Version, target.EventId), Entries.Kind(target.Data), command.Reason)];
    }

    /// <summary>The value corrections of <paramref name="command"/>; the date values it carries (<c>effectiveOn</c>, <c>dates</c>) are only checked to apply here and are decided by the record's own date-correction rules.</summary>
    public static IReadOnlyList<object> Decide(CorrectEntry command, string streamId, IReadOnlyList<Entry> entries)
    {
        var target = Find(command.EventId, entries);
        if (target.Data is EntryVoided or IEntryFix or ICorrection)
            throw new RuleBroken("fixes-stand",
                $"Entry {target.EventId} is itself {Words.WithArticle(Entries.Kind(target.Data))}; correct the entry it fixes instead.");
        var live = Entries.Live(entries).FirstOrDefault(e => e.EventId == target.EventId)
                   ?? throw new RuleBroken("voided-entries-are-not-corrected", $"Entry {target.EventId} was voided; record it again instead.");
        var corrects = new EventRef(streamId, target.Version, target.EventId);
        var allowed = live.Data switch
        {
            CommitmentStatusChanged => (string[])["to", "effectiveOn"],
            MeetingHeld => ["place", "dates"],
            MeetingOutcomeRecorded => ["summary", "decisions"],
            _ => [],
        };
        var misplaced = command.Given().Where(g => !allowed.Contains(g)).ToList();
        if (misplaced.Count > 0)
        {
            var what = allowed.Length == 0
                ? $"{Words.WithArticle(Entries.Kind(live.Data), capital: true)} has no value to correct this way; void it and record it again."
                : $"{Words.WithArticle(Entries.Kind(live.Data), capital: true)} takes {string.Join(" and ", allowed)}.";
            throw new InvalidCommand(misplaced.ToDictionary(m => m, _ => new[] { $"does not apply to entry {target.EventId}. {what}" }));
        }

        switch (live.Data)
        {
            case CommitmentStatusChanged change when command.To is { } to && to != change.To:
                if (to == CommitmentStatus.Superseded || change.To == CommitmentStatus.Superseded)
                    throw new RuleBroken("superseded-names-successor",
                        "A change to or from superseded names a successor; void the change and record it again instead.");
                if (!CommitmentLifecycle.Allows(change.From, to))
                    throw new RuleBroken("commitment-lifecycle",
                        $"The change was from {CommitmentDecider.Describe(change.From)}; {Words.Before(change.From)} commitment cannot become {CommitmentDecider.Describe(to)}.");
                NoDependents(target, entries, "corrected", alsoCorrections: true);
                return [new CommitmentStatusChangeTargetCorrected(change.CommitmentId, corrects, change.To, to, command.Reason)];
            case MeetingHeld held when command.Place is { } place && place != held.Place:
                return [new MeetingHeldPlaceCorrected(held.MeetingId, corrects, held.Place, place, command.Reason)];
            case MeetingOutcomeRecorded outcome when (command.Summary ?? outcome.Summary) != outcome.Summary
                                                     || !Lists.Same(command.Decisions ?? outcome.Decisions, outcome.Decisions):
                return [new MeetingOutcomeCorrected(outcome.MeetingId, corrects, outcome.Summary, command.Summary ?? outcome.Summary,
                    outcome.Decisions, command.Decisions ?? outcome.Decisions, command.Reason)];
            default:
                return Rules.None;
        }
    }

    /// <summary>
    /// The later live entries that depend on <paramref name="target"/>. Every entry depends on its record's first entry.
    /// An entry depends on an earlier one when it was
    /// decided from the state that one left and says so itself: it continues the same chain (a status change follows the
    /// previous one and carries its <c>From</c>; an amendment carries the text it replaced; an item's progress, completion
    /// or drop follows the item's addition and its earlier progress), or it can only follow it (an outcome follows the
    /// meeting's being held, an adoption follows the clauses it adopts). A correction of the target is not a dependent:
    /// a void takes the target's corrections with it. Optionally (for a value change) the target's date corrections count.
    /// </summary>
    public static IReadOnlyList<Entry> Dependents(Entry target, IReadOnlyList<Entry> entries, bool alsoCorrections = false)
    {
        var provides = Provides(target.Data);
        var opens = target.Version == entries.Min(e => e.Version);
        return
        [
            .. Entries.Live(entries).Where(e => e.Version > target.Version
                && (opens || Needs(e.Data).Any(provides.Contains)
                    || (alsoCorrections && e.Data is ICorrection c && c.Corrects.Version == target.Version))),
        ];
    }

    private static IReadOnlyList<string> Provides(object data) => data switch
    {
        CommitmentStatusChanged => ["status"],
        CommitmentAmended => ["text"],
        CommitmentPartyProgressChanged x => [$"party:{x.Party}"],
        CommitmentLeadSet x => [$"lead:{x.Party}"],
        CommitmentComplianceAssessed x => [$"assessment:{x.Party}:{x.EffectiveOn}"],
        CommitmentMilestoneAdded x => [$"milestone:{x.MilestoneId}"],
        CommitmentMilestoneMet x => [$"milestone:{x.MilestoneId}"],
        CommitmentMilestoneRescheduled x => [$"milestone:{x.MilestoneId}"],
        ActionPlanItemAdded x => [$"item:{x.ItemId}"],
        ActionPlanItemProgressUpdated x => [$"item:{x.ItemId}"],
        ActionPlanItemCompleted x => [$"item:{x.ItemId}"],
        ActionPlanItemDropped x => [$"item:{x.ItemId}"],
        ActionPlanItemLeadSet x => [$"item:{x.ItemId}:lead:{x.Party}"],
        ActionPlanItemMilestoneAdded x => [$"item:{x.ItemId}:milestone:{x.MilestoneId}"],
        ActionPlanItemMilestoneMet x => [$"item:{x.ItemId}:milestone:{x.MilestoneId}"],
        ActionPlanItemMilestoneRescheduled x => [$"item:{x.ItemId}:milestone:{x.MilestoneId}"],
        MeetingHeld => ["held"],
        ClauseAdded => ["clauses"],
        _ => [],
    };

    private static IReadOnlyList<string> Needs(object data) => data switch
    {
        CommitmentStatusChanged => ["status"],
        CommitmentAmended => ["text"],
        CommitmentPartyProgressChanged x => [$"party:{x.Party}"],
        CommitmentLeadSet x => [$"lead:{x.Party}"],
        CommitmentComplianceAssessed x => [$"assessment:{x.Party}:{x.EffectiveOn}"],
        CommitmentMilestoneMet x => [$"milestone:{x.MilestoneId}"],
        CommitmentMilestoneRescheduled x => [$"milestone:{x.MilestoneId}"],
        ActionPlanItemProgressUpdated x => [$"item:{x.ItemId}"],
        ActionPlanItemCompleted x => [$"item:{x.ItemId}"],
        ActionPlanItemDropped x => [$"item:{x.ItemId}"],
        ActionPlanItemLeadSet x => [$"item:{x.ItemId}", $"item:{x.ItemId}:lead:{x.Party}"],
        ActionPlanItemMilestoneAdded x => [$"item:{x.ItemId}"],
        ActionPlanItemMilestoneMet x => [$"item:{x.ItemId}", $"item:{x.ItemId}:milestone:{x.MilestoneId}"],
        ActionPlanItemMilestoneRescheduled x => [$"item:{x.ItemId}", $"item:{x.ItemId}:milestone:{x.MilestoneId}"],
        MeetingOutcomeRecorded => ["held"],
        JointStatementAdopted => ["clauses"],
        _ => [],
    };

    private static Entry Find(Guid eventId, IReadOnlyList<Entry> entries) =>
        entries.FirstOrDefault(e => e.EventId == eventId) ?? throw new RecordNotFound("entry", eventId.ToString());

    private static bool IsVoided(Entry target, IReadOnlyList<Entry> entries) =>
        entries.Any(e => e.Data is EntryVoided v && v.Voids.EventId == target.EventId);

    private static void FirstEntryStays(Entry target, IReadOnlyList<Entry> entries, string done)
    {
        if (target.Version == entries.Min(e => e.Version))
            throw new RuleBroken("first-entry-stays",
                $"Entry {target.EventId} ({Entries.Kind(target.Data)}) opens its record, which other records may refer to; it cannot be {done}. "
                + "End the record through its own lifecycle instead (withdraw, cancel, drop).");
    }

    private static void NoDependents(Entry target, IReadOnlyList<Entry> entries, string done, bool alsoCorrections = false,
        IReadOnlyList<(string Record, Entry Entry)>? across = null)
    {
        var dependents = Dependents(target, entries, alsoCorrections);
        across ??= [];
        if (dependents.Count == 0 && across.Count == 0) return;
        var named = dependents.Select(d => $"{Entries.Kind(d.Data)} (version {d.Version}, eventId {d.EventId})")
            .Concat(across.Select(d => $"{Entries.Kind(d.Entry.Data)} of '{d.Record}' (version {d.Entry.Version}, eventId {d.Entry.EventId})"));
        throw new RuleBroken("entry-has-dependents",
            $"Entry {target.EventId} ({Entries.Kind(target.Data)}, version {target.Version}) cannot be {done}: later entries depend on it: "
            + string.Join(", ", named) + ". Void those first, or end the records that depend on it.");
    }
}
