namespace Consultations.Domain.Tests.Corrections;

public class EntryFixTests
{
    private const string C = "c-1";
    private const string M = "m-1";

    private static readonly PartialDate June = PartialDate.Parse("2026-06-15");

    private static IReadOnlyList<Entry> Record(params object[] events) =>
        [.. events.Select((e, i) => new Entry(Guid.NewGuid(), i + 1, e))];

    private static IReadOnlyList<Entry> With(IReadOnlyList<Entry> entries, IReadOnlyList<object> more) =>
        [.. entries, .. more.Select((e, i) => new Entry(Guid.NewGuid(), entries.Count + i + 1, e))];

    private static CommitmentMade Made => new(C, "d", "F-1", "Text", ["Japan", "Italy"], [], [], new SourceRef(SourceKind.Meeting, M), CommitmentStatus.Agreed, June);

    private static CommitmentStatusChanged Change(CommitmentStatus from, CommitmentStatus to) => new(C, "d", "F-1", from, to, June, "why", null);

    private static MeetingScheduled Scheduled => new(M, "d", MeetingKind.Summit, "Summit", "Rome", null, ["Japan", "Italy"], [], null);

    private static MeetingHeld Held => new(M, new DateSpan(June), "Rome", [], June);

    private static MeetingOutcomeRecorded Outcome => new(M, "Summary", ["Decision"], ["F-1"], June);

    private static Commitment? Fold(IReadOnlyList<Entry> entries) =>
        Entries.Live(entries).Aggregate((Commitment?)null, (s, e) => CommitmentDecider.Evolve(s, e.Data));

    private static string Broken(Action act) => Assert.Throws<RuleBroken>(act).Rule;

    [Fact]
    public void Voiding_a_status_change_appends_a_void_and_the_record_reads_as_if_it_had_never_been_recorded()
    {
        var record = Record(Made, Change(CommitmentStatus.Agreed, CommitmentStatus.Fulfilled));
        var events = EntryFixes.Decide(new VoidEntry(record[1].EventId, "Wrong status."), C, record);

        var voided = Assert.IsType<EntryVoided>(Assert.Single(events));
        Assert.Equal(new EventRef(C, 2, record[1].EventId), voided.Voids);
        Assert.Equal("commitment-status-changed", voided.Kind);
        var state = Fold(With(record, events))!;
        Assert.Equal(CommitmentStatus.Agreed, state.Status);
        Assert.Empty(state.StatusHistory);
    }

    [Fact]
    public void Voiding_twice_appends_nothing()
    {
        var record = Record(Made, Change(CommitmentStatus.Agreed, CommitmentStatus.Fulfilled));
        var once = With(record, EntryFixes.Decide(new VoidEntry(record[1].EventId, "Wrong."), C, record));
        Assert.Empty(EntryFixes.Decide(new VoidEntry(record[1].EventId, "Again."), C, once));
    }

    [Fact]
    public void A_records_first_entry_stays()
    {
        var record = Record(Made);
        Assert.Equal("first-entry-stays", Broken(() => EntryFixes.Decide(new VoidEntry(record[0].EventId, "x"), C, record)));
    }

    [Fact]
    public void A_records_first_entry_is_not_voided_while_later_entries_exist_and_the_refusal_names_them()
    {
        var record = Record(Scheduled, Held);
        var refusal = Assert.Throws<RuleBroken>(() => EntryFixes.Decide(new VoidEntry(record[0].EventId, "x"), M, record));
        Assert.Equal("entry-has-dependents", refusal.Rule);
        Assert.Contains($"meeting-held (version 2, eventId {record[1].EventId})", refusal.Message);
    }

    [Fact]
    public void A_status_change_that_later_changes_follow_is_not_voided_and_the_refusal_names_them()
    {
        var record = Record(Made, Change(CommitmentStatus.Agreed, CommitmentStatus.InProgress), Change(CommitmentStatus.InProgress, CommitmentStatus.Fulfilled));
        var refusal = Assert.Throws<RuleBroken>(() => EntryFixes.Decide(new VoidEntry(record[1].EventId, "x"), C, record));
        Assert.Equal("entry-has-dependents", refusal.Rule);
        Assert.Contains(record[2].EventId.ToString(), refusal.Message);
    }

