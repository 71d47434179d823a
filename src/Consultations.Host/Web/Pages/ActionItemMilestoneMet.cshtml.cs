using Consultations.Domain.ActionPlans;
using Consultations.Host.ActionPlans;

namespace Consultations.Host.Web.Pages;

/// <summary>Records that an item's milestone, picked from the plan's open ones, was met through <see cref="ActionPlanEndpoints.Handle(MeetActionItemMilestone, Recorder, CancellationToken)"/>.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class ActionItemMilestoneMetModel(Recorder recorder, WriteConditions conditions) : ItemMilestoneForm(recorder, conditions)
{
    [BindProperty] public string? Note { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? MetOn { get; set; }

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        var picked = Picked();
        var on = RequiredDate("effectiveOn", MetOn, "is required: the day it was met.");
        return Errors.Count > 0 ? null
            : (r, c) => ActionPlanEndpoints.Handle(new MeetActionItemMilestone(id, picked!.Value.ItemId, picked.Value.Milestone.MilestoneId,
                OrNull(Note), on!.Value), r, c);
    }
}
