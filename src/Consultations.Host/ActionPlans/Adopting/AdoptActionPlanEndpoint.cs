using Consultations.Domain.ActionPlans;
using Consultations.Domain.Dialogues;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.ActionPlans.Adopting;

public static class AdoptActionPlanEndpoint
{
    [WolverinePost("/api/action-plans", OperationId = "adoptActionPlan"), Tags("Action plans")]
    public static async Task<Recorded> Handle(AdoptActionPlan command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("planId", command.PlanId)
            .Id("dialogueId", command.DialogueId)
            .Text("title", command.Title, 300)
            .Date("periodFrom", command.PeriodFrom)
            .Date("periodTo", command.PeriodTo)
            .Date("effectiveOn", command.EffectiveOn)
            .ThrowIfAny();
        await recorder.ReferencedAsync<Dialogue>("dialogueId", command.DialogueId, "dialogue", ct);
        return await recorder.DecidePlan(command.PlanId, (s, today) => ActionPlanDecider.Decide(command, s, today), ct);
    }
}
