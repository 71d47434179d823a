using Consultations.Domain.ActionPlans;
using Consultations.Host.ActionPlans;
using Consultations.Host.Infrastructure;
using Consultations.Host.Security;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

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
        if (string.IsNullOrWhiteSpace(DueOn)) Errors["dueOn"] = "is required: when it now falls due.";
        if (string.IsNullOrWhiteSpace(AgreedOn)) Errors["effectiveOn"] = "is required: the day the new date was agreed.";
        var due = Date("dueOn", DueOn);
        var on = Date("effectiveOn", AgreedOn);
        return Errors.Count > 0 ? null
            : (r, c) => ActionPlanEndpoints.Handle(new RescheduleActionItemMilestone(id, picked!.Value.ItemId, picked.Value.Milestone.MilestoneId, due!.Value, on!.Value,
                Reason ?? ""), r, c);
    }
}
