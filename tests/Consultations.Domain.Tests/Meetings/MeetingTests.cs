namespace Consultations.Domain.Tests.Meetings;

public sealed class MeetingTests() : Specification<Meeting>(MeetingDecider.Evolve, typeof(MeetingDecider))
{
    private const string Id = "MTG-2026-PARIS";

    private static readonly Delegation French = new("France", "Director of Space Affairs", ["CNES", "MEAE"]);
    private static readonly Delegation Indian = new("India", "Joint Secretary", ["ISRO"]);
    private static readonly Delegation FrenchAsCame = new("France", "Deputy Director", ["CNES"]);

    private static ScheduleMeeting Schedule(
        string dialogue = "DLG-SPACE", MeetingKind kind = MeetingKind.Consultation, string title = "Ninth Space Consultations",
        string place = "Paris", DateSpan? planned = null, bool undated = false, string[]? parties = null, string? arrangedOn = "2026-02") =>
        new(Id, dialogue, kind, title, place, undated ? null : planned ?? Span("2026-05-28", "2026-05-29"), parties ?? ["France", "India"],
            [French, Indian], arrangedOn is null ? null : On(arrangedOn));

    private static MeetingScheduled Scheduled(string place = "Paris", DateSpan? planned = null, bool undated = false, string? arrangedOn = "2026-02") =>
        new(Id, "DLG-SPACE", MeetingKind.Consultation, "Ninth Space Consultations", place, undated ? null : planned ?? Span("2026-05-28", "2026-05-29"),
            ["France", "India"], [French, Indian], arrangedOn is null ? null : On(arrangedOn));

    private static RescheduleMeeting Reschedule(string place = "Toulouse", DateSpan? planned = null, bool undated = false, string on = "2026-04-02") =>
        new(Id, place, undated ? null : planned ?? Span("2026-06-03", "2026-06-04"), On(on), "Venue unavailable");

    private static MeetingRescheduled Rescheduled(string place = "Toulouse", DateSpan? planned = null, bool undated = false, string on = "2026-04-02") =>
        new(Id, place, undated ? null : planned ?? Span("2026-06-03", "2026-06-04"), On(on), "Venue unavailable");

    private static HoldMeeting Hold(DateSpan? dates = null, string? place = null, IReadOnlyList<Delegation>? participants = null) =>
        new(Id, dates ?? Span("2026-06-03", "2026-06-04"), place, participants);

    private static MeetingHeld Held(DateSpan? dates = null, string place = "Paris", IReadOnlyList<Delegation>? participants = null) =>
        new(Id, dates ?? Span("2026-06-03", "2026-06-04"), place, participants ?? [French, Indian], (dates ?? Span("2026-06-03", "2026-06-04")).From);

    private static RecordMeetingOutcome RecordOutcome(string summary = "Agreed a debris-mitigation work plan.", string[]? decisions = null, string? on = null) =>
        new(Id, summary, decisions ?? ["Set up a debris working group"], ["SPACE-SUST"], on is null ? null : On(on));

    private static MeetingOutcomeRecorded OutcomeRecorded(string summary = "Agreed a debris-mitigation work plan.", string[]? decisions = null, string on = "2026-06-04") =>
        new(Id, summary, decisions ?? ["Set up a debris working group"], ["SPACE-SUST"], On(on));

    private static CancelMeeting Cancel(string on = "2026-05-10") => new(Id, On(on), "Elections");

    private static MeetingCancelled Cancelled(string on = "2026-05-10") => new(Id, On(on), "Elections");

    // Scheduling

    [Fact]
    public void Scheduling_a_meeting_records_it() =>
        Given().When(Schedule()).Then(Scheduled());

    [Fact]
    public void A_meeting_can_be_planned_for_dates_after_today() =>
        Given().When(Schedule(planned: Span("2027-03-10", "2027-03-11"))).Then(Scheduled(planned: Span("2027-03-10", "2027-03-11")));

    [Fact]
    public void A_meeting_can_be_scheduled_before_its_dates_are_fixed() =>
        Given().When(Schedule(undated: true)).Then(Scheduled(undated: true));

    [Fact]
    public void A_meeting_can_be_scheduled_without_knowing_when_it_was_arranged() =>
        Given().When(Schedule(arrangedOn: null)).Then(Scheduled(arrangedOn: null));

