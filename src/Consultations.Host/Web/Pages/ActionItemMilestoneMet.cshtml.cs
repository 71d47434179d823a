using Consultations.Host.ActionPlans;

namespace Consultations.Host.Web.Pages;

/// <summary>Records that an item's milestone, picked from the plan's open ones, was met through <see cref="ActionPlanEndpoints.Handle(MeetActionItemMilestone, Recorder, CancellationToken)"/>.</summary>
public sealed class ActionItemMilestoneMetModel : ItemMilestoneForm
{
    public string? Note { get; set; }

    protected override object? Command(string id)
    {
        var picked = Picked();
        var on = EffectiveDay("is required: the day it was met.");
        return Errors.Count > 0 ? null
            : new MeetActionItemMilestone(id, picked!.Value.ItemId, picked.Value.Milestone.MilestoneId,
                OrNull(Note), on!.Value);
    }
}
