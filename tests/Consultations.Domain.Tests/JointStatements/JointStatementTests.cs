namespace Consultations.Domain.Tests.JointStatements;

public sealed class JointStatementTests() : Specification<JointStatement>(JointStatementDecider.Evolve, typeof(JointStatementDecider))
{
    private const string Id = "JS-2026-PARIS";

    private static DraftJointStatement Draft(string dialogue = "DLG-SPACE", string title = "Paris Joint Statement on Space", string? preamble = "Recalling…", string on = "2026-04") =>
        new(Id, dialogue, title, preamble, On(on));

    private static JointStatementDrafted Drafted(string title = "Paris Joint Statement on Space", string on = "2026-04") =>
        new(Id, "DLG-SPACE", title, "Recalling…", On(on));

    private static AddClause AddClause(int number = 1, string field = "SPACE-SUST", string text = "The parties will share debris data.", string on = "2026-05") =>
        new(Id, number, field, "Debris", text, On(on));

    private static ClauseAdded ClauseAdded(int number = 1, string field = "SPACE-SUST", string text = "The parties will share debris data.", string on = "2026-05") =>
        new(Id, number, field, "Debris", text, On(on));

    private static AdoptJointStatement Adopt(string meeting = "MTG-2026-PARIS", string on = "2026-06-04", string[]? signatories = null, Meeting? at = null) =>
        new(Id, meeting, On(on), "Paris", signatories ?? ["Minister for Europe and Foreign Affairs", "Minister of External Affairs"])
        {
            Meeting = at ?? Meeting(meeting),
        };

    /// <summary>The meeting as the record holds it: held on 3–4 June 2026 unless said otherwise.</summary>
    private static Meeting Meeting(string id = "MTG-2026-PARIS", MeetingStatus status = MeetingStatus.Held, string from = "2026-06-03", string? to = "2026-06-04") =>
        new(id, "DLG-SPACE", MeetingKind.Summit, "Paris summit", "Paris", Span(from, to), ["France", "India"], [], status, On("2026-01"),
            status == MeetingStatus.Held ? Span(from, to) : null, [], null, status == MeetingStatus.Cancelled ? "Elections" : null);

    private static JointStatementAdopted Adopted(string meeting = "MTG-2026-PARIS", string on = "2026-06-04", string[]? fields = null) =>
        new(Id, meeting, On(on), "Paris", ["Minister for Europe and Foreign Affairs", "Minister of External Affairs"], fields ?? ["SPACE-SUST"], On(on));

    // Drafting

    [Fact]
    public void Drafting_a_statement_records_it() =>
        Given().When(Draft()).Then(Drafted());

    [Fact]
    public void Drafting_a_statement_with_an_effective_date_after_today_is_refused() =>
        Given().When(Draft(on: "2026-12")).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void Drafting_the_same_statement_again_changes_nothing() =>
        Given(Drafted()).When(Draft()).ThenNothingHappens();

    // A repeat that differs from the record in any of these contradicts it, and answering it as a repeat would lose the
    // new details; each row was a fact of its own, named "Drafting_the_statement_again_<difference>_is_refused".
    private static Dictionary<string, DraftJointStatement> Redraftings => new()
    {
        ["with another title"] = Draft(title: "Paris Declaration"),
        ["in another dialogue"] = Draft(dialogue: "DLG-CYBER"),
        ["with another preamble"] = Draft(preamble: null),
    };

    [Theory, RowsOf(nameof(Redraftings))]
    public void Drafting_the_statement_again_differently_is_refused(string difference) =>
        Given(Drafted()).When(Redraftings[difference]).ThenRefused("statement-drafted-once", Conflict);

    // A statement known only from the day it was adopted: its drafting day is not on record (ADR 0056).

    private static DraftJointStatement DraftKnownBy(string knownBy = "2026-06-04") => new(Id, "DLG-SPACE", "Paris Joint Statement on Space", "Recalling…", null, KnownBy: On(knownBy));

    private static JointStatementDrafted DraftedKnownBy(string knownBy = "2026-06-04") => new(Id, "DLG-SPACE", "Paris Joint Statement on Space", "Recalling…", null, KnownBy: On(knownBy));

