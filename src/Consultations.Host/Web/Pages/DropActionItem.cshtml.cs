using Consultations.Domain.ActionPlans;
using Consultations.Host.ActionPlans;

namespace Consultations.Host.Web.Pages;

/// <summary>Drops an item picked from the plan's open ones, with the reason, through <see cref="ActionPlanEndpoints.Handle(DropActionPlanItem, Recorder, CancellationToken)"/>.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class DropActionItemModel(Recorder recorder, WriteConditions conditions) : ActionItemForm(recorder, conditions)
{
    [BindProperty] public string? Reason { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? DroppedOn { get; set; }

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        var item = PickedItem();
        var on = RequiredDate("effectiveOn", DroppedOn, "is required: the day the item was dropped.");
        return Errors.Count > 0 ? null
            : (r, c) => ActionPlanEndpoints.Handle(new DropActionPlanItem(id, item!.ItemId, Reason ?? "", on!.Value), r, c);
    }
}
