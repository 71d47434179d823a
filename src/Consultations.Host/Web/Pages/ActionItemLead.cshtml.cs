using Consultations.Domain.ActionPlans;
using Consultations.Host.ActionPlans;
using Consultations.Domain.Dialogues;

namespace Consultations.Host.Web.Pages;

/// <summary>Sets the office that leads one party's part of an item through <see cref="ActionPlanEndpoints.Handle(SetActionItemLead, Recorder, CancellationToken)"/>; the party picked from the dialogue's.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class ActionItemLeadModel(Recorder recorder, WriteConditions conditions) : ActionItemForm(recorder, conditions)
{
    [BindProperty] public string? Party { get; set; }
    [BindProperty] public string? Lead { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? LeadSince { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IReadOnlyList<string> Parties { get; private set; } = [];

    protected override async Task LoadChoicesAsync(IQuerySession read, CancellationToken ct) =>
        Parties = (await read.LoadAsync<Dialogue>(Record.DialogueId, ct))?.Parties ?? [];

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        var item = PickedItem();
        var on = RequiredDate("effectiveOn", LeadSince, "is required: the day the lead took it on.");
        return Errors.Count > 0 ? null
            : (r, c) => ActionPlanEndpoints.Handle(new SetActionItemLead(id, item!.ItemId, Party ?? "", Lead ?? "", on!.Value, OrNull(Reason)), r, c);
    }
}
