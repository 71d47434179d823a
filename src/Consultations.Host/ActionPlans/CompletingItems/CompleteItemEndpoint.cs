using Consultations.Domain.ActionPlans;
using Consultations.Domain.Common;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.ActionPlans.CompletingItems;

public static class CompleteItemEndpoint
{
    public sealed record Request(string? Note, PartialDate EffectiveOn);

    [WolverinePost("/api/action-plans/{id}/items/{itemId}/completion", OperationId = "completeActionPlanItem"), Tags("Action plans")]
    public static Task<Recorded> Post(string id, string itemId, Request body, Recorder recorder, CancellationToken ct) =>
        Handle(new CompleteActionPlanItem(id, itemId, body.Note, body.EffectiveOn), recorder, ct);

    public static Task<Recorded> Handle(CompleteActionPlanItem command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("planId", command.PlanId)
            .Id("itemId", command.ItemId)
            .OptionalText("note", command.Note, 4000)
            .Date("effectiveOn", command.EffectiveOn)
            .ThrowIfAny();
        return recorder.DecidePlan(command.PlanId, (s, today) => ActionPlanDecider.Decide(command, s, today), ct);
    }
}
