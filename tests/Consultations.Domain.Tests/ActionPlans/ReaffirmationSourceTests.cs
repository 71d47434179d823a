using static Consultations.Domain.Tests.Common.SourceRecords;

namespace Consultations.Domain.Tests.ActionPlans;

/// <summary>A plan is reaffirmed only by a meeting held or a statement adopted, not before it (ADR 0059).</summary>
public sealed class ReaffirmationSourceTests() : Specification<ActionPlan>(ActionPlanDecider.Evolve, typeof(ActionPlanDecider))
{
    private const string Id = "AP-2024-2027";
    private static readonly SourceRef ByParis = new(SourceKind.Meeting, "MTG-2026-PARIS");
    private static readonly SourceRef ByStatement = new(SourceKind.Statement, "JS-2026-PARIS");

    private static ActionPlanAdopted Adopted() => new(Id, "DLG-SPACE", "Space Action Plan 2024–2027", On("2024"), On("2027"), On("2024-03-12"));

    private static ReaffirmActionPlan Reaffirm(SourceRef by, string on = "2026-03-01") => new(Id, by, null, On(on));

    [Fact]
    public void A_plan_reaffirmed_by_a_cancelled_meeting_is_refused() =>
        Given(Adopted()).When(Reaffirm(ByParis) with { ByMeeting = Meeting(status: MeetingStatus.Cancelled) })
            .ThenRefused("source-held-or-adopted", Conflict);

    [Fact]
    public void A_plan_reaffirmed_by_a_meeting_not_yet_held_is_refused() =>
        Given(Adopted()).When(Reaffirm(ByParis) with { ByMeeting = Meeting(status: MeetingStatus.Scheduled, from: "2026-12-20", to: null) })
            .ThenRefused("source-held-or-adopted", Conflict);

    [Fact]
    public void A_plan_reaffirmed_by_a_meeting_before_it_was_held_is_refused() =>
        Given(Adopted()).When(Reaffirm(ByParis, on: "2026-02-09") with { ByMeeting = Meeting() }).ThenRefused("entry-after-its-source", Invalid);

    [Fact]
    public void A_plan_reaffirmed_by_a_statement_only_drafted_is_refused() =>
        Given(Adopted()).When(Reaffirm(ByStatement) with { ByStatement = Statement(adoptedOn: null) }).ThenRefused("source-held-or-adopted", Conflict);

    [Fact]
    public void A_plan_reaffirmed_by_a_statement_before_its_adoption_is_refused() =>
        Given(Adopted()).When(Reaffirm(ByStatement, on: "2026-02-10") with { ByStatement = Statement() }).ThenRefused("entry-after-its-source", Invalid);

    [Theory]
    [InlineData("MTG-2026-PARIS", "2026-02-10")]
    [InlineData("JS-2026-PARIS", "2026-02-11")]
    public void A_plan_reaffirmed_by_a_meeting_held_or_a_statement_adopted_on_or_after_its_day_is_recorded(string by, string on)
    {
        var source = by == ByParis.Id ? ByParis : ByStatement;
        Given(Adopted()).When(Reaffirm(source, on) with { ByMeeting = Meeting(), ByStatement = Statement() })
            .Then(new ActionPlanReaffirmed(Id, "DLG-SPACE", source, null, On(on)));
    }
}
