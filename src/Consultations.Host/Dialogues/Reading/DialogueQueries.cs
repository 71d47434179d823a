using Consultations.Domain.Common;
using Consultations.Domain.Dialogues;
using Marten;
using Wolverine.Http;

namespace Consultations.Host.Dialogues.Reading;

public static class DialogueQueries
{
    [WolverineGet("/api/dialogues", OperationId = "listDialogues"), Tags("Dialogues")]
    public static async Task<IReadOnlyList<Dialogue>> List(string? dialogue, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<Dialogue>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(d => d.Id == dialogue);
        return await query.OrderBy(d => d.Id).ToListAsync(ct);
    }

    [WolverineGet("/api/dialogues/{id}", OperationId = "getDialogue"), Tags("Dialogues")]
    public static async Task<Dialogue> Get(string id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Dialogue>(id, ct) ?? throw new RecordNotFound("dialogue", id);
}
