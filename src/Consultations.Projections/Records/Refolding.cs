using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;

namespace Consultations.Projections.Records;

/// <summary>
/// How views fold a record once entries can be voided or corrected (ADR 0023): every fold sees only the record's live
/// entries (<see cref="Entries.Live{T}"/>). Events are folded one by one onto the stored view, except when a slice of
/// events holds a fix (a void or a value correction): then the view is folded again from the record's first live entry.
/// The fix is appended to the fixed entry's own stream, so the refold runs in that stream's transaction, under its
/// version check; the entries before the slice come from the store (they were committed by earlier transactions).
/// </summary>
public static class Refolding
{
    /// <summary>The live entries of events in the order recorded, each with its metadata (a corrected entry with its corrected data).</summary>
    public static IReadOnlyList<IEvent> Live(IEnumerable<IEvent> events) =>
        Entries.Live(events, e => e.Id, e => e.Data, WithData);

    public static IEvent WithData(IEvent e, object data) => new Event<object>(data)
    {
        Id = e.Id,
        Sequence = e.Sequence,
        TenantId = e.TenantId,
        Version = e.Version,
        StreamId = e.StreamId,
        StreamKey = e.StreamKey,
        Timestamp = e.Timestamp,
        Headers = e.Headers,
        UserName = e.UserName,
        CorrelationId = e.CorrelationId,
        CausationId = e.CausationId,
        EventTypeName = e.EventTypeName,
        DotNetTypeName = e.DotNetTypeName,
    };

    /// <summary>A single-stream view's step: fold the slice onto the snapshot, or refold the whole record when the slice holds a fix.</summary>
    public static async ValueTask<(TDoc?, ActionType)> StreamAsync<TDoc>(IQuerySession session, TDoc? snapshot, string id,
        IReadOnlyList<IEvent> events, Func<TDoc?, IEvent, TDoc?> evolve, CancellationToken ct) where TDoc : class
    {
        var existed = snapshot is not null;
        IEnumerable<IEvent> fold = events;
        if (Entries.HasFix(events.Select(e => e.Data)))
        {
            snapshot = null;
            fold = Live(await WithEarlierAsync(session, id, events, ct));
        }

        foreach (var e in fold) snapshot = evolve(snapshot, e);
        return snapshot is null ? (null, existed ? ActionType.Delete : ActionType.Nothing) : (snapshot, ActionType.Store);
    }

    /// <summary>
    /// A multi-stream view's step for the document <paramref name="id"/>: fold the slice onto it, or, when the slice holds a
    /// fix, fold it again from the live entries of every stream that feeds it (<paramref name="feeders"/> of the stored
    /// document, plus the streams in the slice) that route to it (<paramref name="ids"/>).
    /// </summary>
    public static async ValueTask<(TDoc?, ActionType)> DocumentAsync<TDoc>(IQuerySession session, TDoc? snapshot, string id,
        IReadOnlyList<IEvent> events, Func<object, IEnumerable<string>> ids, Func<TDoc?, object, TDoc?> evolve,
        Func<TDoc, IEnumerable<string>> feeders, Action<TDoc, string> identify, CancellationToken ct) where TDoc : class
    {
        var existed = snapshot is not null;
        IEnumerable<IEvent> fold = events.Where(e => e.Data is not IEntryFix);
        if (Entries.HasFix(events.Select(e => e.Data)))
        {
            var streams = events.Select(e => e.StreamKey!).Concat(snapshot is null ? [] : feeders(snapshot)).Distinct().ToList();
            var lastSequence = events.Max(e => e.Sequence);
            var all = new List<IEvent>();
            foreach (var stream in streams)
            {
                var own = events.Where(e => e.StreamKey == stream).ToList();
                var committed = own.Count > 0
                    ? await WithEarlierAsync(session, stream, own, ct)
                    : [.. (await session.Events.FetchStreamAsync(stream, token: ct)).Where(e => lastSequence <= 0 || e.Sequence <= lastSequence)];
                all.AddRange(Live(committed));
            }

            snapshot = null;
            fold = streams.Count == 1 ? all : all.OrderBy(e => e.Sequence);
            fold = fold.Where(e => ids(e.Data).Contains(id));
        }

        foreach (var e in fold) snapshot = evolve(snapshot, e.Data);
        if (snapshot is not null) identify(snapshot, id);
        return snapshot is null ? (null, existed ? ActionType.Delete : ActionType.Nothing) : (snapshot, ActionType.Store);
    }

    /// <summary>
    /// Routes each fix in <paramref name="events"/> to the documents of the entry it fixes, as that entry read before and
    /// after the fix (a corrected target status moves a timeline entry).
    /// </summary>
    public static async Task RouteFixesAsync(IQuerySession session, IReadOnlyList<IEvent> events, JasperFx.Events.Grouping.IEventGrouping<string> grouping,
        Func<object, IEnumerable<string>> ids, CancellationToken ct = default)
    {
        foreach (var e in events)
        {
            if (e.Data is not IEntryFix fix) continue;
            // The fixed entry may be in the same transaction (a record file fixing an entry an earlier step recorded).
            var fixedEvent = events.FirstOrDefault(x => x.Id == fix.Fixes.EventId) ?? await session.Events.LoadAsync(fix.Fixes.EventId, ct);
            if (fixedEvent is null) continue;
            // Every way the entry has read: as recorded, after each earlier correction (a corrected target moved it), and after this fix.
            var targets = ids(fixedEvent.Data).ToList();
            var reads = fixedEvent.Data;
            foreach (var earlier in await CorrectionsOfAsync(session, events, fixedEvent, ct))
            {
                reads = earlier.Apply(reads);
                targets.AddRange(ids(reads));
            }

            if (fix is IValueCorrection c) targets.AddRange(ids(c.Apply(fixedEvent.Data)));
            foreach (var target in targets.Distinct()) grouping.AddEvent(target, e);
        }
    }

    // The value corrections of an entry, stored or in this slice, in the order recorded (they are appended to its own stream).
    private static async Task<IReadOnlyList<IValueCorrection>> CorrectionsOfAsync(IQuerySession session, IReadOnlyList<IEvent> slice, IEvent entry, CancellationToken ct)
    {
        var stored = entry.StreamKey is { } key ? await session.Events.FetchStreamAsync(key, token: ct) : [];
        var sliceIds = slice.Select(e => e.Id).ToHashSet();
        return [.. stored.Where(e => !sliceIds.Contains(e.Id)).Concat(slice.Where(e => e.StreamKey == entry.StreamKey))
            .OrderBy(e => e.Version).Select(e => e.Data).OfType<IValueCorrection>().Where(c => c.Fixes.EventId == entry.Id)];
    }

    // The stream's events before the slice (from the store) and the slice itself, in version order.
    private static async Task<IReadOnlyList<IEvent>> WithEarlierAsync(IQuerySession session, string stream, IReadOnlyList<IEvent> slice, CancellationToken ct)
    {
        var first = slice.Min(e => e.Version);
        var sliceIds = slice.Select(e => e.Id).ToHashSet();
        var stored = await session.Events.FetchStreamAsync(stream, version: first > 1 ? first - 1 : 0, token: ct);
        var earlier = stored.Where(e => !sliceIds.Contains(e.Id) && (first <= 0 || e.Version < first));
        return [.. earlier.Concat(slice).OrderBy(e => e.Version)];
    }
}
