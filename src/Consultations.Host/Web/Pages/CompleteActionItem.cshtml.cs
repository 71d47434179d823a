using Consultations.Host.ActionPlans;

namespace Consultations.Host.Web.Pages;

/// <summary>Completes an item picked from the plan's open ones through <see cref="ActionPlanEndpoints.Handle(CompleteActionPlanItem, Recorder, CancellationToken)"/>.</summary>
public sealed class CompleteActionItemModel : ActionItemForm
{
    public string? Note { get; set; }

    protected override object? Command(string id)
    {
        var item = PickedItem();
        var on = EffectiveDay("is required: the day the item was completed.");
        return Errors.Count > 0 ? null
            : new CompleteActionPlanItem(id, item!.ItemId, OrNull(Note), on!.Value);
    }
}
