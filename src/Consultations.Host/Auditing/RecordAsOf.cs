using Consultations.Projections.Fields;
using Consultations.Projections.Timeline;
using JasperFx.Events;
using Marten;

namespace Consultations.Host.Auditing;

/// <summary>
/// The record replayed on both time axes: the events recorded up to <see cref="Axes.RecordedAt"/> that were in
/// effect on <see cref="Axes.EffectiveOn"/>, in the order they were recorded, folded in memory with the same folds the
/// inline projections use (the domain's Evolve, <see cref="FieldStatusFold"/>, <see cref="TimelineFold"/>).
/// Replayed with no axes it is, by construction, what the projections hold.
/// </summary>
public sealed class RecordAsOf
{
    private RecordAsOf(Axes axes, IReadOnlyList<IEvent> events)
    {
        Axes = axes;
        Events = events;
    }

    public Axes Axes { get; }

    public IReadOnlyList<IEvent> Events { get; }

    /// <summary>Selects the events of one stream, or of the whole record, that satisfy both axes.</summary>
    public static async Task<RecordAsOf> LoadAsync(IQuerySession session, Axes axes, CancellationToken ct, string? stream = null)
    {
        IReadOnlyList<IEvent> recorded;
        if (stream is not null)
        {
            recorded = await session.Events.FetchStreamAsync(stream, timestamp: axes.RecordedAt, token: ct);
        }
        else
        {
            var query = session.Events.QueryAllRawEvents().AsQueryable();
            if (axes.RecordedAt is { } at) query = query.Where(e => e.Timestamp <= at);
            recorded = await query.OrderBy(e => e.Sequence).ToListAsync(ct);
        }

        return new RecordAsOf(axes, InEffect(recorded, axes.EffectiveOn));
    }

    /// <summary>
    /// The events in effect on a day. A correction moves the event it corrects to the corrected date, and counts
    /// itself from that date, so that corrected and correction come and go together.
    /// </summary>
    public static IReadOnlyList<IEvent> InEffect(IReadOnlyList<IEvent> recorded, DateOnly? day)
    {
        if (day is not { } d) return recorded;
        var corrected = EventFacts.Corrections(recorded);
        return [.. recorded.Where(e => EventFacts.EffectiveDay(e, corrected) <= d)];
    }

    /// <summary>One record's state, folded with its domain Evolve; null when it was not (yet) on record.</summary>
    public T? Record<T>(string id, Func<T?, object, T?> evolve) where T : class =>
        Events.Where(e => e.StreamKey == id).Aggregate((T?)null, (state, e) => evolve(state, e.Data));

    /// <summary>Every record whose stream folds into a <typeparamref name="T"/>.</summary>
    public IReadOnlyList<T> Records<T>(Func<T?, object, T?> evolve) where T : class =>
        [.. Events.GroupBy(e => e.StreamKey!).Select(g => g.Aggregate((T?)null, (state, e) => evolve(state, e.Data))).OfType<T>()];

    public Dictionary<string, FieldStatus> Fields()
    {
        var fields = new Dictionary<string, FieldStatus>();
        foreach (var e in Events)
        {
            foreach (var code in FieldStatusFold.FieldCodes(e.Data))
            {
                if (!fields.TryGetValue(code, out var status)) fields[code] = status = new FieldStatus { Id = code };
                FieldStatusFold.Apply(status, e.Data);
            }
        }

        return fields;
    }

    public IReadOnlyList<TimelineEntry> Timeline()
    {
        var entries = new Dictionary<string, TimelineEntry>();
        foreach (var e in Events)
        {
            if (TimelineFold.EntryId(e.Data) is not { } id) continue;
            if (TimelineFold.Evolve(entries.GetValueOrDefault(id), e.Data) is not { } entry) continue;
            entry.Id = id;
            entries[id] = entry;
        }

        return [.. entries.Values];
    }
}
