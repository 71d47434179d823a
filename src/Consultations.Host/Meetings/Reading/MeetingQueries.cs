using Consultations.Domain.Common;
using Consultations.Domain.Meetings;
using Marten;
using Wolverine.Http;

namespace Consultations.Host.Meetings.Reading;

public static class MeetingQueries
{
    [WolverineGet("/api/meetings", OperationId = "listMeetings"), Tags("Meetings")]
    public static async Task<IReadOnlyList<Meeting>> List(string? dialogue, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<Meeting>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(m => m.DialogueId == dialogue);
        var meetings = await query.ToListAsync(ct);
        return [.. meetings.OrderBy(m => m.Dates?.From.Earliest ?? DateOnly.MaxValue).ThenBy(m => m.Id)];
    }

    [WolverineGet("/api/meetings/{id}", OperationId = "getMeeting"), Tags("Meetings")]
    public static async Task<Meeting> Get(string id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Meeting>(id, ct) ?? throw new RecordNotFound("meeting", id);
}
