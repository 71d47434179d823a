using System.Globalization;
using JasperFx.Events;

namespace Consultations.Host.Auditing;

/// <param name="Sequence">The event's position in the whole record (the ledger's position).</param>
/// <param name="EffectiveOn">When the fact took effect in the world, as the event says (null when the record does not know).</param>
/// <param name="CountsFrom">The day the event counts from on the effective axis (yyyy-MM-dd): its effective date as corrected, or, when
/// the record does not know it, the earliest day of what follows it in its record, and never after the day it was recorded.</param>
/// <param name="RecordedAt">When it was recorded (Marten's timestamp, UTC).</param>
/// <param name="User">Who recorded it (the token's name; "seed" or the --as name for imports).</param>
/// <param name="Reason">Why, for events that carry a reason (status changes, amendments, corrections, cancellations…).</param>
/// <param name="Corrects">For a correction or a void, the event it corrects or voids.</param>
/// <param name="Type">The event's stored type name, as the ledger seals it (snake_case).</param>
/// <param name="Kind">What the event is, in the words of the records' own histories (<c>commitment-status-changed</c>).</param>
/// <param name="CorrectedBy">The event ids of later corrections and voids of this event, if any, as the record's history names them.</param>
public sealed record AuditEntry(
    long Sequence,
    string Stream,
    long Version,
    string Type,
    string Kind,
    string? EffectiveOn,
    string CountsFrom,
    DateTimeOffset RecordedAt,
    string? User,
    string? CorrelationId,
    string? CausationId,
    string? Reason,
    EventRef? Corrects,
    IReadOnlyList<Guid> CorrectedBy,
    Guid EventId,
    object Data);

public static class AuditTrail
{
    /// <summary>
    /// Who recorded what, when and why: every event of one record (<c>record</c>: its id), or every event recorded in a
    /// time range (<c>from</c>/<c>to</c>: ISO-8601 instants, or days), in the order recorded. Corrections name the
    /// event they correct, and corrected events name their corrections.
    /// </summary>
    [WolverineGet("/api/audit", OperationId = "getAuditTrail"), Tags("Auditing")]
    public static async Task<Listed<AuditEntry>> Get(string? record, string? from, string? to, IQuerySession session, CancellationToken ct)
    {
        // Paged in the database, page and total in one statement: only the page's events are read, with their fixes.
        var window = await WindowAsync(record, from, to, session, ct);
        return Listed<AuditEntry>.Paged(async (paging, token) =>
        {
            var (events, total) = await EventPages.ReadAsync(session, window, paging.Skip, paging.PageSize, token);
            return (await EntriesAsync(session, events, token), total);
        });
    }

    /// <summary>The whole trail asked for, as the CLI prints it.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> ListAsync(string? record, string? from, string? to, IQuerySession session, CancellationToken ct) =>
        await EntriesAsync(session, await (await QueryAsync(record, from, to, session, ct)).ToListAsync(ct), ct);

    internal static async Task<IQueryable<IEvent>> QueryAsync(string? record, string? from, string? to, IQuerySession session, CancellationToken ct)
    {
        var window = await WindowAsync(record, from, to, session, ct);
        var query = session.Events.QueryAllRawEvents().AsQueryable();
        if (window.Stream is { } stream) query = query.Where(x => x.StreamKey == stream);
        if (window.From is { } f) query = query.Where(x => x.Timestamp >= f);
        if (window.To is { } t) query = query.Where(x => x.Timestamp <= t);
        return query.OrderBy(x => x.Sequence);
    }

    private static async Task<EventWindow> WindowAsync(string? record, string? from, string? to, IQuerySession session, CancellationToken ct)
    {
        var start = Bound("from", from, endOfDay: false);
        var end = Bound("to", to, endOfDay: true);
        if (string.IsNullOrWhiteSpace(record) && start is null && end is null)
            throw InvalidCommand.For("record", "Name a record (record=ID) or a recorded-time range (from=, to=).");
        if (start is { } s && end is { } e && e < s) throw InvalidCommand.For("to", $"'to' ({to}) is before 'from' ({from}).");
        if (!string.IsNullOrWhiteSpace(record) && await session.Events.FetchStreamStateAsync(record, ct) is null)
            throw new RecordNotFound("record", record);
        return new EventWindow(Stream: string.IsNullOrWhiteSpace(record) ? null : record, From: start, To: end);
    }

    internal static Task<IReadOnlyList<AuditEntry>> EntriesAsync(IQuerySession session, IReadOnlyList<IEvent> events, CancellationToken ct) =>
        EntriesAsync(session, events, recordedBy: null, ct);

