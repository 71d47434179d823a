using System.Diagnostics;
using Consultations.Projections.Records;
using JasperFx.Events;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Consultations.Projections.Rebuilding;

/// <summary>A record a unit of work starts: its stream key, its kind (the stream's aggregate type) and every event the unit gave it, in order.</summary>
public sealed record NewStream(string Key, Type Kind, IReadOnlyList<IEvent> Events);

/// <summary>What a bulk append wrote, and where its time went.</summary>
public sealed record BulkAppendResult(int Streams, int Events, int Documents)
{
    public IReadOnlyDictionary<string, TimeSpan> Phases { get; init; } = new Dictionary<string, TimeSpan>();
}

/// <summary>
/// Stores records that are new to the store, with their inline views, on the caller's connection and in the caller's
/// transaction (ADR 0050): the streams and their events by binary COPY, each record's events given consecutive sequence
/// numbers and versions from 1 (as one <c>StartStream</c> a record gives them), stamped with the transaction's time and
/// the unit's user and correlation as Marten's append would stamp them; then the inline views' documents folded in memory
/// by the projections' own folds (<see cref="StreamDocuments"/>, the bulk rebuild's) and inserted by Marten's bulk loader.
/// The commit-hash trigger fires for each event row as for any insert (ADR 0029). A record started by someone else
/// meanwhile fails on <c>mt_streams</c>' primary key, and the caller's transaction with it.
/// </summary>
public sealed class BulkAppend(IDocumentStore store, StreamDocuments views)
{
    private readonly Dictionary<string, TimeSpan> _phases = [];

    private const int EventsPerCopy = 2_000;

    private static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(5);

    private void Time(string phase, Stopwatch watch)
    {
        _phases[phase] = _phases.GetValueOrDefault(phase) + watch.Elapsed;
        watch.Restart();
    }

    public async Task<BulkAppendResult> RunAsync(NpgsqlConnection connection, IReadOnlyList<NewStream> streams, string? userName, string? correlationId,
        CancellationToken ct)
    {
        var count = streams.Sum(s => s.Events.Count);
        if (count == 0) return new BulkAppendResult(0, 0, 0);

        var watch = Stopwatch.StartNew();
        var schema = store.Options.Events.DatabaseSchemaName;
        var graph = (Marten.Events.EventGraph)((StoreOptions)store.Options).Events;
        var tenant = store.Options.Tenancy.Default.TenantId;
        var serializer = store.Options.Serializer();

        // The time Marten's append stamps (now(): the transaction's start) and a block of sequence numbers, in one round trip.
        // The transaction takes its id first (pg_current_xact_id), so that from the moment the numbers are reserved the
        // daemon's gap probe sees a live writer older than the gap, whatever the roles (ADR 0062).
        DateTimeOffset timestamp;
        var sequences = new List<long>(count);
        await using (var command = new NpgsqlCommand(
            $"select pg_current_xact_id()::text, transaction_timestamp(), array(select nextval('{schema}.mt_events_sequence') from generate_series(1, $1))", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = count });
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            timestamp = new DateTimeOffset(reader.GetFieldValue<DateTime>(1));
            sequences.AddRange(reader.GetFieldValue<long[]>(2));
        }

        sequences.Sort();
        var next = 0;
        foreach (var stream in streams)
        {
            var version = 0L;
            foreach (var e in stream.Events)
            {
                e.Sequence = sequences[next++];
                e.Version = ++version;
                e.StreamKey = stream.Key;
                e.Timestamp = timestamp;
                e.TenantId = tenant;
                e.UserName = userName;
                e.CorrelationId = correlationId;
                if (e.Id == Guid.Empty) e.Id = Guid.CreateVersion7();
                if (string.IsNullOrEmpty(e.EventTypeName))
                {
                    var mapping = graph.EventMappingFor(e.EventType);
                    e.EventTypeName = mapping.EventTypeName;
                    e.DotNetTypeName = mapping.DotNetTypeName;
                }
            }
        }

        Time("sequences", watch);

        // Streams first: the events' foreign key and the commit-hash trigger (which reads the stream's kind) need them.
        await using (var copy = await connection.BeginBinaryImportAsync($"copy {schema}.mt_streams (id, type, version) from stdin (format binary)", ct))
        {
            foreach (var stream in streams)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(stream.Key, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(graph.AggregateAliasFor(stream.Kind), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((long)stream.Events.Count, NpgsqlDbType.Bigint, ct);
            }

            await copy.CompleteAsync(ct);
        }

        Time("streams", watch);

        // In blocks, each COPY under its own time limit: every row fires the commit-hash trigger, which is most of the cost.
        foreach (var block in streams.SelectMany(s => s.Events).Chunk(EventsPerCopy))
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"copy {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived, " +
            "correlation_id, causation_id, headers, user_name) from stdin (format binary)", ct))
        {
            copy.Timeout = CopyTimeout;
            foreach (var e in block)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(e.Sequence, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.StreamKey!, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.Version, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(serializer.ToJson(e.Data), NpgsqlDbType.Jsonb, ct);
                await copy.WriteAsync(e.EventTypeName, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.Timestamp, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(e.TenantId, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.DotNetTypeName, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await WriteOrNullAsync(copy, e.CorrelationId, NpgsqlDbType.Varchar, ct);
                await WriteOrNullAsync(copy, e.CausationId, NpgsqlDbType.Varchar, ct);
                // Marten's append stores absent headers as JSON null, not SQL NULL.
                await copy.WriteAsync(e.Headers is null ? "null" : serializer.ToJson(e.Headers), NpgsqlDbType.Jsonb, ct);
                await WriteOrNullAsync(copy, e.UserName, NpgsqlDbType.Varchar, ct);
            }

            await copy.CompleteAsync(ct);
        }

        Time("events", watch);

        var documents = new List<object>();
        foreach (var stream in streams) views.Fold(stream.Key, Refolding.Live(stream.Events), documents);
        Time("folding", watch);
        await StreamDocuments.CopyAsync(store, connection, documents, ct);
        Time("documents", watch);
        return new BulkAppendResult(streams.Count, count, documents.Count) { Phases = new Dictionary<string, TimeSpan>(_phases) };
    }

    private static async Task WriteOrNullAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(value, type, ct);
    }
}
