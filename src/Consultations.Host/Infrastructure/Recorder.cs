using JasperFx.Events;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Consultations.Host.Infrastructure;

/// <summary>
/// What a command left on the record: the stream, its version after the command, and how many events it
/// appended (0 when the record already said so). Answered as 201 when the command started the record (with a
/// Location, see <see cref="RecordedWrites"/>), 200 otherwise.
/// </summary>
public sealed record Recorded(string Id, long Version, int Appended, bool Created) : IHttpAware, IEndpointMetadataProvider
{
    public void Apply(HttpContext context)
    {
        context.Response.StatusCode = Created ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        context.Response.Headers.ETag = $"\"{Version}\"";
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Recorded), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(Recorded), ["application/json"]));
    }
}

/// <summary>
/// The one write path. Loads a record's state through Marten (<c>FetchForWriting</c>, so concurrent writers
/// are caught), asks the pure decider for events, appends them and keeps the folded state, so that several
/// commands in one unit (a record file import) see each other's effects. Nothing is stored until
/// <see cref="SaveAsync"/>: either every command of the unit lands, or none does.
/// </summary>
public sealed class Recorder(IDocumentSession session, TimeProvider clock, WriteConditions? conditions = null)
{
    private readonly Dictionary<(Type, string), Tracked> _tracked = [];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public IDocumentSession Session => session;

    /// <summary>
    /// A record's state as this unit sees it. Every record the unit reads is fetched for writing once, so the state a
    /// command decides on and the version its events are appended at come from the same read: a record read first
    /// for a check (does the plan exist?) and then decided on can never pair an older state with a newer version.
    /// </summary>
    public async Task<T?> LoadAsync<T>(string id, CancellationToken ct) where T : class => (T?)(await TrackAsync<T>(id, ct)).State;

    public async Task<bool> ExistsAsync<T>(string id, CancellationToken ct) where T : class =>
        await LoadAsync<T>(id, ct) is not null;

    public async Task<Recorded> DecideAsync<T>(
        string id,
        Func<T?, DateOnly, IReadOnlyList<object>> decide,
        Func<T?, object, T?> evolve,
        CancellationToken ct) where T : class
    {
        var tracked = await TrackAsync<T>(id, ct);
        if (!tracked.Decided)
        {
            tracked.Decided = true;
            if (conditions?.ExpectedVersion is { } expected && expected != tracked.Version)
                throw new StaleVersion(id, expected, tracked.Version);
        }

        var state = (T?)tracked.State;
        var events = decide(state, Today);
        if (events.Count == 0) return new Recorded(id, tracked.Version, 0, false);

        var created = tracked.Version == 0;
        if (tracked.Stream is IEventStream<T> stream) stream.AppendMany(events);
        else tracked.Unsaved!.AddRange(events.Select(session.Events.BuildEvent));
        foreach (var e in events) state = evolve(state, e);
        tracked.State = state;
        tracked.Version += events.Count;
        return new Recorded(id, tracked.Version, events.Count, created);
    }

    private async Task<Tracked> TrackAsync<T>(string id, CancellationToken ct) where T : class
    {
        if (_tracked.TryGetValue((typeof(T), id), out var tracked)) return tracked;
        if (_absent.Contains(id)) return _tracked[(typeof(T), id)] = Tracked.Started<T>(id);
        var stream = await session.Events.FetchForWriting<T>(id, ct);
        return _tracked[(typeof(T), id)] = new Tracked(stream, stream.Aggregate, stream.CurrentVersion ?? 0, () => stream.Events);
    }

    private readonly HashSet<string> _absent = [];

    /// <summary>
    /// Records the caller has just found absent from the store (one query for a whole record file): they are decided on
    /// from nothing without a read each, and started at <see cref="SaveAsync"/> with every event the unit gave them, one
    /// append per record. Starting a record someone else started meanwhile fails the whole unit.
    /// </summary>
    public void KnownAbsent(IEnumerable<string> ids) => _absent.UnionWith(ids);

    /// <summary>
    /// A record's entries as this unit sees them: those stored, then those appended in this unit and not yet saved (a
    /// record file may void or correct an entry an earlier step of the same file recorded).
    /// </summary>
    public async Task<IReadOnlyList<Entry>> EntriesAsync(string id, CancellationToken ct)
    {
        var stored = await session.Events.FetchStreamAsync(id, token: ct);
        return [.. stored.Select(e => new Entry(e.Id, e.Version, e.Data)), .. Pending(id)];
    }

