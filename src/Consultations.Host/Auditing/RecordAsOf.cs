using Consultations.Projections.ActionPlans;
using Consultations.Projections.Fields;
using Consultations.Projections.Meetings;
using Consultations.Projections.Records;
using Consultations.Projections.Register;
using Consultations.Projections.Timeline;
using JasperFx.Events;

namespace Consultations.Host.Auditing;

/// <summary>
/// The record replayed on both time axes: the events recorded up to <see cref="Axes.RecordedAt"/> that were in
/// effect on <see cref="Axes.EffectiveOn"/>, in the order they were recorded, folded in memory with the same folds the
/// projections use (the domain's Evolve, <see cref="FieldStatusFold"/>, <see cref="TimelineFold"/>, and the async reporting
/// projections' <see cref="CommitmentRegisterFold"/>, <see cref="MeetingRecordFold"/>, <see cref="ActionPlanProgressFold"/>).
/// Replayed with no axes it is, by construction, what the projections hold.
/// </summary>
public sealed class RecordAsOf
{
    private RecordAsOf(Axes axes, IReadOnlyList<IEvent> events, IReadOnlyDictionary<IEvent, DateOnly> countsFrom, IReadOnlyList<IEvent> recorded)
    {
        Axes = axes;
        Events = events;
        CountsFrom = countsFrom;
        Recorded = recorded;
    }

    /// <summary>Every event of the subject recorded by the instant, as stored: voided entries and the fixes themselves included.</summary>
    public IReadOnlyList<IEvent> Recorded { get; }

    /// <summary>The day each selected event counts from on the effective axis (<see cref="EventFacts.EffectiveDays"/>).</summary>
    public IReadOnlyDictionary<IEvent, DateOnly> CountsFrom { get; }

    public Axes Axes { get; }

    public IReadOnlyList<IEvent> Events { get; }

    /// <summary>
    /// Selects the events of the <paramref name="subject"/> that satisfy both axes, reading only that subject's streams:
    /// one record's, those of the records that touched one field (found through their footprints), those of one
    /// dialogue, or, for <see cref="Subject.Everything"/>, the whole store. A stream's footprint only ever grows, so the
    /// records that touch a subject now include every record that touched it at any earlier instant.
    /// </summary>
    public static async Task<RecordAsOf> LoadAsync(IQuerySession session, Axes axes, Subject subject, CancellationToken ct)
    {
        IReadOnlyList<IEvent> recorded;
        if (subject.Stream is { } stream)
        {
            recorded = await session.Events.FetchStreamAsync(stream, timestamp: axes.RecordedAt, token: ct);
        }
        else
        {
            var query = session.Events.QueryAllRawEvents().AsQueryable();
            if (await subject.StreamsAsync(session, ct) is { } streams)
            {
                if (streams.Count == 0) return new RecordAsOf(axes, [], new Dictionary<IEvent, DateOnly>(), []);
                var keys = streams.ToArray();
                query = query.Where(e => e.StreamKey!.IsOneOf(keys));
            }

            if (axes.RecordedAt is { } at) query = query.Where(e => e.Timestamp <= at);
            recorded = await query.OrderBy(e => e.Sequence).ToListAsync(ct);
        }

        return Of(axes, recorded);
    }

    /// <summary>
    /// The replay on the axes of events already read: whole streams, in the order recorded (those recorded after
    /// <see cref="Axes.RecordedAt"/> are left out here), so that one read serves replays at several points.
    /// </summary>
    public static RecordAsOf Of(Axes axes, IReadOnlyList<IEvent> recorded)
    {
        if (axes.RecordedAt is { } at && recorded.Any(e => e.Timestamp > at)) recorded = [.. recorded.Where(e => e.Timestamp <= at)];
        // Voids and corrections recorded by the instant apply; the effective axis then treats a voided entry as never true (ADR 0023).
        var live = Refolding.Live(recorded);
        var days = EventFacts.EffectiveDays(live);
        return new RecordAsOf(axes, axes.EffectiveOn is { } d ? [.. live.Where(e => days[e] <= d)] : live, days, recorded);
    }

    /// <summary>
    /// The records of one kind on the axes, to filter further: the stored snapshots now, else every record of the
    /// subject replayed with its domain Evolve. Materialise with <see cref="RecordQueries.ListAsync{T}"/>.
    /// </summary>
    public static async Task<IQueryable<T>> QueryAsync<T>(IQuerySession session, Axes axes, Subject subject, Func<T?, object, T?> evolve, CancellationToken ct)
        where T : class =>
        axes.IsNow ? session.Query<T>() : (await GatherAsync(session, axes, subject, r => r.Records(evolve), ct)).AsQueryable();