    [Fact]
    public void Scheduling_a_meeting_arranged_after_today_is_refused() =>
        Given().When(Schedule(arrangedOn: "2026-12-01")).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void Scheduling_a_meeting_whose_planned_end_date_is_before_its_start_date_is_refused() =>
        Given().When(Schedule(planned: Span("2026-05-29", "2026-05-28"))).ThenRefused("end-not-before-start", Invalid);

    [Fact]
    public void Scheduling_a_meeting_with_one_party_is_refused() =>
        Given().When(Schedule(parties: ["France"])).ThenRefused("meeting-has-two-parties", Invalid);

    /// <summary>Parties are counted once each: a party named twice does not make a second one.</summary>
    [Fact]
    public void Scheduling_a_meeting_with_one_party_named_twice_is_refused() =>
        Given().When(Schedule(parties: ["France", "France"])).ThenRefused("meeting-has-two-parties", Invalid);

    [Fact]
    public void Scheduling_the_same_meeting_again_changes_nothing() =>
        Given(Scheduled()).When(Schedule()).ThenNothingHappens();

    [Fact]
    public void Scheduling_the_meeting_again_after_it_was_rescheduled_changes_nothing() =>
        Given(Scheduled(), Rescheduled()).When(Schedule()).ThenNothingHappens();

    // A repeat that differs from the record in any of these contradicts it, and answering it as a repeat would lose the
    // new details; each row was a fact of its own, named "Scheduling_the_meeting_again_<difference>_is_refused".
    private static Dictionary<string, ScheduleMeeting> Reschedulings => new()
    {
        ["in another dialogue"] = Schedule(dialogue: "DLG-CYBER"),
        ["as another kind of meeting"] = Schedule(kind: MeetingKind.Summit),
        ["with another title"] = Schedule(title: "Tenth Space Consultations"),
        ["with other parties"] = Schedule(parties: ["France", "Japan"]),
        // Only scheduling sets the delegations and the date the meeting was arranged: a repeat that differs there
        // contradicts the record, and answering it as a repeat would lose the new details.
        ["with other delegations"] = Schedule() with { Delegations = [French] },
        ["with another arrangement date"] = Schedule(arrangedOn: "2026-01"),
    };

    [Theory, RowsOf(nameof(Reschedulings))]
    public void Scheduling_the_meeting_again_differently_is_refused(string difference) =>
        Given(Scheduled()).When(Reschedulings[difference]).ThenRefused("meeting-scheduled-once", Conflict);

    // Rescheduling

    [Fact]
    public void Rescheduling_an_unknown_meeting_is_not_found() =>
        Given().When(Reschedule()).ThenNotFound("meeting", Id);

    [Fact]
    public void Rescheduling_a_meeting_records_its_new_place_and_dates() =>
        Given(Scheduled()).When(Reschedule()).Then(Rescheduled());

    [Fact]
    public void A_meeting_can_be_rescheduled_to_dates_not_yet_fixed() =>
        Given(Scheduled()).When(Reschedule(place: "Paris", undated: true)).Then(Rescheduled(place: "Paris", undated: true));

    [Fact]
    public void Rescheduling_a_meeting_with_an_effective_date_after_today_is_refused() =>
        Given(Scheduled()).When(Reschedule(on: "2026-11-26")).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void Rescheduling_a_meeting_to_an_end_date_before_its_start_date_is_refused() =>
        Given(Scheduled()).When(Reschedule(planned: Span("2026-06-04", "2026-06-03"))).ThenRefused("end-not-before-start", Invalid);

    [Fact]
    public void Rescheduling_a_meeting_with_an_effective_date_before_it_was_arranged_is_refused() =>
        Given(Scheduled(arrangedOn: "2026-03-10")).When(Reschedule(on: "2026-03-09")).ThenRefused("meeting-changes-after-arrangement", Invalid);

    [Fact]
    public void Rescheduling_a_meeting_in_the_month_it_was_arranged_is_not_certainly_earlier_and_is_recorded() =>
        Given(Scheduled(arrangedOn: "2026-03")).When(Reschedule(on: "2026-03-01")).Then(Rescheduled(on: "2026-03-01"));

