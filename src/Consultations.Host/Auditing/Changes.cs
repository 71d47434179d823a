using JasperFx.Events;
using System.Text.Json;
using System.Text.Json.Nodes;
using Consultations.Projections.Fields;

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

    public static async Task<(ChangeReport Report, int Total)> BetweenAsync(IQuerySession session, Axes before, Axes after, bool byEffect,
        string fromText, string toText, string? field, string? dialogue, int skip, int take, CancellationToken ct)
    {
        var subject = Subject.Of(dialogue, field);
        var then = await RecordAsOf.LoadAsync(session, before, subject, ct);
        var now = await RecordAsOf.LoadAsync(session, after, subject, ct);
        // On the recorded axis the events in between are those stored in between, as stored: a void and the entry it voids
        // are listed though neither is live. On the effective axis they are the live entries that came into effect.
        var (thenEvents, nowEvents) = byEffect ? (then.Events, now.Events) : (then.Recorded, now.Recorded);
        var known = thenEvents.Select(e => e.Id).ToHashSet();
        var between = nowEvents.Where(e => !known.Contains(e.Id)).ToList();
        var byId = now.Recorded.ToDictionary(e => e.Id);
        // A fix concerns what the entry it fixes concerns.
        IReadOnlyList<string> ConcernsOf(IEvent e) =>
            EventFacts.Corrects(e.Data) is { } fixes && byId.TryGetValue(fixes.EventId, out var fixedEntry)
                ? Concerns(fixedEntry.Data, fixedEntry.StreamKey!)
                : Concerns(e.Data, e.StreamKey!);

        var fieldsBefore = then.Fields();
        var fieldsAfter = now.Fields();
        var codes = field is not null ? [field] : between.SelectMany(ConcernsOf).Distinct().Order(StringComparer.Ordinal).ToList();
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

        // The subject already holds only the dialogue's records.
        var relevant = between.Where(e => field is null || ConcernsOf(e).Contains(field)).ToList();
        var corrections = AuditTrail.CorrectionsByEntry(now.Recorded);
        var days = byEffect ? now.CountsFrom : EventFacts.EffectiveDays(now.Recorded);
        return (new ChangeReport(byEffect ? "effective" : "recorded", fromText, toText,
            [.. relevant.Skip(skip).Take(take).Select(e => AuditTrail.Entry(e, corrections, days[e]))], diffs), relevant.Count);
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
