using Consultations.Domain.ActionPlans;
using Consultations.Host.ActionPlans;

namespace Consultations.Host.Web.Pages;

/// <summary>Moves the due date of an item's open milestone through <see cref="ActionPlanEndpoints.Handle(RescheduleActionItemMilestone, Recorder, CancellationToken)"/>.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class ActionItemMilestoneRescheduleModel(Recorder recorder, WriteConditions conditions) : ItemMilestoneForm(recorder, conditions)
{
    [BindProperty] public string? DueOn { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? AgreedOn { get; set; }
    [BindProperty] public string? Reason { get; set; }

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        var picked = Picked();
        var due = RequiredDate("dueOn", DueOn, "is required: when it now falls due.");
        var on = RequiredDate("effectiveOn", AgreedOn, "is required: the day the new date was agreed.");
        return Errors.Count > 0 ? null
            : (r, c) => ActionPlanEndpoints.Handle(new RescheduleActionItemMilestone(id, picked!.Value.ItemId, picked.Value.Milestone.MilestoneId, due!.Value, on!.Value,
                Reason ?? ""), r, c);
    }
}