    [Fact]
    public void A_meeting_held_with_an_outcome_is_not_voided_but_without_one_it_is()
    {
        var withOutcome = Record(Scheduled, Held, Outcome);
        Assert.Equal("entry-has-dependents", Broken(() => EntryFixes.Decide(new VoidEntry(withOutcome[1].EventId, "x"), M, withOutcome)));
        var voidedOutcome = With(withOutcome, EntryFixes.Decide(new VoidEntry(withOutcome[2].EventId, "x"), M, withOutcome));
        Assert.Single(EntryFixes.Decide(new VoidEntry(withOutcome[1].EventId, "x"), M, voidedOutcome));
    }

    [Fact]
    public void An_items_addition_that_its_progress_follows_is_not_voided()
    {
        var record = Record(
            new ActionPlanAdopted("p", "d", "Plan", June, June, June),
            new ActionPlanItemAdded("p", "d", "a", "F-1", "Item", June),
            new ActionPlanItemProgressUpdated("p", "d", "a", "F-1", ItemProgress.NotStarted, ItemProgress.OnTrack, "note", June));
        Assert.Equal("entry-has-dependents", Broken(() => EntryFixes.Decide(new VoidEntry(record[1].EventId, "x"), "p", record)));
    }

    [Fact]
    public void A_milestone_that_was_met_is_not_voided_but_its_being_met_is()
    {
        var record = Record(Made,
            new CommitmentMilestoneAdded(C, "d", "F-1", "m", "Design review", June, June),
            new CommitmentMilestoneMet(C, "d", "F-1", "m", null, June));
        Assert.Equal("entry-has-dependents", Broken(() => EntryFixes.Decide(new VoidEntry(record[1].EventId, "x"), C, record)));
        Assert.Single(EntryFixes.Decide(new VoidEntry(record[2].EventId, "x"), C, record));
    }

    [Fact]
    public void A_clause_of_an_adopted_statement_is_not_voided()
    {
        var record = Record(
            new JointStatementDrafted("s", "d", "Statement", null, June),
            new ClauseAdded("s", 1, "F-1", "Heading", "Text", June),
            new JointStatementAdopted("s", M, June, "Rome", ["A", "B"], ["F-1"], June));
        Assert.Equal("entry-has-dependents", Broken(() => EntryFixes.Decide(new VoidEntry(record[1].EventId, "x"), "s", record)));
    }

    [Fact]
    public void A_void_or_correction_is_not_itself_voided_or_corrected()
    {
        var record = Record(Made, Change(CommitmentStatus.Agreed, CommitmentStatus.Fulfilled));
        var voided = With(record, EntryFixes.Decide(new VoidEntry(record[1].EventId, "x"), C, record));
        Assert.Equal("fixes-stand", Broken(() => EntryFixes.Decide(new VoidEntry(voided[2].EventId, "x"), C, voided)));
        Assert.Equal("fixes-stand", Broken(() => EntryFixes.Decide(new CorrectEntry(voided[2].EventId, "x", Place: "Rome"), C, voided)));
    }

    [Fact]
    public void A_voided_entry_is_not_corrected()
    {
        var record = Record(Made, Change(CommitmentStatus.Agreed, CommitmentStatus.Fulfilled));
        var voided = With(record, EntryFixes.Decide(new VoidEntry(record[1].EventId, "x"), C, record));
        Assert.Equal("voided-entries-are-not-corrected",
            Broken(() => EntryFixes.Decide(new CorrectEntry(record[1].EventId, "x", To: CommitmentStatus.Withdrawn), C, voided)));
    }

    [Fact]
    public void An_unknown_entry_is_not_found() =>
        Assert.Throws<RecordNotFound>(() => EntryFixes.Decide(new VoidEntry(Guid.NewGuid(), "x"), C, Record(Made)));

