using Consultations.Domain.ActionPlans;
using Consultations.Domain.Common;
using Consultations.Domain.CooperationFields;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.ActionPlans.AddingItems;

public static class AddActionPlanItemEndpoint
{
    public sealed record Request(string ItemId, string FieldCode, string Text, PartialDate EffectiveOn);

    [WolverinePost("/api/action-plans/{id}/items", OperationId = "addActionPlanItem"), Tags("Action plans")]
    public static Task<Recorded> Post(string id, Request body, Recorder recorder, CancellationToken ct) =>
        Handle(new AddActionPlanItem(id, body.ItemId, body.FieldCode, body.Text, body.EffectiveOn), recorder, ct);

    public static async Task<Recorded> Handle(AddActionPlanItem command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("planId", command.PlanId)
            .Id("itemId", command.ItemId)
            .FieldCode("fieldCode", command.FieldCode)
            .Text("text", command.Text, 4000)
            .Date("effectiveOn", command.EffectiveOn)
            .ThrowIfAny();
        var plan = await recorder.LoadAsync<ActionPlan>(command.PlanId, ct) ?? throw new RecordNotFound("action plan", command.PlanId);
        var field = await recorder.ReferencedAsync<CooperationField>("fieldCode", command.FieldCode, "cooperation field", ct);
        RecorderReferences.SameDialogue("fieldCode", plan.DialogueId, field.DialogueId, "cooperation field", field.Id);
        return await recorder.DecidePlan(command.PlanId, (s, today) => ActionPlanDecider.Decide(command, s, today), ct);
    }
}
