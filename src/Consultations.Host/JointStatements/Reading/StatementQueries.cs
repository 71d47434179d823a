using Consultations.Domain.Common;
using Consultations.Domain.JointStatements;
using Consultations.Host.Auditing;
using Marten;
using Wolverine.Http;

namespace Consultations.Host.JointStatements.Reading;

public static class StatementQueries
{
    /// <summary>Joint statements with their clauses; <c>recordedAt</c>/<c>effectiveOn</c> replay them on those time axes.</summary>
    [WolverineGet("/api/statements", OperationId = "listStatements"), Tags("Joint statements")]
    public static async Task<IReadOnlyList<JointStatement>> List(string? dialogue, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var query = await RecordAsOf.QueryAsync<JointStatement>(session, Axes.Read(recordedAt, effectiveOn, clock), Subject.Of(dialogue), JointStatementDecider.Evolve, ct);
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(s => s.DialogueId == dialogue);
        return [.. (await query.ListAsync(ct)).OrderBy(s => s.Id, StringComparer.Ordinal)];
    }

    /// <summary>One joint statement; <c>recordedAt</c>/<c>effectiveOn</c> replay it on those time axes.</summary>
    [WolverineGet("/api/statements/{id}", OperationId = "getStatement"), Tags("Joint statements")]
    public static async Task<JointStatement> Get(string id, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        await RecordAsOf.FindAsync<JointStatement>(session, Axes.Read(recordedAt, effectiveOn, clock), id, JointStatementDecider.Evolve, "joint statement", ct);
}