    [Fact]
    public void A_corrected_target_is_marked_in_the_status_history_with_the_target_first_recorded_until_corrected_back()
    {
        var record = Record(Made, Change(CommitmentStatus.Agreed, CommitmentStatus.Fulfilled));
        var once = With(record, EntryFixes.Decide(new CorrectEntry(record[1].EventId, "x", To: CommitmentStatus.Withdrawn), C, record));
        var change = Assert.Single(Fold(once)!.StatusHistory);
        Assert.Equal((CommitmentStatus.Withdrawn, CommitmentStatus.Fulfilled), (change.To, change.CorrectedFrom));

        var twice = With(once, EntryFixes.Decide(new CorrectEntry(record[1].EventId, "x", To: CommitmentStatus.Lapsed), C, once));
        Assert.Equal(CommitmentStatus.Fulfilled, Assert.Single(Fold(twice)!.StatusHistory).CorrectedFrom);
        var back = With(twice, EntryFixes.Decide(new CorrectEntry(record[1].EventId, "x", To: CommitmentStatus.Fulfilled), C, twice));
        Assert.Null(Assert.Single(Fold(back)!.StatusHistory).CorrectedFrom);
    }

    [Fact]
    public void A_refusal_names_a_status_with_its_article()
    {
        var record = Record(Made, Change(CommitmentStatus.Agreed, CommitmentStatus.InProgress));
        var state = Fold(record)!;
        var refused = Assert.Throws<RuleBroken>(() => CommitmentDecider.Decide(
            new ChangeCommitmentStatus(C, CommitmentStatus.Agreed, June, "back", null), state, new DateOnly(2026, 12, 1)));
        Assert.StartsWith("An in-progress commitment cannot become agreed", refused.Message);
    }

    [Fact]
    public void A_status_changes_target_is_corrected_to_a_legal_move_from_its_from()
    {
        var record = Record(Made, Change(CommitmentStatus.Agreed, CommitmentStatus.Fulfilled));
        var events = EntryFixes.Decide(new CorrectEntry(record[1].EventId, "It was withdrawn.", To: CommitmentStatus.Withdrawn), C, record);
        var correction = Assert.IsType<CommitmentStatusChangeTargetCorrected>(Assert.Single(events));
        Assert.Equal(CommitmentStatus.Fulfilled, correction.WasTo);
        var state = Fold(With(record, events))!;
        Assert.Equal(CommitmentStatus.Withdrawn, state.Status);
        Assert.Equal(CommitmentStatus.Withdrawn, Assert.Single(state.StatusHistory).To);
        Assert.Empty(EntryFixes.Decide(new CorrectEntry(record[1].EventId, "same", To: CommitmentStatus.Fulfilled), C, record));
        Assert.Equal("commitment-lifecycle",
            Broken(() => EntryFixes.Decide(new CorrectEntry(record[1].EventId, "x", To: CommitmentStatus.Proposed), C, record)));
        Assert.Equal("superseded-names-successor",
            Broken(() => EntryFixes.Decide(new CorrectEntry(record[1].EventId, "x", To: CommitmentStatus.Superseded), C, record)));
    }

    [Fact]
    public void A_status_changes_target_is_not_corrected_while_a_later_change_follows_it()
    {
        var record = Record(Made, Change(CommitmentStatus.Agreed, CommitmentStatus.InProgress), Change(CommitmentStatus.InProgress, CommitmentStatus.Fulfilled));
        Assert.Equal("entry-has-dependents",
            Broken(() => EntryFixes.Decide(new CorrectEntry(record[1].EventId, "x", To: CommitmentStatus.Withdrawn), C, record)));
    }

    [Fact]
    public void A_meetings_place_and_outcome_are_corrected_and_a_value_of_another_kind_is_refused_naming_it()
    {
        var record = Record(Scheduled, Held, Outcome);
        Assert.IsType<MeetingHeldPlaceCorrected>(Assert.Single(EntryFixes.Decide(new CorrectEntry(record[1].EventId, "x", Place: "Milan"), M, record)));
        var outcome = Assert.IsType<MeetingOutcomeCorrected>(Assert.Single(
            EntryFixes.Decide(new CorrectEntry(record[2].EventId, "x", Decisions: ["Other decision"]), M, record)));
        Assert.Equal("Summary", outcome.Summary);
        var invalid = Assert.Throws<InvalidCommand>(() => EntryFixes.Decide(new CorrectEntry(record[1].EventId, "x", Summary: "s"), M, record));
        Assert.Contains("summary", invalid.Errors.Keys);
        invalid = Assert.Throws<InvalidCommand>(() => EntryFixes.Decide(new CorrectEntry(record[0].EventId, "x", Place: "p"), M, record));
        Assert.Contains("place", invalid.Errors.Keys);
    }

