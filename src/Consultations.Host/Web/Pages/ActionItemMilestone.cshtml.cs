using Consultations.Domain.ActionPlans;
using Consultations.Host.ActionPlans;

namespace Consultations.Host.Web.Pages;

/// <summary>Adds a dated milestone to an item through <see cref="ActionPlanEndpoints.Handle(AddActionItemMilestone, Recorder, CancellationToken)"/>; its id made from its title.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class ActionItemMilestoneModel(Recorder recorder, WriteConditions conditions) : ActionItemForm(recorder, conditions)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? DueOn { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? AddedOn { get; set; }

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        var item = PickedItem();
        var due = RequiredDate("dueOn", DueOn, "is required: when it falls due.");
        var on = RequiredDate("effectiveOn", AddedOn, "is required: the day it was agreed.");
        var milestoneId = WebIds.Slug(Title);
        if (milestoneId.Length > 0 && item is not null && item.Milestones.Any(m => m.MilestoneId == milestoneId))
            Errors["title"] = "This item already has a milestone of that title.";
        return Errors.Count > 0 ? null
            : (r, c) => ActionPlanEndpoints.Handle(new AddActionItemMilestone(id, item!.ItemId, milestoneId, Title ?? "", due!.Value, on!.Value), r, c);
    }
}
