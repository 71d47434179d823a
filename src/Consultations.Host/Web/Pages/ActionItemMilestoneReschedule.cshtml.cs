using Consultations.Host.ActionPlans;

namespace Consultations.Host.Web.Pages;

/// <summary>Moves the due date of an item's open milestone through <see cref="ActionPlanEndpoints.Handle(RescheduleActionItemMilestone, Recorder, CancellationToken)"/>.</summary>
public sealed class ActionItemMilestoneRescheduleModel : ItemMilestoneForm
{
    public string? DueOn { get; set; }
    public string? Reason { get; set; }

    protected override object? Command(string id)
    {
        var picked = Picked();
        var due = RequiredDate("dueOn", DueOn, "is required: when it now falls due.");
        var on = EffectiveDay("is required: the day the new date was agreed.");
        return Errors.Count > 0 ? null
            : new RescheduleActionItemMilestone(id, picked!.Value.ItemId, picked.Value.Milestone.MilestoneId, due!.Value, on!.Value,
                Reason ?? "");
    }
}
