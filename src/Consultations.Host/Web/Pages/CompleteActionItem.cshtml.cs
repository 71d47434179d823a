using Consultations.Domain.ActionPlans;
using Consultations.Host.ActionPlans;

namespace Consultations.Host.Web.Pages;

/// <summary>Completes an item picked from the plan's open ones through <see cref="ActionPlanEndpoints.Handle(CompleteActionPlanItem, Recorder, CancellationToken)"/>.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class CompleteActionItemModel(Recorder recorder, WriteConditions conditions) : ActionItemForm(recorder, conditions)
{
    [BindProperty] public string? Note { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? DoneOn { get; set; }

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        var item = PickedItem();
        var on = RequiredDate("effectiveOn", DoneOn, "is required: the day the item was completed.");
        return Errors.Count > 0 ? null
            : (r, c) => ActionPlanEndpoints.Handle(new CompleteActionPlanItem(id, item!.ItemId, OrNull(Note), on!.Value), r, c);
    }
}
