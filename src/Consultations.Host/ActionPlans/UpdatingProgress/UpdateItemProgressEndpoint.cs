using Consultations.Domain.ActionPlans;
using Consultations.Domain.Common;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.ActionPlans.UpdatingProgress;

public static class UpdateItemProgressEndpoint
{
    /// <param name="Progress">not-started, on-track or delayed; completing and dropping have their own routes.</param>
    public sealed record Request(ItemProgress Progress, string Note, PartialDate EffectiveOn);

    [WolverinePost("/api/action-plans/{id}/items/{itemId}/progress", OperationId = "updateActionPlanItemProgress"), Tags("Action plans")]
    public static Task<Recorded> Post(string id, string itemId, Request body, Recorder recorder, CancellationToken ct) =>
        Handle(new UpdateActionPlanItemProgress(id, itemId, body.Progress, body.Note, body.EffectiveOn), recorder, ct);

    public static Task<Recorded> Handle(UpdateActionPlanItemProgress command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("planId", command.PlanId)
            .Id("itemId", command.ItemId)
            .Text("note", command.Note, 4000)
            .Date("effectiveOn", command.EffectiveOn)
            .ThrowIfAny();
        return recorder.DecidePlan(command.PlanId, (s, today) => ActionPlanDecider.Decide(command, s, today), ct);
    }
}
