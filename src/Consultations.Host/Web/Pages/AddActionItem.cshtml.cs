using Consultations.Host.ActionPlans;
using Consultations.Projections.Fields;

namespace Consultations.Host.Web.Pages;

/// <summary>
/// Adds an item to an action plan through <see cref="ActionPlanEndpoints.Handle(AddActionPlanItem, Recorder, CancellationToken)"/>:
/// its field picked from the dialogue's, its id made from its text.
/// </summary>
public sealed class AddActionItemModel : ActionPlanForm
{
    public string? FieldCode { get; set; }
    public string? Text { get; set; }

    public IReadOnlyList<FieldStatus> Fields { get; private set; } = [];

    protected override async Task LoadChoicesAsync(IQuerySession read, CancellationToken ct) =>
        Fields = await Auditing.FieldStatuses.ListAsync(read, Auditing.Subject.Of(Record.DialogueId), ct);

    protected override object? Command(string id)
    {
        var on = EffectiveDay("is required: the day the item was added.");
        var itemId = WebIds.Slug(string.Join(' ', (Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6)));
        if (itemId.Length > 0 && Plan.Items.Any(i => i.ItemId == itemId)) itemId = WebIds.Slug($"{itemId}-{Plan.Items.Count + 1}");
        return Errors.Count > 0 ? null
            : new AddActionPlanItem(id, itemId, FieldCode ?? "", Text ?? "", on!.Value);
    }
}