    [Fact]
    public void Rescheduling_a_meeting_whose_arrangement_date_is_not_on_record_is_recorded() =>
        Given(Scheduled(arrangedOn: null)).When(Reschedule(on: "2025-01-01")).Then(Rescheduled(on: "2025-01-01"));

    [Fact]
    public void Cancelling_a_meeting_with_an_effective_date_before_it_was_arranged_is_refused() =>
        Given(Scheduled(arrangedOn: "2026-03-10")).When(new CancelMeeting(Id, On("2026-03-09"), "Postponed indefinitely")).ThenRefused("meeting-changes-after-arrangement", Invalid);

    [Fact]
    public void Rescheduling_a_held_meeting_is_refused() =>
        Given(Scheduled(), Held()).When(Reschedule()).ThenRefused("only-scheduled-meetings-reschedule", Conflict);

    [Fact]
    public void Rescheduling_a_cancelled_meeting_is_refused() =>
        Given(Scheduled(), Cancelled()).When(Reschedule()).ThenRefused("only-scheduled-meetings-reschedule", Conflict);

    [Fact]
    public void Rescheduling_a_meeting_to_the_place_and_dates_it_already_has_changes_nothing() =>
        Given(Scheduled(), Rescheduled()).When(Reschedule()).ThenNothingHappens();

    // Holding

    [Fact]
    public void Recording_an_unknown_meeting_as_held_is_not_found() =>
        Given().When(Hold()).ThenNotFound("meeting", Id);

    [Fact]
    public void A_meeting_held_where_and_with_whom_it_was_planned_takes_the_planned_place_and_delegations() =>
        Given(Scheduled()).When(Hold()).Then(Held());

    [Fact]
    public void An_empty_list_of_participants_means_the_planned_delegations_came() =>
        Given(Scheduled()).When(Hold(participants: [])).Then(Held());

    [Fact]
    public void A_meeting_held_elsewhere_and_with_other_people_records_them() =>
        Given(Scheduled())
            .When(Hold(place: "Toulouse", participants: [FrenchAsCame, Indian]))
            .Then(Held(place: "Toulouse", participants: [FrenchAsCame, Indian]));

    [Fact]
    public void A_meeting_that_was_never_given_dates_can_be_held() =>
        Given(Scheduled(undated: true)).When(Hold()).Then(Held());

    [Fact]
    public void A_meeting_held_today_can_be_recorded() =>
        Given(Scheduled()).When(Hold(dates: Span("2026-11-25"))).Then(Held(dates: Span("2026-11-25")));

    [Fact]
    public void Recording_a_meeting_as_held_with_an_end_date_before_its_start_date_is_refused() =>
        Given(Scheduled()).When(Hold(dates: Span("2026-06-04", "2026-06-03"))).ThenRefused("end-not-before-start", Invalid);

    [Fact]
    public void Recording_a_meeting_as_held_on_dates_after_today_is_refused() =>
        Given(Scheduled()).When(Hold(dates: Span("2026-12-01"))).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void Recording_a_meeting_as_held_when_it_has_not_ended_yet_is_refused() =>
        Given(Scheduled()).When(Hold(dates: Span("2026-11-25", "2026-11-26"))).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void Recording_a_cancelled_meeting_as_held_is_refused() =>
        Given(Scheduled(), Cancelled()).When(Hold()).ThenRefused("cancelled-meetings-are-not-held", Conflict);

    [Fact]
    public void Recording_a_meeting_as_held_again_on_the_same_dates_and_place_changes_nothing() =>
        Given(Scheduled(), Held()).When(Hold()).ThenNothingHappens();

    [Fact]
    public void Recording_a_meeting_held_elsewhere_as_held_again_without_a_place_changes_nothing() =>
        Given(Scheduled(), Held(place: "Toulouse")).When(Hold()).ThenNothingHappens();

    [Fact]
    public void Recording_a_meeting_as_held_again_on_other_dates_is_refused() =>
        Given(Scheduled(), Held()).When(Hold(dates: Span("2026-06-10"))).ThenRefused("meeting-held-once", Conflict);

    [Fact]
    public void Recording_a_meeting_as_held_again_in_another_place_is_refused() =>
        Given(Scheduled(), Held()).When(Hold(place: "Lyon")).ThenRefused("meeting-held-once", Conflict);

