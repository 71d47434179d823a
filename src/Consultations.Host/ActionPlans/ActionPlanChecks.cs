using Consultations.Domain.ActionPlans;
using Consultations.Host.Infrastructure;

namespace Consultations.Host.ActionPlans;

public static class ActionPlanChecks
{
    public static Task<Recorded> DecidePlan(this Recorder recorder, string planId, Func<ActionPlan?, DateOnly, IReadOnlyList<object>> decide, CancellationToken ct) =>
        recorder.DecideAsync(planId, decide, ActionPlanDecider.Evolve, ct);
}
