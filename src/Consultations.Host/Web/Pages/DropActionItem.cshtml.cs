using Consultations.Host.ActionPlans;

namespace Consultations.Host.Web.Pages;

/// <summary>Drops an item picked from the plan's open ones, with the reason, through <see cref="ActionPlanEndpoints.Handle(DropActionPlanItem, Recorder, CancellationToken)"/>.</summary>
public sealed class DropActionItemModel : ActionItemForm
{
    public string? Reason { get; set; }

    protected override object? Command(string id)
    {
        var item = PickedItem();
        var on = EffectiveDay("is required: the day the item was dropped.");
        return Errors.Count > 0 ? null
            : new DropActionPlanItem(id, item!.ItemId, Reason ?? "", on!.Value);
    }
}
