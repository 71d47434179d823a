using Consultations.Domain.Common;

namespace Consultations.Domain.ActionPlans;

public sealed record ActionPlanItemLeadSet(string PlanId, string DialogueId, string ItemId, string FieldCode, string Party, string Lead, string? Previous,
    PartialDate EffectiveOn, string? Reason) : IFieldEvent
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

public sealed record ActionPlanItemMilestoneAdded(string PlanId, string DialogueId, string ItemId, string FieldCode, string MilestoneId, string Title, PartialDate DueOn,
    PartialDate EffectiveOn) : IFieldEvent
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

public sealed record ActionPlanItemMilestoneMet(string PlanId, string DialogueId, string ItemId, string FieldCode, string MilestoneId, string? Note, PartialDate EffectiveOn) : IFieldEvent
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

public sealed record ActionPlanItemMilestoneRescheduled(string PlanId, string DialogueId, string ItemId, string FieldCode, string MilestoneId, PartialDate WasDueOn,
    PartialDate DueOn, PartialDate EffectiveOn, string Reason) : IFieldEvent
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

/// <param name="Party">One of the dialogue's parties (checked by the route, which reads the dialogue).</param>
/// <param name="Reason">Required only when the party already has another lead.</param>
public sealed record SetActionItemLead(string PlanId, string ItemId, string Party, string Lead, PartialDate EffectiveOn, string? Reason) : ICommand
{
    public void Check(Check check) => check
        .Id("planId", PlanId)
        .Id("itemId", ItemId)
        .Text("party", Party, 200)
        .Text("lead", Lead, 200)
        .Date("effectiveOn", EffectiveOn)
        .OptionalText("reason", Reason, 4000);
}

public sealed record AddActionItemMilestone(string PlanId, string ItemId, string MilestoneId, string Title, PartialDate DueOn, PartialDate EffectiveOn) : ICommand
{
    public void Check(Check check) => check
        .Id("planId", PlanId)
        .Id("itemId", ItemId)
        .Milestone(MilestoneId, Title, DueOn)
        .Date("effectiveOn", EffectiveOn);
}

public sealed record MeetActionItemMilestone(string PlanId, string ItemId, string MilestoneId, string? Note, PartialDate EffectiveOn) : ICommand
{
    public void Check(Check check) => check
        .Id("planId", PlanId)
        .Id("itemId", ItemId)
        .Id("milestoneId", MilestoneId)
        .OptionalText("note", Note, 4000)
        .Date("effectiveOn", EffectiveOn);
}

public sealed record RescheduleActionItemMilestone(string PlanId, string ItemId, string MilestoneId, PartialDate DueOn, PartialDate EffectiveOn, string Reason) : ICommand
{
    public void Check(Check check) => check
        .Id("planId", PlanId)
        .Id("itemId", ItemId)
        .Id("milestoneId", MilestoneId)
        .Date("dueOn", DueOn)
        .Date("effectiveOn", EffectiveOn)
        .Text("reason", Reason, 4000);
}

/// <summary>Leads and milestones of action-plan items; they never move an item's progress.</summary>
public static class ActionItemFollowUp
{
    public static IReadOnlyList<object> Decide(SetActionItemLead command, ActionPlan? state, DateOnly today)
    {
        var (plan, item) = Item(state, command.PlanId, command.ItemId);
        Rules.NotInFuture(command.EffectiveOn, today);
        if (!FollowUpRules.IsNewLead(item.Leads, command.Party, command.Lead, command.Reason, out var previous)) return Rules.None;
        if (command.EffectiveOn.IsCertainlyBefore(item.AddedOn))
            throw new RuleBroken("follow-up-after-start", $"A lead cannot be set before item '{item.ItemId}' was added ({item.AddedOn}).", RuleKind.Invalid);
        return [new ActionPlanItemLeadSet(plan.Id, plan.DialogueId, item.ItemId, item.FieldCode, command.Party, command.Lead, previous, command.EffectiveOn, command.Reason)];
    }