    [Fact]
    public void Drafting_a_statement_whose_drafting_day_is_not_on_record_records_the_day_it_was_known_by() =>
        Given().When(DraftKnownBy()).Then(DraftedKnownBy());

    [Fact]
    public void A_statement_drafted_on_an_unknown_day_is_in_effect_by_the_day_it_was_known_by()
    {
        Assert.Equal(new DateOnly(2026, 6, 4), ((IInEffectBy)DraftedKnownBy()).InEffectBy);
        Assert.Null(((IInEffectBy)Drafted()).InEffectBy);
    }

    [Fact]
    public void A_statement_known_by_a_day_after_today_is_refused() =>
        Given().When(DraftKnownBy("2026-12-31")).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void Drafting_it_again_with_a_drafting_day_is_refused() =>
        Given(DraftedKnownBy()).When(Draft(on: "2026-06-04")).ThenRefused("statement-drafted-once", Conflict);

    [Fact]
    public void Drafting_it_again_known_by_the_same_day_changes_nothing() =>
        Given(DraftedKnownBy()).When(DraftKnownBy()).ThenNothingHappens();

    [Fact]
    public void A_statement_whose_drafting_day_is_not_on_record_can_be_adopted_on_the_day_it_was_known_by() =>
        Given(DraftedKnownBy(), ClauseAdded()).When(Adopt()).Then(Adopted());

    [Fact]
    public void A_statement_stored_with_its_drafting_day_reads_as_before() =>
        Assert.Equal(On("2026-04"), JointStatementDecider.Evolve(null, Drafted())!.DraftedOn);

    // Clauses

    [Fact]
    public void Adding_a_clause_to_an_unknown_statement_is_not_found() =>
        Given().When(AddClause()).ThenNotFound("joint statement", Id);

    [Fact]
    public void Adding_a_clause_records_it() =>
        Given(Drafted()).When(AddClause()).Then(ClauseAdded());

    [Fact]
    public void Adding_a_clause_with_an_effective_date_after_today_is_refused() =>
        Given(Drafted()).When(AddClause(on: "2026-11-26")).ThenRefused("effective-date-not-in-future", Invalid);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Adding_a_clause_numbered_below_one_is_refused(int number) =>
        Given(Drafted()).When(AddClause(number: number)).ThenRefused("clause-number-positive", Invalid);

    [Fact]
    public void Adding_the_same_clause_again_changes_nothing() =>
        Given(Drafted(), ClauseAdded()).When(AddClause(on: "2026-05-20")).ThenNothingHappens();

    [Fact]
    public void Adding_another_clause_under_a_number_already_taken_is_refused() =>
        Given(Drafted(), ClauseAdded()).When(AddClause(text: "The parties will not share debris data.")).ThenRefused("clause-numbers-unique", Conflict);

    [Fact]
    public void A_clause_added_after_adoption_is_refused() =>
        Given(Drafted(), ClauseAdded(), Adopted()).When(AddClause(number: 2, on: "2026-07")).ThenRefused("adopted-statement-is-final", Conflict);

    [Fact]
    public void Repeating_a_clause_the_adopted_statement_already_has_changes_nothing() =>
        Given(Drafted(), ClauseAdded(), Adopted()).When(AddClause()).ThenNothingHappens();

    // Adoption

    [Fact]
    public void Adopting_an_unknown_statement_is_not_found() =>
        Given().When(Adopt()).ThenNotFound("joint statement", Id);

    [Fact]
    public void Adopting_a_statement_records_it_with_the_fields_of_its_clauses_each_named_once() =>
        Given(Drafted(), ClauseAdded(1, "SPACE-SUST"), ClauseAdded(2, "EARTH-OBS"), ClauseAdded(3, "SPACE-SUST"))
            .When(Adopt())
            .Then(Adopted(fields: ["SPACE-SUST", "EARTH-OBS"]));

    [Fact]
    public void Adopting_a_statement_on_a_date_after_today_is_refused() =>
        Given(Drafted(), ClauseAdded()).When(Adopt(on: "2026-11-26")).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void Adopting_a_statement_without_clauses_is_refused() =>
        Given(Drafted()).When(Adopt()).ThenRefused("statement-has-clauses", Conflict);

