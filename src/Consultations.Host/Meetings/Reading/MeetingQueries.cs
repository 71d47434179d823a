using Consultations.Domain.Common;
using Consultations.Domain.Meetings;
using Consultations.Host.Auditing;
using Marten;
using Wolverine.Http;

namespace Consultations.Host.Meetings.Reading;

public static class MeetingQueries
{
    /// <summary>Meetings in date order; <c>recordedAt</c>/<c>effectiveOn</c> replay them on those time axes.</summary>
    [WolverineGet("/api/meetings", OperationId = "listMeetings"), Tags("Meetings")]
    public static async Task<IReadOnlyList<Meeting>> List(string? dialogue, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var query = await RecordAsOf.QueryAsync<Meeting>(session, Axes.Read(recordedAt, effectiveOn, clock), Subject.Of(dialogue), MeetingDecider.Evolve, ct);
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(m => m.DialogueId == dialogue);
        var meetings = await query.ListAsync(ct);
        return [.. meetings.OrderBy(m => m.Dates?.From.Earliest ?? DateOnly.MaxValue).ThenBy(m => m.Id)];
    }

    /// <summary>One meeting; <c>recordedAt</c>/<c>effectiveOn</c> replay it on those time axes.</summary>
    [WolverineGet("/api/meetings/{id}", OperationId = "getMeeting"), Tags("Meetings")]
    public static async Task<Meeting> Get(string id, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var axes = Axes.Read(recordedAt, effectiveOn, clock);
        return await RecordAsOf.FindAsync<Meeting>(session, axes, id, MeetingDecider.Evolve, "meeting", ct);
    }
}
