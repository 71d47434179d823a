using Consultations.Domain.Common;
using Consultations.Domain.Meetings;
using Consultations.Host.Auditing;
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

    /// <summary>One meeting; <c>recordedAt</c>/<c>effectiveOn</c> replay it on those time axes.</summary>
    [WolverineGet("/api/meetings/{id}", OperationId = "getMeeting"), Tags("Meetings")]
    public static async Task<Meeting> Get(string id, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var axes = Axes.Read(recordedAt, effectiveOn, clock);
        var meeting = axes.IsNow
            ? await session.LoadAsync<Meeting>(id, ct)
            : (await RecordAsOf.LoadAsync(session, axes, ct, stream: id)).Record<Meeting>(id, MeetingDecider.Evolve);
        return meeting ?? throw new RecordNotFound("meeting", id);
    }
}
