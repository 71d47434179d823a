using Consultations.Domain.Commitments;
using Consultations.Domain.Common;
using Consultations.Host.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Consultations.Host.Commitments.Reading;

public static class CommitmentQueries
{
    /// <summary>The commitment register, filtered by dialogue, field and status (e.g. status=in-progress).</summary>
    [WolverineGet("/api/commitments", OperationId = "listCommitments"), Tags("Commitments")]
    public static async Task<IReadOnlyList<Commitment>> List(string? dialogue, string? field, string? status, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<Commitment>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(c => c.DialogueId == dialogue);
        if (!string.IsNullOrWhiteSpace(field)) query = query.Where(c => c.FieldCode == field);
        if (!string.IsNullOrWhiteSpace(status))
        {
            var wanted = QueryValues.Enum<CommitmentStatus>("status", status);
            query = query.Where(c => c.Status == wanted);
        }

        return await query.OrderBy(c => c.FieldCode).ThenBy(c => c.Id).ToListAsync(ct);
    }

    [WolverineGet("/api/commitments/{id}", OperationId = "getCommitment"), Tags("Commitments")]
    public static async Task<Commitment> Get(string id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Commitment>(id, ct) ?? throw new RecordNotFound("commitment", id);
}