    [Fact]
    public void Adopting_a_statement_before_it_was_drafted_is_refused() =>
        Given(Drafted(), ClauseAdded()).When(Adopt(on: "2026-03-31")).ThenRefused("adoption-after-drafting", Invalid);

    [Fact]
    public void A_statement_may_be_adopted_in_the_month_it_was_drafted() =>
        Given(Drafted(), ClauseAdded()).When(Adopt(on: "2026-04-30", at: Meeting(from: "2026-04-30", to: null))).Then(Adopted(on: "2026-04-30"));

    [Fact]
    public void Adopting_a_statement_at_a_meeting_not_yet_held_is_refused() =>
        Given(Drafted(), ClauseAdded()).When(Adopt(at: Meeting(status: MeetingStatus.Scheduled, from: "2027-05"))).ThenRefused("adopted-at-a-meeting-held", Conflict);

    [Fact]
    public void Adopting_a_statement_at_a_cancelled_meeting_is_refused() =>
        Given(Drafted(), ClauseAdded()).When(Adopt(at: Meeting(status: MeetingStatus.Cancelled))).ThenRefused("adopted-at-a-meeting-held", Conflict);

    [Fact]
    public void Adopting_a_statement_at_a_meeting_nobody_read_is_refused() =>
        Given(Drafted(), ClauseAdded()).When(Adopt() with { Meeting = null }).ThenRefused("adopted-at-a-meeting-held", Conflict);

    [Fact]
    public void Adopting_a_statement_at_a_meeting_read_for_another_is_refused() =>
        Given(Drafted(), ClauseAdded()).When(Adopt(at: Meeting("MTG-2026-DELHI"))).ThenRefused("adopted-at-a-meeting-held", Conflict);

    [Fact]
    public void Adopting_a_statement_on_a_day_before_the_meeting_was_held_is_refused() =>
        Given(Drafted(), ClauseAdded()).When(Adopt(on: "2026-06-02")).ThenRefused("adoption-at-the-meeting", Invalid);

    [Theory]
    [InlineData("2026-06-03")]
    [InlineData("2026-06-04")]
    public void A_statement_may_be_adopted_on_a_day_of_the_meeting(string on) =>
        Given(Drafted(), ClauseAdded()).When(Adopt(on: on)).Then(Adopted(on: on));

    // A month is not a day of the meeting (ADR 0064): "2026-06" could be the 1st, before the meeting and the drafting.
    [Theory]
    [InlineData("2026-06", "2026-06-04")]
    [InlineData("2026", "2026-06-04")]
    [InlineData("2026-06", null)]
    public void A_statement_adopted_at_a_meeting_known_to_the_day_on_a_month_or_a_year_is_refused(string on, string? to) =>
        Given(Drafted(), ClauseAdded()).When(Adopt(on: on, at: Meeting(from: "2026-06-03", to: to))).ThenRefused("adoption-at-the-meeting", Invalid);

    [Fact]
    public void A_statement_adopted_at_a_meeting_known_only_to_the_month_may_be_adopted_in_that_month() =>
        Given(Drafted(), ClauseAdded()).When(Adopt(on: "2026-06", at: Meeting(from: "2026-06", to: null))).Then(Adopted(on: "2026-06"));

    [Theory]
    [InlineData("2026-06-05")]
    [InlineData("2026-06-10")]
    public void Adopting_a_statement_at_a_meeting_of_several_days_after_its_last_day_is_refused(string on) =>
        Given(Drafted(), ClauseAdded()).When(Adopt(on: on)).ThenRefused("adoption-at-the-meeting", Invalid);

    [Fact]
    public void Adopting_a_statement_at_a_one_day_meeting_on_the_day_after_it_is_refused() =>
        Given(Drafted(), ClauseAdded()).When(Adopt(on: "2026-06-04", at: Meeting(from: "2026-06-03", to: null))).ThenRefused("adoption-at-the-meeting", Invalid);

