using Consultations.Domain.Commitments;
using Consultations.Domain.Common;
using Consultations.Host.Auditing;
using Consultations.Host.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Consultations.Host.Commitments.Reading;

public static class CommitmentQueries
{
    /// <summary>
    /// The commitment register, filtered by dialogue, field and status (e.g. status=in-progress); <c>recordedAt</c>/<c>effectiveOn</c>
    /// replay it on those time axes (the register as it stood on a day, or as recorded at an instant).
    /// </summary>
    [WolverineGet("/api/commitments", OperationId = "listCommitments"), Tags("Commitments")]
    public static async Task<IReadOnlyList<Commitment>> List(string? dialogue, string? field, string? status, string? recordedAt, string? effectiveOn,
        IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var query = await RecordAsOf.QueryAsync<Commitment>(session, Axes.Read(recordedAt, effectiveOn, clock), Subject.Of(dialogue, field), CommitmentDecider.Evolve, ct);
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(c => c.DialogueId == dialogue);
        if (!string.IsNullOrWhiteSpace(field)) query = query.Where(c => c.FieldCode == field);
        if (!string.IsNullOrWhiteSpace(status))
        {
            var wanted = QueryValues.Enum<CommitmentStatus>("status", status);
            query = query.Where(c => c.Status == wanted);
        }

        return [.. (await query.ListAsync(ct)).OrderBy(c => c.FieldCode, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    /// <summary>One commitment with its status history; <c>recordedAt</c>/<c>effectiveOn</c> replay it on those time axes.</summary>
    [WolverineGet("/api/commitments/{id}", OperationId = "getCommitment"), Tags("Commitments")]
    public static async Task<Commitment> Get(string id, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var axes = Axes.Read(recordedAt, effectiveOn, clock);
        return await RecordAsOf.FindAsync<Commitment>(session, axes, id, CommitmentDecider.Evolve, "commitment", ct);
    }
}