    public static IReadOnlyList<object> Decide(AddActionItemMilestone command, ActionPlan? state, DateOnly today)
    {
        var (plan, item) = Item(state, command.PlanId, command.ItemId);
        Rules.NotInFuture(command.EffectiveOn, today);
        if (!FollowUpRules.IsNewMilestone(item.Milestones, command.MilestoneId, command.Title, command.DueOn, command.EffectiveOn, item.AddedOn,
                $"item '{item.ItemId}'")) return Rules.None;
        if (!item.IsOpen)
            throw new RuleBroken("closed-items-stay-closed", $"Item '{item.ItemId}' is {Words.Spoken(item.Progress)}; it takes no new milestones.");
        return [new ActionPlanItemMilestoneAdded(plan.Id, plan.DialogueId, item.ItemId, item.FieldCode, command.MilestoneId, command.Title, command.DueOn, command.EffectiveOn)];
    }

    public static IReadOnlyList<object> Decide(MeetActionItemMilestone command, ActionPlan? state, DateOnly today)
    {
        var (plan, item) = Item(state, command.PlanId, command.ItemId);
        var milestone = FollowUpRules.Existing(item.Milestones, command.MilestoneId, $"{plan.Id}/{item.ItemId}");
        Rules.NotInFuture(command.EffectiveOn, today);
        if (!FollowUpRules.IsMetNow(milestone, command.EffectiveOn)) return Rules.None;
        return [new ActionPlanItemMilestoneMet(plan.Id, plan.DialogueId, item.ItemId, item.FieldCode, milestone.MilestoneId, command.Note, command.EffectiveOn)];
    }

    public static IReadOnlyList<object> Decide(RescheduleActionItemMilestone command, ActionPlan? state, DateOnly today)
    {
        var (plan, item) = Item(state, command.PlanId, command.ItemId);
        var milestone = FollowUpRules.Existing(item.Milestones, command.MilestoneId, $"{plan.Id}/{item.ItemId}");
        Rules.NotInFuture(command.EffectiveOn, today);
        if (!FollowUpRules.IsRescheduled(milestone, command.DueOn, command.EffectiveOn)) return Rules.None;
        return [new ActionPlanItemMilestoneRescheduled(plan.Id, plan.DialogueId, item.ItemId, item.FieldCode, milestone.MilestoneId, milestone.DueOn, command.DueOn,
            command.EffectiveOn, command.Reason)];
    }

    private static (ActionPlan Plan, ActionPlanItem Item) Item(ActionPlan? state, string planId, string itemId)
    {
        var plan = Rules.Exists(state, "action plan", planId);
        return (plan, plan.Items.FirstOrDefault(i => i.ItemId == itemId) ?? throw new RecordNotFound("action plan item", $"{planId}/{itemId}"));
    }

    public static ActionPlan? Evolve(ActionPlan? state, object @event) => (state, @event) switch
    {
        (null, _) => state,
        (_, ActionPlanItemLeadSet e) => Change(state, e.ItemId, i => i with { Leads = i.Leads.WithLead(e.Party, e.Lead, e.EffectiveOn) }),
        (_, ActionPlanItemMilestoneAdded e) => Change(state, e.ItemId, i => i with { Milestones = i.Milestones.With(new DueMilestone(e.MilestoneId, e.Title, e.DueOn, e.EffectiveOn)) }),
        (_, ActionPlanItemMilestoneMet e) => Change(state, e.ItemId, i => i with
        {
            Milestones = i.Milestones.Change(e.MilestoneId, m => m with { MetOn = e.EffectiveOn, Note = e.Note }),
        }),
        (_, ActionPlanItemMilestoneRescheduled e) => Change(state, e.ItemId, i => i with
        {
            Milestones = i.Milestones.Change(e.MilestoneId, m => m with { DueOn = e.DueOn, Reschedules = m.Reschedules + 1 }),
        }),
        _ => state,
    };

    private static ActionPlan Change(ActionPlan plan, string itemId, Func<ActionPlanItem, ActionPlanItem> change) =>
        plan with { Items = plan.Items.Replace(i => i.ItemId == itemId, change) };
}