    [Fact]
    public void A_statement_may_be_adopted_at_a_one_day_meeting_on_its_day() =>
        Given(Drafted(), ClauseAdded()).When(Adopt(on: "2026-06-03", at: Meeting(from: "2026-06-03", to: null))).Then(Adopted(on: "2026-06-03"));

    // ADR 0064: a clause is part of the text drafted.
    [Fact]
    public void A_clause_taking_effect_before_its_statement_was_drafted_is_refused() =>
        Given(Drafted(on: "2026-04-20")).When(AddClause(on: "2026-04-01")).ThenRefused("clause-after-drafting", Invalid);

    [Theory]
    [InlineData("2026-04-20")]
    [InlineData("2026-04")]
    public void A_clause_taking_effect_on_the_day_or_in_the_month_its_statement_was_drafted_is_added(string on) =>
        Given(Drafted(on: "2026-04-20")).When(AddClause(on: on)).Then(ClauseAdded(on: on));

    [Fact]
    public void Adopting_a_statement_without_signatories_is_refused() =>
        Given(Drafted(), ClauseAdded()).When(Adopt(signatories: [])).ThenRefused("statement-has-signatories", Invalid);

    [Fact]
    public void Adopting_a_statement_again_at_the_same_meeting_on_the_same_day_changes_nothing() =>
        Given(Drafted(), ClauseAdded(), Adopted()).When(Adopt()).ThenNothingHappens();

    [Fact]
    public void Adopting_a_statement_twice_at_another_meeting_is_refused() =>
        Given(Drafted(), ClauseAdded(), Adopted()).When(Adopt(meeting: "MTG-2026-DELHI")).ThenRefused("statement-adopted-once", Conflict);

    [Fact]
    public void Adopting_a_statement_again_on_another_day_is_refused() =>
        Given(Drafted(), ClauseAdded(), Adopted()).When(Adopt(on: "2026-06-05")).ThenRefused("statement-adopted-once", Conflict);

    // State

    [Fact]
    public void Evolve_builds_an_adopted_statement_with_its_clauses_in_number_order() =>
        Recorded.Same(
            new JointStatement(Id, "DLG-SPACE", "Paris Joint Statement on Space", "Recalling…", On("2026-04"),
                [
                    new Clause(1, "SPACE-SUST", "Debris", "The parties will share debris data."),
                    new Clause(2, "EARTH-OBS", "Debris", "The parties will share debris data."),
                    new Clause(3, "SPACE-SUST", "Debris", "The parties will share debris data."),
                ],
                new Adoption("MTG-2026-PARIS", On("2026-06-04"), "Paris", ["Minister for Europe and Foreign Affairs", "Minister of External Affairs"])),
            Given(Drafted(), ClauseAdded(3), ClauseAdded(1), ClauseAdded(2, "EARTH-OBS"), Adopted()).State);

    [Fact]
    public void A_drafted_statement_is_not_adopted() =>
        Assert.False(Given(Drafted(), ClauseAdded()).State!.IsAdopted);

    [Fact]
    public void An_adopted_statement_is_adopted() =>
        Assert.True(Given(Drafted(), ClauseAdded(), Adopted()).State!.IsAdopted);

    // The document a statement is

    [Fact]
    public void A_statement_drafted_from_a_document_points_its_clauses_to_it()
    {
        Given().When(Draft() with { DocumentId = "paris-statement" }).Then(Drafted() with { DocumentId = "paris-statement" });

        var statement = Given(Drafted() with { DocumentId = "paris-statement" }, ClauseAdded()).State!;
        Assert.Equal("paris-statement", statement.DocumentId);
        Assert.Equal("paris-statement", statement.Clauses.Single().DocumentId);
    }

    [Fact]
    public void Drafting_it_again_with_another_document_is_refused() =>
        Given(Drafted() with { DocumentId = "paris-statement" }).When(Draft()).ThenRefused("statement-drafted-once", Conflict);

    [Fact]
    public void Repeating_a_clause_of_a_statement_drafted_from_a_document_changes_nothing() =>
        Given(Drafted() with { DocumentId = "paris-statement" }, ClauseAdded()).When(AddClause()).ThenNothingHappens();
}
