using Consultations.Domain.ActionPlans;
using Consultations.Domain.Common;
using Marten;
using Wolverine.Http;

namespace Consultations.Host.ActionPlans.Reading;

public static class ActionPlanQueries
{
    [WolverineGet("/api/action-plans", OperationId = "listActionPlans"), Tags("Action plans")]
    public static async Task<IReadOnlyList<ActionPlan>> List(string? dialogue, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<ActionPlan>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(p => p.DialogueId == dialogue);
        return await query.OrderBy(p => p.Id).ToListAsync(ct);
    }

    [WolverineGet("/api/action-plans/{id}", OperationId = "getActionPlan"), Tags("Action plans")]
    public static async Task<ActionPlan> Get(string id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<ActionPlan>(id, ct) ?? throw new RecordNotFound("action plan", id);
}
