using JasperFx.Events;
using System.Text.Json;
using System.Text.Json.Nodes;
using Consultations.Projections.Fields;
using Consultations.Projections.Records;

namespace Consultations.Host.Auditing;

public sealed record FieldChange(string Path, string? Before, string? After);

public sealed record FieldDiff(string Code, string DialogueId, FieldStatus? Before, FieldStatus? After, IReadOnlyList<FieldChange> Changes);

/// <param name="Axis">recorded: what was recorded between two instants; effective: what took effect between two days, as known now.</param>
public sealed record ChangeReport(string Axis, string From, string To, IReadOnlyList<AuditEntry> Events, IReadOnlyList<FieldDiff> Fields);

public static class Changes
{
    /// <summary>
    /// What changed between two points on one time axis: the events in between (after <c>from</c>, up to and including
    /// <c>to</c>) and each field's status before and after, with the members that moved. <c>axis=recorded</c> (default)
    /// takes ISO-8601 instants or days; <c>axis=effective</c> takes days. <c>field</c> or <c>dialogue</c> narrow it.
    /// </summary>
    [WolverineGet("/api/changes", OperationId = "getChanges"), Tags("Auditing")]
    public static async Task<ChangeReport> Get(string? from, string? to, string? field, string? dialogue, string? axis, string? page, string? pageSize,
        HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var paging = Paging.Read(page, pageSize);
        var byEffect = QueryValues.OneOf("axis", axis ?? "recorded", ["recorded", "effective"]) == "effective";
        if (string.IsNullOrWhiteSpace(from)) throw InvalidCommand.For("from", "is required.");

        Axes before, after;
        string fromText, toText;
        if (byEffect)
        {
            var start = Axes.Day("from", from, clock)!.Value;
            var end = Axes.Day("to", to, clock) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            if (end < start) throw InvalidCommand.For("to", $"'to' ({end:yyyy-MM-dd}) is before 'from' ({start:yyyy-MM-dd}).");
            (before, after) = (new Axes(null, start), new Axes(null, end));
            (fromText, toText) = (start.ToString("yyyy-MM-dd"), end.ToString("yyyy-MM-dd"));
        }
        else
        {
            var start = Recorded("from", from, clock);
            var end = Recorded("to", to, clock);
            if (end < start) throw InvalidCommand.For("to", $"'to' ({to}) is before 'from' ({from}).");
            (before, after) = (new Axes(start, null), new Axes(end, null));
            (fromText, toText) = (start.UtcDateTime.ToString("O"), end.UtcDateTime.ToString("O"));
        }

        // The events in between are paged like every list (X-Total-Count counts them); only the page's entries are built.
        // The touched fields come whole.
        var (report, total) = await BetweenAsync(session, before, after, byEffect, fromText, toText, string.IsNullOrWhiteSpace(field) ? null : field,
            string.IsNullOrWhiteSpace(dialogue) ? null : dialogue, paging.Skip, paging.PageSize, ct);
        paging.Answer(http, total);
        return report;
    }

    /// <summary>
    /// The page of events between the two points and the fields they concern, before and after (ADR 0051). On the recorded
    /// axis the events are selected, counted and paged in the database (by recorded time, in the order recorded); each
    /// listed entry's fixes are read by its id. The fields' status is replayed for the fields the page's events concern,
    /// from the streams their footprints name, never from the whole store.
    /// </summary>
    public static async Task<(ChangeReport Report, int Total)> BetweenAsync(IQuerySession session, Axes before, Axes after, bool byEffect,
        string fromText, string toText, string? field, string? dialogue, int skip, int take, CancellationToken ct)
    {
        var streams = await Subject.Of(dialogue, field).StreamsAsync(session, ct);
        var between = streams is { Count: 0 } ? Between.Empty
            : byEffect ? await InEffectAsync(session, before.EffectiveOn!.Value, after.EffectiveOn!.Value, streams, field, skip, take, ct)
            : await RecordedAsync(session, before.RecordedAt!.Value, after.RecordedAt!.Value, streams, field, skip, take, ct);

        var codes = field is not null ? [field] : between.Page.SelectMany(between.Concerns).Distinct().Order(StringComparer.Ordinal).ToList();
        var diffs = await DiffsAsync(session, before, after, codes, dialogue, ct);
        return (new ChangeReport(byEffect ? "effective" : "recorded", fromText, toText, between.Entries, diffs), between.Total);
    }

