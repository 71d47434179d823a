using Consultations.Host.Reports;

namespace Consultations.Host.Web;

/// <summary>One change on the dashboard: what was recorded about which record, when it took effect and when it was recorded.</summary>
/// <param name="Voided">A later entry voids it (on the axes asked): it is shown struck through, not as live.</param>
public sealed record DashboardChange(string Kind, string Title, string? Link, string EffectiveOn, DateTimeOffset RecordedAt, string? User, bool Voided = false);

/// <summary>
/// The dashboard's "what changed since": every entry of the dialogue's records (the dialogue, its fields, commitments,
/// meetings, plans and what its timeline shows) that took effect on or after the chosen day, each with the day it took
/// effect and the instant it was recorded; on the auditor's axes, only what was on record then and in effect by then.
/// The same entries as the audit trail (<see cref="AuditTrail"/>).
/// </summary>
public static class DashboardChanges
{
    public const int Most = 200;

    public static async Task<IReadOnlyList<DashboardChange>> SinceAsync(IQuerySession session, StatusReport r, DateOnly since, Axes axes, CancellationToken ct)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal) { [r.Dialogue.Id] = r.Dialogue.Title };
        foreach (var f in r.Fields) titles.TryAdd(f.Field.Id, f.Field.Title);
        foreach (var m in r.Meetings) titles.TryAdd(m.Id, m.Title);
        foreach (var p in r.Plans) titles.TryAdd(p.PlanId, p.PlanTitle);
        foreach (var c in r.Register) titles.TryAdd(c.Id, r.Names.Of(c.Id));
        foreach (var e in r.Timeline) titles.TryAdd(e.RecordId, e.Title);
        var streams = titles.Keys.ToArray();

        var query = session.Events.QueryAllRawEvents().Where(e => e.StreamKey!.IsOneOf(streams));
        if (axes.RecordedAt is { } recorded) query = query.Where(e => e.Timestamp <= recorded);
        var events = await query.OrderBy(e => e.Sequence).ToListAsync(ct);
        var entries = await AuditTrail.EntriesAsync(session, events, ct);
        var from = since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var voided = entries.Select(e => e.Data).OfType<Domain.Common.EntryVoided>().Select(v => v.Voids.EventId).ToHashSet();
        var until = axes.EffectiveOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return [.. entries
            .Where(e => string.CompareOrdinal(e.CountsFrom, from) >= 0 && (until is null || string.CompareOrdinal(e.CountsFrom, until) <= 0))
            .OrderBy(e => e.CountsFrom, StringComparer.Ordinal).ThenBy(e => e.Sequence)
            .Take(Most)
            .Select(e => new DashboardChange(e.Kind, titles.GetValueOrDefault(e.Stream, e.Stream), RecordPages.Of(e.Data, e.Stream), e.EffectiveOn ?? e.CountsFrom,
                e.RecordedAt, e.User, voided.Contains(e.EventId)))];
    }
}