    /// <summary>The record holding an entry, by the entry's event id: among this unit's unsaved entries, then in the store.</summary>
    public async Task<string?> StreamOfAsync(Guid eventId, CancellationToken ct)
    {
        var pending = _tracked.Keys.Select(k => k.Item2).Distinct().FirstOrDefault(id => Pending(id).Any(e => e.EventId == eventId));
        return pending ?? (await session.Events.LoadAsync(eventId, ct))?.StreamKey;
    }

    /// <summary>The records this unit has appended to and not saved yet.</summary>
    public IEnumerable<string> PendingRecords() =>
        _tracked.Where(t => t.Value.Pending().Count > 0).Select(t => t.Key.Item2).Distinct();

    private IEnumerable<Entry> Pending(string id) =>
        _tracked.Where(t => t.Key.Item2 == id).SelectMany(t =>
        {
            var pending = t.Value.Pending();
            return pending.Select((e, i) => new Entry(e.Id, t.Value.Version - pending.Count + i + 1, e.Data));
        });

    /// <summary>
    /// Every record this unit appended to, with its kind and events in order, when each of them is new (nothing of it was
    /// stored before the unit); null when the unit appends to a stored record. Records the unit only read do not count.
    /// The bulk import (ADR 0050) stores such a unit itself, without <see cref="SaveAsync"/>.
    /// </summary>
    public IReadOnlyList<Consultations.Projections.Rebuilding.NewStream>? OnlyNewRecords()
    {
        var records = new List<Consultations.Projections.Rebuilding.NewStream>();
        foreach (var ((kind, id), tracked) in _tracked)
        {
            var pending = tracked.Pending();
            if (pending.Count == 0) continue;
            if (tracked.Version != pending.Count) return null;
            records.Add(new(id, kind, pending));
        }

        return records.Select(r => r.Key).Distinct().Count() == records.Count ? records : null;
    }

    public Task SaveAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(session.LastModifiedBy) && conditions?.RecordedBy is { } recordedBy) session.LastModifiedBy = recordedBy;
        foreach (var tracked in _tracked.Values.Where(t => t.Unsaved is { Count: > 0 })) tracked.Start!(session);
        return session.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Stores the records this unit started (<see cref="KnownAbsent"/>) a batch at a time, each batch through a session of
    /// its own that the caller enlists in the unit's transaction, so nothing commits until the caller commits; the records
    /// it fetched, and anything else queued, are left to <see cref="SaveAsync"/>. Marten's unit of work grows slower with
    /// every operation it holds (each inline view's document is one), so a whole file in one session is quadratic.
    /// </summary>
    public async Task SaveStartedInBatchesAsync(Func<IDocumentSession> enlisted, int recordsPerBatch, CancellationToken ct)
    {
        var started = _tracked.Values.Where(t => t.Unsaved is { Count: > 0 }).ToList();
        foreach (var batch in started.Chunk(recordsPerBatch))
        {
            await using var batchSession = enlisted();
            foreach (var tracked in batch)
            {
                tracked.Start!(batchSession);
                tracked.Unsaved!.Clear();
            }

            await batchSession.SaveChangesAsync(ct);
        }
    }

    private sealed class Tracked(object? stream, object? state, long version, Func<IReadOnlyList<IEvent>> pending)
    {
        public static Tracked Started<T>(string id) where T : class
        {
            var unsaved = new List<IEvent>();
            return new Tracked(null, null, 0, () => unsaved)
            {
                Unsaved = unsaved,
                Start = into => into.Events.StartStream<T>(id, [.. unsaved]),
            };
        }

        public List<IEvent>? Unsaved { get; private init; }
        public Action<IDocumentSession>? Start { get; private init; }
        public object? Stream { get; } = stream;
        public Func<IReadOnlyList<IEvent>> Pending { get; } = pending;
        public object? State { get; set; } = state;
        public long Version { get; set; } = version;

        public bool Decided { get; set; }
    }
}

public static class RecorderReferences
{
    /// <summary>Refuses a command whose body names a record that does not exist (a 400 naming the field).</summary>
    public static async Task<T> ReferencedAsync<T>(this Recorder recorder, string field, string id, string recordKind, CancellationToken ct)
        where T : class =>
        await recorder.LoadAsync<T>(id, ct) ?? throw InvalidCommand.For(field, $"No {recordKind} '{id}' is on record.");

    public static void SameDialogue(string field, string expected, string actual, string recordKind, string id)
    {
        if (expected != actual)
            throw InvalidCommand.For(field, $"The {recordKind} '{id}' belongs to dialogue '{actual}', not '{expected}'.");
    }
}