    [Fact]
    public void Live_entries_drop_voided_entries_their_corrections_and_the_fixes_and_apply_value_corrections_in_order()
    {
        var record = Record(Scheduled, Held, Outcome);
        var corrected = With(record, [new MeetingHeldPlaceCorrected(M, new EventRef(M, 2, record[1].EventId), "Rome", "Milan", "x"),
            new MeetingHeldPlaceCorrected(M, new EventRef(M, 2, record[1].EventId), "Milan", "Turin", "x"),
            new EntryVoided(M, new EventRef(M, 3, record[2].EventId), "meeting-outcome-recorded", "x")]);
        var live = Entries.Live(corrected);
        Assert.Equal(2, live.Count);
        Assert.Equal("Turin", Assert.IsType<MeetingHeld>(live[1].Data).Place);
        Assert.Equal(record[1].EventId, live[1].EventId);
    }

    [Fact]
    public void A_date_correction_can_be_voided_and_a_void_takes_the_corrections_of_its_entry_with_it()
    {
        var record = Record(Made, Change(CommitmentStatus.Agreed, CommitmentStatus.Fulfilled));
        var dated = With(record, [new CommitmentStatusChangeCorrected(C, "d", "F-1", new EventRef(C, 2, record[1].EventId), CommitmentStatus.Fulfilled,
            June, PartialDate.Parse("2026-07-01"), "Late.")]);
        Assert.Equal(PartialDate.Parse("2026-07-01"), Fold(dated)!.StatusSince);

        var dateVoided = With(dated, EntryFixes.Decide(new VoidEntry(dated[2].EventId, "Wrong correction."), C, dated));
        Assert.Equal(June, Fold(dateVoided)!.StatusSince);

        var changeVoided = With(dated, EntryFixes.Decide(new VoidEntry(dated[1].EventId, "Wrong change."), C, dated));
        Assert.Single(Entries.Live(changeVoided));
        Assert.Equal(CommitmentStatus.Agreed, Fold(changeVoided)!.Status);
    }

    [Fact]
    public void A_status_changes_target_is_not_corrected_while_a_date_correction_names_it()
    {
        var record = Record(Made, Change(CommitmentStatus.Agreed, CommitmentStatus.Fulfilled));
        var dated = With(record, [new CommitmentStatusChangeCorrected(C, "d", "F-1", new EventRef(C, 2, record[1].EventId), CommitmentStatus.Fulfilled,
            June, PartialDate.Parse("2026-07-01"), "Late.")]);
        Assert.Equal("entry-has-dependents",
            Broken(() => EntryFixes.Decide(new CorrectEntry(record[1].EventId, "x", To: CommitmentStatus.Withdrawn), C, dated)));
    }

    [Fact]
    public void An_amendment_that_a_later_amendment_follows_is_not_voided_but_the_last_one_is()
    {
        var record = Record(Made,
            new CommitmentAmended(C, "d", "F-1", "Text", "Text 2", June, "r"),
            new CommitmentAmended(C, "d", "F-1", "Text 2", "Text 3", June, "r"));
        Assert.Equal("entry-has-dependents", Broken(() => EntryFixes.Decide(new VoidEntry(record[1].EventId, "x"), C, record)));
        var voided = With(record, EntryFixes.Decide(new VoidEntry(record[2].EventId, "x"), C, record));
        Assert.Equal("Text 2", Fold(voided)!.Text);
    }

    [Fact]
    public void Commands_check_their_own_input()
    {
        Assert.Contains("eventId", Assert.Throws<InvalidCommand>(() => new VoidEntry(Guid.Empty, "x").ThrowIfInvalid()).Errors.Keys);
        Assert.Contains("reason", Assert.Throws<InvalidCommand>(() => new VoidEntry(Guid.NewGuid(), " ").ThrowIfInvalid()).Errors.Keys);
        Assert.Contains("to", Assert.Throws<InvalidCommand>(() => new CorrectEntry(Guid.NewGuid(), "x").ThrowIfInvalid()).Errors.Keys);
        Assert.Contains("place", Assert.Throws<InvalidCommand>(() => new CorrectEntry(Guid.NewGuid(), "x", Place: " ").ThrowIfInvalid()).Errors.Keys);
    }
}
