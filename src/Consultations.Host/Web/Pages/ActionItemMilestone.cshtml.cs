using Consultations.Host.ActionPlans;

namespace Consultations.Host.Web.Pages;

/// <summary>Adds a dated milestone to an item through <see cref="ActionPlanEndpoints.Handle(AddActionItemMilestone, Recorder, CancellationToken)"/>; its id made from its title.</summary>
public sealed class ActionItemMilestoneModel : ActionItemForm
{
    public string? Title { get; set; }
    public string? DueOn { get; set; }

    protected override object? Command(string id)
    {
        var item = PickedItem();
        var due = RequiredDate("dueOn", DueOn, "is required: when it falls due.");
        var on = EffectiveDay("is required: the day it was agreed.");
        var milestoneId = WebIds.Slug(Title);
        if (milestoneId.Length > 0 && item is not null && item.Milestones.Any(m => m.MilestoneId == milestoneId))
            Errors["title"] = "This item already has a milestone of that title.";
        return Errors.Count > 0 ? null
            : new AddActionItemMilestone(id, item!.ItemId, milestoneId, Title ?? "", due!.Value, on!.Value);
    }
}