    // Outcome

    [Fact]
    public void Recording_the_outcome_of_an_unknown_meeting_is_not_found() =>
        Given().When(RecordOutcome()).ThenNotFound("meeting", Id);

    [Fact]
    public void The_outcome_of_a_held_meeting_takes_effect_on_its_last_day_unless_told_otherwise() =>
        Given(Scheduled(), Held()).When(RecordOutcome()).Then(OutcomeRecorded(on: "2026-06-04"));

    [Fact]
    public void The_outcome_of_a_held_meeting_can_take_effect_later() =>
        Given(Scheduled(), Held()).When(RecordOutcome(on: "2026-07")).Then(OutcomeRecorded(on: "2026-07"));

    [Fact]
    public void Recording_the_outcome_of_a_meeting_not_yet_held_is_refused() =>
        Given(Scheduled()).When(RecordOutcome()).ThenRefused("outcome-after-meeting-held", Conflict);

    [Fact]
    public void Recording_the_outcome_of_a_cancelled_meeting_is_refused() =>
        Given(Scheduled(), Cancelled()).When(RecordOutcome()).ThenRefused("outcome-after-meeting-held", Conflict);

    [Fact]
    public void An_outcome_taking_effect_before_the_meeting_is_refused() =>
        Given(Scheduled(), Held()).When(RecordOutcome(on: "2026-06-02")).ThenRefused("outcome-after-meeting-held", Invalid);

    [Fact]
    public void An_outcome_taking_effect_after_today_is_refused() =>
        Given(Scheduled(), Held()).When(RecordOutcome(on: "2027")).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void Recording_the_same_outcome_again_changes_nothing() =>
        Given(Scheduled(), Held(), OutcomeRecorded()).When(RecordOutcome(on: "2026-06-20")).ThenNothingHappens();

    [Fact]
    public void Another_outcome_revises_the_first_with_its_reason() =>
        Given(Scheduled(), Held(), OutcomeRecorded())
            .When(RecordOutcome(decisions: ["Set up a debris working group", "Meet again in 2027"]) with { Reason = "The minutes add a second decision." })
            .Then(OutcomeRecorded(decisions: ["Set up a debris working group", "Meet again in 2027"]) with { Reason = "The minutes add a second decision." });

    [Fact]
    public void Another_outcome_without_a_reason_is_refused_naming_the_reason() =>
        Given(Scheduled(), Held(), OutcomeRecorded())
            .When(RecordOutcome(summary: "A different summary."))
            .ThenInvalid("reason");

    [Fact]
    public void Other_evidence_for_the_same_outcome_is_a_revision_too() =>
        Given(Scheduled(), Held(), OutcomeRecorded())
            .When(RecordOutcome() with { Evidence = ["paris-minutes"] })
            .ThenInvalid("reason");

    [Fact]
    public void A_first_outcome_revises_nothing_and_keeps_no_reason() =>
        Given(Scheduled(), Held()).When(RecordOutcome() with { Reason = "Nothing to revise." }).Then(OutcomeRecorded());

    // Cancelling

    [Fact]
    public void Cancelling_an_unknown_meeting_is_not_found() =>
        Given().When(Cancel()).ThenNotFound("meeting", Id);

    [Fact]
    public void Cancelling_a_scheduled_meeting_records_it() =>
        Given(Scheduled()).When(Cancel()).Then(Cancelled());

    [Fact]
    public void Cancelling_a_meeting_with_an_effective_date_after_today_is_refused() =>
        Given(Scheduled()).When(Cancel(on: "2026-11-26")).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void Cancelling_a_cancelled_meeting_again_changes_nothing() =>
        Given(Scheduled(), Cancelled()).When(Cancel(on: "2026-05-11")).ThenNothingHappens();

    [Fact]
    public void Cancelling_a_held_meeting_is_refused() =>
        Given(Scheduled(), Held()).When(Cancel()).ThenRefused("held-meetings-are-not-cancelled", Conflict);

    [Fact]
    public void Cancelling_a_meeting_a_statement_is_on_record_as_adopted_at_is_refused() =>
        Given(Scheduled()).When(Cancel() with { AdoptedHere = ["paris-joint-statement"] }).ThenRefused("meetings-with-adoptions-are-not-cancelled", Conflict);

