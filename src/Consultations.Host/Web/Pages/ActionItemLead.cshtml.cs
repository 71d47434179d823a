using Consultations.Host.ActionPlans;

namespace Consultations.Host.Web.Pages;

/// <summary>Sets the office that leads one party's part of an item through <see cref="ActionPlanEndpoints.Handle(SetActionItemLead, Recorder, CancellationToken)"/>; the party picked from the dialogue's.</summary>
public sealed class ActionItemLeadModel : ActionItemForm
{
    public string? Party { get; set; }
    public string? Lead { get; set; }
    public string? Reason { get; set; }

    public IReadOnlyList<string> Parties { get; private set; } = [];

    protected override async Task LoadChoicesAsync(IQuerySession read, CancellationToken ct) =>
        Parties = await DialogueChoices.PartiesAsync(read, Record.DialogueId, ct);

    protected override object? Command(string id)
    {
        var item = PickedItem();
        var on = EffectiveDay("is required: the day the lead took it on.");
        return Errors.Count > 0 ? null
            : new SetActionItemLead(id, item!.ItemId, Party ?? "", Lead ?? "", on!.Value, OrNull(Reason));
    }
}
