using Consultations.Domain.Common;
using Consultations.Domain.JointStatements;
using Marten;
using Wolverine.Http;

namespace Consultations.Host.JointStatements.Reading;

public static class StatementQueries
{
    [WolverineGet("/api/statements", OperationId = "listStatements"), Tags("Joint statements")]
    public static async Task<IReadOnlyList<JointStatement>> List(string? dialogue, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<JointStatement>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(s => s.DialogueId == dialogue);
        return await query.OrderBy(s => s.Id).ToListAsync(ct);
    }

    [WolverineGet("/api/statements/{id}", OperationId = "getStatement"), Tags("Joint statements")]
    public static async Task<JointStatement> Get(string id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<JointStatement>(id, ct) ?? throw new RecordNotFound("joint statement", id);
}
