using Consultations.Domain.ActionPlans;
using Consultations.Domain.Common;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.ActionPlans.DroppingItems;

public static class DropItemEndpoint
{
    public sealed record Request(string Reason, PartialDate EffectiveOn);

    [WolverinePost("/api/action-plans/{id}/items/{itemId}/drop", OperationId = "dropActionPlanItem"), Tags("Action plans")]
    public static Task<Recorded> Post(string id, string itemId, Request body, Recorder recorder, CancellationToken ct) =>
        Handle(new DropActionPlanItem(id, itemId, body.Reason, body.EffectiveOn), recorder, ct);

    public static Task<Recorded> Handle(DropActionPlanItem command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("planId", command.PlanId)
            .Id("itemId", command.ItemId)
            .Text("reason", command.Reason, 4000)
            .Date("effectiveOn", command.EffectiveOn)
            .ThrowIfAny();
        return recorder.DecidePlan(command.PlanId, (s, today) => ActionPlanDecider.Decide(command, s, today), ct);
    }
}
