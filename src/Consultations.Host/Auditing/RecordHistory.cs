using System.Text.Json.Serialization;
using JasperFx.Events;
using Microsoft.AspNetCore.Http.Metadata;
using System.Reflection;

namespace Consultations.Host.Auditing;

/// <summary>One value an entry changed: what the record said before it and after it.</summary>
public sealed record HistoryChange(string Field, string? Was, string? Now);

/// <summary>
/// One entry of a record's own history. A voided entry stays in the history, struck through: <c>voided</c>, with the void
/// that struck it (<c>voidedBy</c>, whose own entry says who, when and why); a corrected one names its corrections.
/// </summary>
/// <param name="Fixes">For a void or a correction, the entry it fixes.</param>
/// <param name="FixesVersion">That entry's version in the record: the line of the history it fixes.</param>
public sealed record HistoryEntry(
    Guid EventId,
    long Version,
    string Kind,
    DateTimeOffset RecordedAt,
    string? RecordedBy,
    string? EffectiveOn,
    string? Reason,
    IReadOnlyList<HistoryChange> Changes,
    Guid? Fixes,
    bool Voided,
    Guid? VoidedBy,
    IReadOnlyList<Guid> CorrectedBy,
    long? FixesVersion = null);

public static class RecordHistory
{
    /// <summary>
    /// The history of one stream, read from its events with Marten's metadata (timestamp = recorded at, user name = recorded
    /// by), as known at the end of <paramref name="stream"/> (a replay passes the events recorded up to its instant).
    /// <paramref name="include"/> keeps only some entries (an action-plan item's), and the fixes of those.
    /// </summary>
    public static IReadOnlyList<HistoryEntry> Of(IReadOnlyList<IEvent> stream, Func<object, bool>? include = null)
    {
        var fixes = stream.Where(e => e.Data is IEntryFix or ICorrection).ToList();
        var kept = stream.Where(e => include is null || include(e.Data)).Select(e => e.Id).ToHashSet();
        var history = new List<HistoryEntry>();
        var changes = new RecordHistoryChanges(stream.Select(e => e.Data).OfType<EntryVoided>().Select(v => v.Voids.EventId).ToHashSet());
        var versions = stream.ToDictionary(e => e.Id, e => e.Version);
        foreach (var e in stream)
        {
            var fixedId = e.Data switch { IEntryFix f => f.Fixes.EventId, ICorrection c => c.Corrects.EventId, _ => (Guid?)null };
            var shown = fixedId is { } target ? kept.Contains(target) : kept.Contains(e.Id);
            var changed = changes.Next(e.Id, e.Data);
            if (!shown) continue;
            var voidedBy = fixes.FirstOrDefault(f => f.Data is EntryVoided v && v.Voids.EventId == e.Id);
            history.Add(new HistoryEntry(e.Id, e.Version, Entries.Kind(e.Data), e.Timestamp, e.UserName,
                EventFacts.EffectiveOn(e.Data)?.ToString(), EventFacts.Reason(e.Data), changed, fixedId,
                voidedBy is not null, voidedBy?.Id,
                [.. fixes.Where(f => f.Data is IValueCorrection v && v.Fixes.EventId == e.Id || f.Data is ICorrection c && c.Corrects.EventId == e.Id).Select(f => f.Id)],
                fixedId is { } fixedEntry && versions.TryGetValue(fixedEntry, out var line) ? line : null));
        }

        return history;
    }

    /// <summary>
    /// A record on the axes with its version and history: the stored snapshot now, else its stream replayed; the history and
    /// version as recorded up to the <c>recordedAt</c> instant. One read of the stream serves both.
    /// </summary>
    public static async Task<WithHistory<T>> FindAsync<T>(IQuerySession session, Axes axes, string id, Func<T?, object, T?> evolve, string recordKind,
        CancellationToken ct, Func<object, bool>? include = null) where T : class
    {
        var stream = await session.Events.FetchStreamAsync(id, timestamp: axes.RecordedAt, token: ct);
        var record = await RecordAsOf.FindAsync(session, axes, id, evolve, recordKind, ct);
        return new WithHistory<T>(record, stream.Count == 0 ? 0 : stream[^1].Version, Of(stream, include));
    }
}

/// <summary>
/// A record as its GET answers it: the record's own members, then <c>version</c> and <c>history</c>. The version is the
/// record's ETag, from the same read of the stream as the history. A replay carries one too: the version of the record as
/// recorded up to its <c>recordedAt</c> (the current one for an <c>effectiveOn</c> replay), which, with the replay's URL,
/// names exactly what was answered: the answer changes only when the record gains entries by that instant.
/// </summary>
[JsonConverter(typeof(WithHistoryConverterFactory))]
public sealed record WithHistory<T>(T Record, long Version, IReadOnlyList<HistoryEntry> History)
    : IHttpAware
{
    public void Apply(HttpContext context) => context.Response.Headers.ETag = $"\"{Version}\"";

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(WithHistory<T>), ["application/json"]));
}