    /// <param name="Page">The page's events (on the effective axis, as corrected).</param>
    /// <param name="Concerns">The fields (or, for an event outside any field, its record) an event concerns; a fix concerns what the entry it fixes concerns.</param>
    private sealed record Between(IReadOnlyList<IEvent> Page, IReadOnlyList<AuditEntry> Entries, int Total, Func<IEvent, IReadOnlyList<string>> Concerns)
    {
        public static Between Empty { get; } = new([], [], 0, _ => []);
    }

    // On the recorded axis the events in between are those stored in between, as stored: a void and the entry it voids
    // are listed though neither is live.
    private static async Task<Between> RecordedAsync(IQuerySession session, DateTimeOffset start, DateTimeOffset end, IReadOnlyList<string>? streams,
        string? field, int skip, int take, CancellationToken ct)
    {
        var window = new EventWindow(Streams: streams, After: start, To: end);
        IReadOnlyList<IEvent> page;
        int total;
        Func<IEvent, IReadOnlyList<string>> concerns;
        if (field is null)
        {
            long counted;
            (page, counted) = await EventPages.ReadAsync(session, window, skip, take, ct);
            total = (int)counted;
            concerns = await ConcernsAsync(session, page, ct);
        }
        else
        {
            // Whether an event concerns the field is read from its data (and a fix's from the entry it fixes): the field's
            // own records' events in between are read, and paged here.
            var query = session.Events.QueryAllRawEvents().Where(e => e.Timestamp > start && e.Timestamp <= end);
            var keys = streams!.ToArray();
            var all = await query.Where(e => e.StreamKey!.IsOneOf(keys)).OrderBy(e => e.Sequence).ToListAsync(ct);
            concerns = await ConcernsAsync(session, all, ct);
            var relevant = all.Where(e => concerns(e).Contains(field)).ToList();
            (page, total) = ([.. relevant.Skip(skip).Take(take)], relevant.Count);
        }

        return new Between(page, await AuditTrail.EntriesAsync(session, page, end, ct), total, concerns);
    }

    // On the effective axis they are the live entries that came into effect in between, as known now. An entry counts from
    // a day no later than the day it was recorded (its effective date may not be in the future when recorded; an undated
    // one counts from its recording at the latest), and what moves an entry's day (a correction, a void, a later entry)
    // is recorded in its own stream: so only the records with an entry recorded since the day before `from` are read.
    private static async Task<Between> InEffectAsync(IQuerySession session, DateOnly start, DateOnly end, IReadOnlyList<string>? streams,
        string? field, int skip, int take, CancellationToken ct)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var since = new DateTimeOffset(start.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var sql = $"select distinct stream_id from {schema}.mt_events where timestamp >= ?";
        var touched = streams is null
            ? await session.QueryAsync<string>(sql, ct, since)
            : await session.QueryAsync<string>(sql + " and stream_id = any(?)", ct, since, streams.ToArray());
        if (touched.Count == 0) return Between.Empty;

        var keys = touched.ToArray();
        var recorded = await session.Events.QueryAllRawEvents().Where(e => e.StreamKey!.IsOneOf(keys)).OrderBy(e => e.Sequence).ToListAsync(ct);
        var live = Refolding.Live(recorded);
        var days = EventFacts.EffectiveDays(live);
        var concerns = Concerning(recorded.ToDictionary(e => e.Id));
        var between = live.Where(e => days[e] > start && days[e] <= end && (field is null || concerns(e).Contains(field))).ToList();
        var page = between.Skip(skip).Take(take).ToList();
        var corrections = AuditTrail.CorrectionsByEntry(recorded);
        return new Between(page, [.. page.Select(e => AuditTrail.Entry(e, corrections, days[e]))], between.Count, concerns);
    }

    /// <summary>What each of <paramref name="events"/> concerns, reading the entries their fixes name when they are not among them.</summary>
    private static async Task<Func<IEvent, IReadOnlyList<string>>> ConcernsAsync(IQuerySession session, IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        var byId = events.ToDictionary(e => e.Id);
        var missing = events.Select(e => EventFacts.Corrects(e.Data)).OfType<EventRef>().Where(r => !byId.ContainsKey(r.EventId)).ToList();
        if (missing.Count > 0)
        {
            var streams = missing.Select(r => r.StreamId).Distinct().ToArray();
            var versions = missing.Select(r => r.Version).Distinct().ToArray();
            foreach (var e in await session.Events.QueryAllRawEvents().Where(e => e.StreamKey!.IsOneOf(streams) && e.Version.IsOneOf(versions)).ToListAsync(ct))
                byId.TryAdd(e.Id, e);
        }

        return Concerning(byId);
    }