    /// <summary>
    /// What <paramref name="select"/> takes from the replay of the subject. A subject that spans every dialogue is
    /// replayed one dialogue at a time (records never cross dialogues), so a replay holds one dialogue's events in
    /// memory, never the whole store's; the caller orders the gathered results.
    /// </summary>
    public static async Task<IReadOnlyList<TResult>> GatherAsync<TResult>(IQuerySession session, Axes axes, Subject subject,
        Func<RecordAsOf, IEnumerable<TResult>> select, CancellationToken ct)
    {
        if (subject != Subject.Everything) return [.. select(await LoadAsync(session, axes, subject, ct))];
        var gathered = new List<TResult>();
        foreach (var dialogue in await Subject.DialoguesAsync(session, ct))
            gathered.AddRange(select(await LoadAsync(session, axes, Subject.Of(dialogue), ct)));
        return gathered;
    }

    /// <summary>
    /// One record on the axes: its stored snapshot now, else its own stream replayed. A record not on record then is a
    /// <see cref="RecordNotFound"/> that names the axes, since it may well be on record today.
    /// </summary>
    public static async Task<T> FindAsync<T>(IQuerySession session, Axes axes, string id, Func<T?, object, T?> evolve, string recordKind, CancellationToken ct)
        where T : class =>
        (axes.IsNow ? await session.LoadAsync<T>(id, ct) : (await LoadAsync(session, axes, Subject.Record(id), ct)).Record(id, evolve))
        ?? throw new RecordNotFound(recordKind, id, axes.IsNow ? null : axes.ToString());

    /// <summary>One record's state, folded with its domain Evolve; null when it was not (yet) on record.</summary>
    public T? Record<T>(string id, Func<T?, object, T?> evolve) where T : class =>
        Events.Where(e => e.StreamKey == id).Aggregate((T?)null, (state, e) => evolve(state, e.Data));

    /// <summary>Every record whose stream folds into a <typeparamref name="T"/>.</summary>
    public IReadOnlyList<T> Records<T>(Func<T?, object, T?> evolve) where T : class =>
        [.. Events.GroupBy(e => e.StreamKey!).Select(g => g.Aggregate((T?)null, (state, e) => evolve(state, e.Data))).OfType<T>()];

    /// <summary>Each field's status: every record's footprint folded from its events, then merged, as the stored footprints are.</summary>
    public Dictionary<string, FieldStatus> Fields() =>
        FieldStatusFold.Merge(Events.GroupBy(e => e.StreamKey!)
            .Select(stream => stream.Aggregate((RecordFootprint?)null, (footprint, e) => RecordFootprint.Fold(footprint, stream.Key, e.Data))!));

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

    /// <summary>The commitment register: each stream folded as the async register projection folds it.</summary>
    public IReadOnlyList<CommitmentRegisterEntry> Register() =>
        PerStream<CommitmentRegisterEntry>((entry, e) => CommitmentRegisterFold.Evolve(entry, e), (entry, id) => entry.Id = id);

    /// <summary>Each action plan's progress: each stream folded as the async progress projection folds it.</summary>
    public IReadOnlyList<ActionPlanProgress> PlanProgress() =>
        PerStream<ActionPlanProgress>((plan, e) => ActionPlanProgressFold.Evolve(plan, e.Data), (plan, id) => plan.Id = id);

    /// <summary>Each meeting's record, gathered across streams by the projection's identity rules, in the order recorded.</summary>
    public IReadOnlyList<MeetingRecord> MeetingRecords()
    {
        var records = new Dictionary<string, MeetingRecord>();
        foreach (var e in Events)
        {
            foreach (var id in MeetingRecordFold.Ids(e.Data))
            {
                if (MeetingRecordFold.Evolve(records.GetValueOrDefault(id), e.Data) is not { } record) continue;
                record.Id = id;
                records[id] = record;
            }
        }

        return [.. records.Values];
    }

    // Marten gives a stored document its stream's key; a replayed one gets it the same way.
    private IReadOnlyList<T> PerStream<T>(Func<T?, IEvent, T?> evolve, Action<T, string> identify) where T : class
    {
        var documents = new List<T>();
        foreach (var stream in Events.GroupBy(e => e.StreamKey!))
        {
            if (stream.Aggregate((T?)null, evolve) is not { } document) continue;
            identify(document, stream.Key);
            documents.Add(document);
        }

        return documents;
    }
}

public static class RecordQueries
{
    /// <summary>Runs a query of stored documents in the database, or a replayed one in memory.</summary>
    public static async Task<IReadOnlyList<T>> ListAsync<T>(this IQueryable<T> query, CancellationToken ct) where T : notnull =>
        query is Marten.Linq.IMartenQueryable<T> ? await QueryableExtensions.ToListAsync(query, ct) : [.. query];
}
