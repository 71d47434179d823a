using Consultations.Host.Reports;

namespace Consultations.Host.Web;

/// <summary>One change on the dashboard: what was recorded about which record, when it took effect and when it was recorded.</summary>
/// <param name="EffectiveOn">The day it counts from, as corrected; null for a void or a correction (as the record's history shows them: "—").</param>
/// <param name="WasEffectiveOn">The day it was first recorded as taking effect, when a correction moved it.</param>
/// <param name="Voided">A later entry voids it (on the axes asked): it is shown struck through, not as live.</param>
/// <param name="FixesKind">For a void or a correction, the kind of the entry it fixes, and that entry's day (as corrected).</param>
public sealed record DashboardChange(string Kind, string Title, string? Link, string? EffectiveOn, DateTimeOffset RecordedAt, string? User, bool Voided = false,
    string? WasEffectiveOn = null, string? FixesKind = null, string? FixesOn = null);

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
        // One time axis: the day an entry counts from (as corrected), then the instant it was recorded. A void or a
        // correction has no day of its own: it stands on the day of the entry it fixes, after it.
        var byId = entries.ToDictionary(e => e.EventId);
        var corrected = EventFacts.Corrections(events);
        string Shown(AuditEntry e) => (corrected.TryGetValue((e.Stream, e.Version), out var day) ? day.ToString() : null) ?? e.EffectiveOn ?? e.CountsFrom;
        AuditEntry? Fixed(AuditEntry e) => e.Corrects is { } fix ? byId.GetValueOrDefault(fix.EventId) : null;
        string Day(AuditEntry e) => Fixed(e)?.CountsFrom ?? e.CountsFrom;
        return [.. entries
            .Where(e => string.CompareOrdinal(Day(e), from) >= 0 && (until is null || string.CompareOrdinal(Day(e), until) <= 0))
            .OrderBy(Day, StringComparer.Ordinal).ThenBy(e => e.RecordedAt).ThenBy(e => e.Sequence)
            .Take(Most)
            .Select(e => Fixed(e) is { } fixes
                ? new DashboardChange(e.Kind, titles.GetValueOrDefault(e.Stream, e.Stream), RecordPages.Of(e.Data, e.Stream) ?? RecordPages.Of(fixes.Data, fixes.Stream), null, e.RecordedAt, e.User,
                    voided.Contains(e.EventId), FixesKind: fixes.Kind, FixesOn: fixes.CountsFrom)
                : new DashboardChange(e.Kind, titles.GetValueOrDefault(e.Stream, e.Stream), RecordPages.Of(e.Data, e.Stream), Shown(e), e.RecordedAt, e.User,
                    voided.Contains(e.EventId), e.EffectiveOn is { } was && was != Shown(e) ? was : null))];
    }
}
