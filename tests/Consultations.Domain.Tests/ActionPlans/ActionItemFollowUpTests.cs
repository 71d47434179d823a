namespace Consultations.Domain.Tests.ActionPlans;

/// <summary>Leads and milestones of action-plan items (ADR 0025).</summary>
public sealed class ActionItemFollowUpTests() : Specification<ActionPlan>(ActionPlanDecider.Evolve, typeof(ActionItemFollowUp))
{
    private const string Id = "AP-2024-2027";
    private const string Item = "AP-3.1";

    private static readonly object[] PlanWithItem =
    [
        new ActionPlanAdopted(Id, "DLG-SPACE", "Plan", On("2024"), On("2027"), On("2024-03-12")),
        new ActionPlanItemAdded(Id, "DLG-SPACE", Item, "SPACE-SUST", "Joint debris-tracking study", On("2025-01")),
    ];

    private static object[] With(params object[] more) => [.. PlanWithItem, .. more];

    private static ActionPlanItemMilestoneAdded MilestoneAdded() => new(Id, "DLG-SPACE", Item, "SPACE-SUST", "report", "Study report", On("2026-12"), On("2026-03-01"));

    [Fact]
    public void An_item_s_lead_is_set_per_party_and_a_change_needs_a_reason()
    {
        Given(PlanWithItem).When(new SetActionItemLead(Id, Item, "Japan", "JAXA", On("2026-03-01"), null))
            .Then(new ActionPlanItemLeadSet(Id, "DLG-SPACE", Item, "SPACE-SUST", "Japan", "JAXA", null, On("2026-03-01"), null));
        var led = Given(With(new ActionPlanItemLeadSet(Id, "DLG-SPACE", Item, "SPACE-SUST", "Japan", "JAXA", null, On("2026-03-01"), null)));
        led.When(new SetActionItemLead(Id, Item, "Japan", "JAXA", On("2026-04-01"), null)).ThenNothingHappens();
        led.When(new SetActionItemLead(Id, Item, "Japan", "Cabinet Office", On("2026-04-01"), null)).ThenInvalid("reason");
        led.When(new SetActionItemLead(Id, Item, "Japan", "Cabinet Office", On("2026-04-01"), "Reorganised."))
            .Then(new ActionPlanItemLeadSet(Id, "DLG-SPACE", Item, "SPACE-SUST", "Japan", "Cabinet Office", "JAXA", On("2026-04-01"), "Reorganised."));
    }

    [Fact]
    public void A_lead_cannot_be_set_before_the_item_was_added() =>
        Given(PlanWithItem).When(new SetActionItemLead(Id, Item, "Japan", "JAXA", On("2024-06"), null)).ThenRefused("follow-up-after-start", Invalid);

    [Fact]
    public void An_unknown_item_is_not_found() =>
        Given(PlanWithItem).When(new AddActionItemMilestone(Id, "nope", "m", "T", On("2026-12"), On("2026-03-01"))).ThenNotFound("action plan item");

    [Fact]
    public void A_milestone_is_added_once_met_once_and_rescheduled_while_open()
    {
        Given(PlanWithItem).When(new AddActionItemMilestone(Id, Item, "report", "Study report", On("2026-12"), On("2026-03-01"))).Then(MilestoneAdded());
        Given(With(MilestoneAdded())).When(new AddActionItemMilestone(Id, Item, "report", "Study report", On("2026-12"), On("2026-03-01"))).ThenNothingHappens();
        Given(With(MilestoneAdded())).When(new AddActionItemMilestone(Id, Item, "report", "Other", On("2026-12"), On("2026-03-01"))).ThenRefused("milestone-ids-unique", Conflict);
        Given(With(MilestoneAdded())).When(new RescheduleActionItemMilestone(Id, Item, "report", On("2027-03"), On("2026-06-01"), "Late data."))
            .Then(new ActionPlanItemMilestoneRescheduled(Id, "DLG-SPACE", Item, "SPACE-SUST", "report", On("2026-12"), On("2027-03"), On("2026-06-01"), "Late data."));
        Given(With(MilestoneAdded())).When(new MeetActionItemMilestone(Id, Item, "report", "Delivered.", On("2026-10-01")))
            .Then(new ActionPlanItemMilestoneMet(Id, "DLG-SPACE", Item, "SPACE-SUST", "report", "Delivered.", On("2026-10-01")));
        var met = Given(With(MilestoneAdded(), new ActionPlanItemMilestoneMet(Id, "DLG-SPACE", Item, "SPACE-SUST", "report", "Delivered.", On("2026-10-01"))));
        met.When(new MeetActionItemMilestone(Id, Item, "report", "Delivered.", On("2026-10-01"))).ThenNothingHappens();
        met.When(new RescheduleActionItemMilestone(Id, Item, "report", On("2027-03"), On("2026-10-02"), "R")).ThenRefused("met-milestones-stay-met", Conflict);
        Assert.Equal(On("2026-10-01"), Assert.Single(Assert.Single(met.State!.Items).Milestones).MetOn);
    }

    [Fact]
    public void A_closed_item_takes_no_new_milestone() =>
        Given(With(new ActionPlanItemCompleted(Id, "DLG-SPACE", Item, "SPACE-SUST", ItemProgress.NotStarted, null, On("2026-02-01"))))
            .When(new AddActionItemMilestone(Id, Item, "report", "Study report", On("2026-12"), On("2026-03-01")))
            .ThenRefused("closed-items-stay-closed", Conflict);

    [Fact]
    public void A_milestone_cannot_be_met_before_it_was_set_or_fall_due_before_it_is_rescheduled()
    {
        Given(With(MilestoneAdded())).When(new MeetActionItemMilestone(Id, Item, "report", null, On("2026-02-01"))).ThenRefused("milestone-met-after-it-is-set", Invalid);
        Given(With(MilestoneAdded())).When(new RescheduleActionItemMilestone(Id, Item, "report", On("2026-04-01"), On("2026-06-01"), "R"))
            .ThenRefused("milestone-due-after-it-is-set", Invalid);
    }

    [Fact]
    public void The_commands_check_their_own_input()
    {
        Assert.Equal(["lead", "party"], Assert.Throws<InvalidCommand>(() => new SetActionItemLead(Id.ToLowerInvariant(), "ap-3-1", " ", "", On("2026-03-01"), null).ThrowIfInvalid())
            .Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["dueOn", "milestoneId", "title"], Assert.Throws<InvalidCommand>(() => new AddActionItemMilestone("ap", "ap-3-1", "Not An Id", "", default, On("2026-03-01")).ThrowIfInvalid())
            .Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["reason"], Assert.Throws<InvalidCommand>(() => new RescheduleActionItemMilestone("ap", "ap-3-1", "m", On("2027"), On("2026-03-01"), " ").ThrowIfInvalid())
            .Errors.Keys.Order(StringComparer.Ordinal));
    }
}
