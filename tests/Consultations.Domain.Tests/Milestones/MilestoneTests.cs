namespace Consultations.Domain.Tests.Milestones;

public sealed class MilestoneTests() : Specification<Milestone>(MilestoneDecider.Evolve, typeof(MilestoneDecider))
{
    private const string Id = "copuos-chairmanship";
    private const string Quote = "The Italian chairmanship of COPUOS in 2026-2027";

    private static RecordMilestone Record(string from = "2026", string? to = "2027", MilestoneCertainty certainty = MilestoneCertainty.Stated, string known = "2026-06-15") =>
        new(Id, "DLG-SPACE", "Chairmanship of COPUOS", new DateSpan(On(from), to is null ? null : On(to)), certainty, On(known), ["F-02"], "js-2026", Quote);

    private static MilestoneRecorded Recorded(string from = "2026", string? to = "2027", MilestoneCertainty certainty = MilestoneCertainty.Stated, string known = "2026-06-15") =>
        new(Id, "DLG-SPACE", "Chairmanship of COPUOS", new DateSpan(On(from), to is null ? null : On(to)), certainty, ["F-02"], "js-2026", Quote, On(known));

    [Fact]
    public void Recording_a_milestone_records_it() =>
        Given().When(Record()).Then(Recorded());

    [Fact]
    public void A_milestone_planned_for_a_later_year_is_a_plan_and_is_recorded() =>
        Given().When(Record(from: "2027", to: null, certainty: MilestoneCertainty.Possible))
            .Then(Recorded(from: "2027", to: null, certainty: MilestoneCertainty.Possible));

    [Fact]
    public void Knowing_of_a_milestone_after_today_is_refused() =>
        Given().When(Record(known: "2026-11-26")).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void A_milestone_ending_before_it_starts_is_refused() =>
        Given().When(Record(from: "2027", to: "2026")).ThenRefused("end-not-before-start", Invalid);

    [Fact]
    public void Recording_it_again_changes_nothing() =>
        Given(Recorded()).When(Record()).ThenNothingHappens();

    [Fact]
    public void Recording_the_same_id_with_other_dates_is_refused() =>
        Given(Recorded()).When(Record(to: "2028")).ThenRefused("milestone-recorded-once", Conflict);

    [Fact]
    public void A_milestone_without_fields_has_none() =>
        Given().When(new RecordMilestone(Id, "DLG-SPACE", "Anniversary", new DateSpan(On("2026")), MilestoneCertainty.Stated, On("2026-06-15")))
            .Then(new MilestoneRecorded(Id, "DLG-SPACE", "Anniversary", new DateSpan(On("2026")), MilestoneCertainty.Stated, [], null, null, On("2026-06-15")));
}