    // State

    [Fact]
    public void Evolve_builds_a_held_meeting_from_a_typical_history() =>
        Recorded.Same(
            new Meeting(Id, "DLG-SPACE", MeetingKind.Consultation, "Ninth Space Consultations", "Saint-Hubert",
                PlannedDates: Span("2026-06-03", "2026-06-04"), Parties: ["France", "India"], Delegations: [French, Indian],
                Status: MeetingStatus.Held, ArrangedOn: On("2026-02"), HeldDates: Span("2026-06-03", "2026-06-04"), Participants: [FrenchAsCame, Indian],
                Outcome: new MeetingOutcome("Agreed a debris-mitigation work plan.", ["Set up a debris working group"], ["SPACE-SUST"], On("2026-06-04")),
                CancellationReason: null),
            Given(Scheduled(), Rescheduled(), Held(place: "Saint-Hubert", participants: [FrenchAsCame, Indian]), OutcomeRecorded()).State);

    [Fact]
    public void A_held_meeting_is_placed_in_time_by_when_it_was_held() =>
        Assert.Equal(Span("2026-06-10"), Given(Scheduled(), Held(dates: Span("2026-06-10"))).State!.Dates);

    [Fact]
    public void A_meeting_not_yet_held_is_placed_in_time_by_its_planned_dates() =>
        Assert.Equal(Span("2026-06-03", "2026-06-04"), Given(Scheduled(), Rescheduled()).State!.Dates);

    [Fact]
    public void Evolve_builds_a_cancelled_meeting() =>
        Recorded.Same(
            new Meeting(Id, "DLG-SPACE", MeetingKind.Consultation, "Ninth Space Consultations", "Paris",
                Span("2026-05-28", "2026-05-29"), ["France", "India"], [French, Indian],
                MeetingStatus.Cancelled, On("2026-02"), null, [], null, "Elections"),
            Given(Scheduled(), Cancelled()).State);

    // Evidence and unknown arrangement dates

    [Fact]
    public void An_outcome_carries_the_documents_it_is_known_from()
    {
        Given(Scheduled(), Held()).When(RecordOutcome() with { Evidence = ["paris-minutes"] })
            .Then(OutcomeRecorded() with { Evidence = ["paris-minutes"] });

        var meeting = Given(Scheduled(), Held(), OutcomeRecorded() with { Evidence = ["paris-minutes"] }).State!;
        Assert.Equal(["paris-minutes"], meeting.Outcome!.Evidence);
    }

    [Fact]
    public void A_meeting_whose_arrangement_date_is_unknown_may_say_by_when_it_was_arranged()
    {
        Given().When(Schedule(undated: true, arrangedOn: null) with { KnownBy = On("2026-06-15") })
            .Then(Scheduled(undated: true, arrangedOn: null) with { KnownBy = On("2026-06-15") });

        Assert.Equal(On("2026-06-15"), Given(Scheduled(undated: true, arrangedOn: null) with { KnownBy = On("2026-06-15") }).State!.KnownBy);
    }

    [Fact]
    public void Known_by_a_date_after_today_is_refused() =>
        Given().When(Schedule(arrangedOn: null) with { KnownBy = On("2026-12") }).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void An_undated_scheduling_counts_from_its_known_by_day_and_a_dated_one_from_its_own()
    {
        Assert.Equal(new DateOnly(2026, 6, 15), ((IInEffectBy)(Scheduled(arrangedOn: null) with { KnownBy = On("2026-06-15") })).InEffectBy);
        Assert.Equal(new DateOnly(2026, 6, 30), ((IInEffectBy)(Scheduled(arrangedOn: null) with { KnownBy = On("2026-06") })).InEffectBy);
        Assert.Null(((IInEffectBy)Scheduled()).InEffectBy);
    }

    [Fact]
    public void Scheduling_it_again_with_another_known_by_date_is_refused() =>
        Given(Scheduled(arrangedOn: null) with { KnownBy = On("2026-06-15") }).When(Schedule(arrangedOn: null))
            .ThenRefused("meeting-scheduled-once", Conflict);
}
