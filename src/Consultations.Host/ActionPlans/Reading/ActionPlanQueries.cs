using Consultations.Domain.ActionPlans;
using Consultations.Domain.Common;
using Consultations.Host.Auditing;
using Marten;
using Wolverine.Http;

namespace Consultations.Host.ActionPlans.Reading;

public static class ActionPlanQueries
{
    /// <summary>Action plans with their items; <c>recordedAt</c>/<c>effectiveOn</c> replay them on those time axes.</summary>
    [WolverineGet("/api/action-plans", OperationId = "listActionPlans"), Tags("Action plans")]
    public static async Task<IReadOnlyList<ActionPlan>> List(string? dialogue, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var query = await RecordAsOf.QueryAsync<ActionPlan>(session, Axes.Read(recordedAt, effectiveOn, clock), Subject.Of(dialogue), ActionPlanDecider.Evolve, ct);
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(p => p.DialogueId == dialogue);
        return [.. (await query.ListAsync(ct)).OrderBy(p => p.Id, StringComparer.Ordinal)];
    }

    /// <summary>One action plan; <c>recordedAt</c>/<c>effectiveOn</c> replay it on those time axes.</summary>
    [WolverineGet("/api/action-plans/{id}", OperationId = "getActionPlan"), Tags("Action plans")]
    public static async Task<ActionPlan> Get(string id, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        await RecordAsOf.FindAsync<ActionPlan>(session, Axes.Read(recordedAt, effectiveOn, clock), id, ActionPlanDecider.Evolve, "action plan", ct);
}