    /// <summary>
    /// The entries of the events listed, as recorded by <paramref name="recordedBy"/> (null: now). What an entry needs from
    /// the rest of the record is read for the listed entries only (ADR 0051): the fixes that name them, by their ids
    /// (indexed), and, for an entry that does not know its own date, its record's stream, since it counts from what follows it.
    /// </summary>
    internal static async Task<IReadOnlyList<AuditEntry>> EntriesAsync(IQuerySession session, IReadOnlyList<IEvent> events, DateTimeOffset? recordedBy,
        CancellationToken ct)
    {
        if (events.Count == 0) return [];
        var fixes = await FixesOfAsync(session, events, recordedBy, ct);
        var corrections = CorrectionsByEntry(fixes);
        var days = await CountsFromAsync(session, events, fixes, recordedBy, ct);
        return [.. events.Select(e => Entry(e, corrections, days[e.Id]))];
    }

    /// <summary>The corrections and voids recorded by <paramref name="recordedBy"/> (null: now) that name one of the <paramref name="entries"/>, in the order recorded.</summary>
    public static async Task<IReadOnlyList<IEvent>> FixesOfAsync(IQuerySession session, IEnumerable<IEvent> entries, DateTimeOffset? recordedBy, CancellationToken ct)
    {
        var ids = entries.Select(e => e.Id.ToString()).Distinct().ToArray();
        if (ids.Length == 0) return [];
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var sql = $"select seq_id from {schema}.mt_events where {EventIndexes.FixedIdSql} = any(?)";
        var sequences = recordedBy is { } at
            ? await session.QueryAsync<long>(sql + " and timestamp <= ?", ct, ids, at.ToUniversalTime())
            : await session.QueryAsync<long>(sql, ct, [ids]);
        if (sequences.Count == 0) return [];
        var keys = sequences.ToArray();
        return await session.Events.QueryAllRawEvents().Where(e => e.Sequence.IsOneOf(keys)).OrderBy(e => e.Sequence).ToListAsync(ct);
    }

    /// <summary>
    /// The day each event counts from (<see cref="EventFacts.EffectiveDays"/>): its own date as its date corrections among
    /// <paramref name="fixes"/> left it, else read from its record's stream as recorded by <paramref name="recordedBy"/>.
    /// </summary>
    private static async Task<Dictionary<Guid, DateOnly>> CountsFromAsync(IQuerySession session, IReadOnlyList<IEvent> events, IReadOnlyList<IEvent> fixes,
        DateTimeOffset? recordedBy, CancellationToken ct)
    {
        var corrected = EventFacts.Corrections(fixes);
        var days = new Dictionary<Guid, DateOnly>();
        var undated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var own = corrected.TryGetValue((e.StreamKey!, e.Version), out var date) ? date : EventFacts.EffectiveOn(e.Data);
            if (own is { } day) days[e.Id] = day.Earliest;
            else undated.Add(e.StreamKey!);
        }

        if (undated.Count == 0) return days;
        var streams = undated.ToArray();
        var query = session.Events.QueryAllRawEvents().Where(e => e.StreamKey!.IsOneOf(streams));
        if (recordedBy is { } at) query = query.Where(e => e.Timestamp <= at);
        foreach (var (e, day) in EventFacts.EffectiveDays(await query.OrderBy(e => e.Sequence).ToListAsync(ct))) days[e.Id] = day;
        return days;
    }

    /// <summary>
    /// The corrections and voids among <paramref name="events"/>, by the entry (record and version) they fix: built once,
    /// so listing n events with their corrections reads each event once instead of every correction for every event.
    /// </summary>
    public static ILookup<(string Stream, long Version), Guid> CorrectionsByEntry(IEnumerable<IEvent> events) =>
        events.Select(c => (Fix: EventFacts.Corrects(c.Data), c.Id)).Where(c => c.Fix is not null)
            .ToLookup(c => (c.Fix!.StreamId, c.Fix.Version), c => c.Id);

    public static AuditEntry Entry(IEvent e, ILookup<(string Stream, long Version), Guid> corrections, DateOnly countsFrom) => new(
        e.Sequence,
        e.StreamKey!,
        e.Version,
        e.EventTypeName,
        Entries.Kind(e.Data),
        EventFacts.EffectiveOn(e.Data)?.ToString(),
        countsFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.Timestamp.ToUniversalTime(),
        e.UserName,
        e.CorrelationId,
        e.CausationId,
        EventFacts.Reason(e.Data),
        EventFacts.Corrects(e.Data),
        [.. corrections[(e.StreamKey!, e.Version)]],
        e.Id,
        e.Data);

    /// <summary>An ISO-8601 instant, or a day (its first or last instant, UTC).</summary>
    public static DateTimeOffset? Bound(string name, string? value, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim().Replace(' ', '+');
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(endOfDay ? day.ToDateTime(TimeOnly.MaxValue) : day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
            return instant;
        throw InvalidCommand.For(name, $"'{value}' is neither an instant (2026-06-01T12:00:00Z) nor a day (2026-06-01).");
    }
}