    // A fix concerns what the entry it fixes concerns.
    private static Func<IEvent, IReadOnlyList<string>> Concerning(IReadOnlyDictionary<Guid, IEvent> byId) => e =>
        EventFacts.Corrects(e.Data) is { } fixes && byId.TryGetValue(fixes.EventId, out var fixedEntry)
            ? Concerns(fixedEntry.Data, fixedEntry.StreamKey!)
            : Concerns(e.Data, e.StreamKey!);

    /// <summary>
    /// Each field among <paramref name="codes"/> before and after, replayed from the records whose footprints name it (read
    /// once, as recorded by the later point), with the members that moved.
    /// </summary>
    private static async Task<IReadOnlyList<FieldDiff>> DiffsAsync(IQuerySession session, Axes before, Axes after, IReadOnlyList<string> codes,
        string? dialogue, CancellationToken ct)
    {
        if (codes.Count == 0) return [];
        // One statement the footprints' GIN index serves for every code (a bitmap scan per code), not a body containment
        // per code and row (ADR 0063: 18-22 s a chunk of 100 codes over 71k footprints, where this takes 35 ms).
        var streams = await Subject.FootprintsNaming(session, codes).Select(f => f.Id).ToListAsync(ct);
        if (streams.Count == 0) return [];
        var keys = streams.Distinct().ToArray();
        var query = session.Events.QueryAllRawEvents().Where(e => e.StreamKey!.IsOneOf(keys));
        if (after.RecordedAt is { } at) query = query.Where(e => e.Timestamp <= at);
        var recorded = await query.OrderBy(e => e.Sequence).ToListAsync(ct);
        var fieldsBefore = RecordAsOf.Of(before, recorded).Fields();
        var fieldsAfter = RecordAsOf.Of(after, recorded).Fields();

        var diffs = new List<FieldDiff>();
        foreach (var code in codes)
        {
            var b = fieldsBefore.GetValueOrDefault(code);
            var a = fieldsAfter.GetValueOrDefault(code);
            if (a is null && b is null) continue;
            var dialogueId = (a ?? b)!.DialogueId;
            if (dialogue is not null && dialogueId != dialogue) continue;
            diffs.Add(new FieldDiff(code, dialogueId, b, a, Compare(b, a)));
        }

        return diffs;
    }

    private static IReadOnlyList<string> Concerns(object data, string stream)
    {
        var codes = FieldStatusFold.FieldCodes(data);
        return codes.Count > 0 ? codes : [stream];
    }

    // A day means its end, and today's end means now; an instant after now is refused.
    private static DateTimeOffset Recorded(string name, string? value, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var bound = AuditTrail.Bound(name, value, endOfDay: true) ?? now;
        if (bound <= now) return bound;
        if (bound.UtcDateTime.Date == now.UtcDateTime.Date && !value!.Contains('T', StringComparison.Ordinal)) return now;
        throw InvalidCommand.For(name, $"'{value}' is in the future; the record holds what has been recorded up to now.");
    }

    /// <summary>The members of a field's status that differ, by JSON path ("commitments.agreed": "2" → "1").</summary>
    public static IReadOnlyList<FieldChange> Compare(FieldStatus? before, FieldStatus? after)
    {
        var b = Flatten(before);
        var a = Flatten(after);
        return [.. b.Keys.Union(a.Keys).Order(StringComparer.Ordinal)
            .Where(k => b.GetValueOrDefault(k) != a.GetValueOrDefault(k))
            .Select(k => new FieldChange(k, b.GetValueOrDefault(k), a.GetValueOrDefault(k)))];
    }

    private static Dictionary<string, string?> Flatten(FieldStatus? status)
    {
        var values = new Dictionary<string, string?>();
        if (status is not null) Walk(JsonSerializer.SerializeToNode(status, JsonConventions.Options), "");
        return values;

        void Walk(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (name, child) in o) Walk(child, path.Length == 0 ? name : $"{path}.{name}");
                    break;
                case JsonArray list:
                    values[path] = string.Join(", ", list.Select(x => x?.ToString()));
                    break;
                default:
                    values[path] = node?.ToString();
                    break;
            }
        }
    }
}
