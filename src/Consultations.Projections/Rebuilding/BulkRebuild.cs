using System.Diagnostics;
using Consultations.Projections.Meetings;
using Consultations.Projections.Records;
using Consultations.Projections.Register;
using Consultations.Projections.Search;
using Consultations.Projections.Timeline;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Weasel.Core;

namespace Consultations.Projections.Rebuilding;

/// <summary>What a bulk rebuild did.</summary>
public sealed record BulkRebuildResult(long Events, long Streams, long Documents, long Rows, long HighWaterMark, TimeSpan Elapsed, IReadOnlyList<string> Projections)
{
    /// <summary>Where the time went: writing documents, register rows and search rows (beside the reading), and the reader waiting for a write.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Phases { get; init; } = new Dictionary<string, TimeSpan>();
}

/// <summary>
/// Rebuilds every projection of the store from its events without Marten's projection runtime (ADR 0049): the events are
/// read once, in one streamed query ordered by stream and version; each stream's live entries
/// (<see cref="Refolding.Live"/>) go through the projections' own folds; the documents are written by binary COPY
/// (Marten's bulk insert) and the SQL tables by COPY and one set-based insert per batch, after the views were emptied; and
/// each projection's progress is set to the last event read, so the daemon does not replay it. The stored views are those
/// Marten's rebuild leaves, row for row. Meant for a store nobody writes to meanwhile, as Marten's rebuild is: a crash
/// half-way leaves views partly written and the progress as it was before, and running it again starts by emptying them.
/// </summary>
public sealed class BulkRebuild(IDocumentStore store)
{
    /// <summary>Documents and rows written per batch: what the rebuild holds in memory, besides the meeting records' share.</summary>
    public int BatchSize { get; init; } = 5_000;

    private readonly Dictionary<string, TimeSpan> _phases = new() { ["documents"] = default, ["register"] = default, ["search"] = default, ["waiting"] = default, ["clearing"] = default, ["indexes"] = default };

    private void Time(string phase, Stopwatch watch) => _phases[phase] += watch.Elapsed;

    public async Task<BulkRebuildResult> RunAsync(IProgress<(long Done, long Total)>? progress = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var projections = store.Options.Events.Projections().OfType<ProjectionBase>().ToList();
        var streamFolds = projections.OfType<IStreamFold>().ToList();
        var timeline = projections.OfType<TimelineProjection>().Any();
        var meetings = projections.OfType<MeetingRecordProjection>().Any();
        var register = projections.OfType<CommitmentRegisterTable>().SingleOrDefault();
        var search = projections.OfType<SearchIndexProjection>().SingleOrDefault();
        var unknown = projections.Where(p => p is not (IStreamFold or TimelineProjection or MeetingRecordProjection or CommitmentRegisterTable or SearchIndexProjection)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"The bulk rebuild does not know how to fold {string.Join(", ", unknown.Select(p => p.Name))}: use `projections rebuild`.");

        var schema = store.Options.DatabaseSchemaName;
        var events = store.Options.Events.DatabaseSchemaName;
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        long ceiling, total;
        await using (var connection = store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(ct);
            await using var count = new NpgsqlCommand(
                $"select coalesce(max(seq_id), 0), count(*) filter (where not is_archived) from {events}.mt_events", connection);
            await using var reader = await count.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            (ceiling, total) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        // Emptied first: a document or row is written once, by a plain COPY, and a rebuild run again after a crash starts clean.
        var streamDocuments = new StreamDocuments(streamFolds, timeline);
        var clearing = Stopwatch.StartNew();
        var documentTypes = streamFolds.Select(f => f.DocumentType)
            .Concat(timeline ? [typeof(TimelineEntry)] : []).Concat(meetings ? [typeof(MeetingRecord)] : []).Distinct().ToList();
        foreach (var type in documentTypes) await store.Advanced.Clean.DeleteDocumentsByTypeAsync(type, ct);
        await using (var connection = store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(ct);
            foreach (var table in new[] { register is null ? null : CommitmentRegisterTable.TableName, search is null ? null : SearchIndexProjection.TableName }.OfType<string>())
            {
                await using var truncate = new NpgsqlCommand($"truncate {schema}.{table}", connection);
                await truncate.ExecuteNonQueryAsync(ct);
            }
        }

        Time("clearing", clearing);

        // The views' GIN indexes (the footprints' field codes, the search index's text) are dropped for the load and built
        // once after it: one sort per index instead of a GIN insertion per row. They are the configured schema's, so
        // Marten's migration builds them again, here after the load, and at the start of any rebuild or service start
        // that follows a crash in between.
        var indexing = Stopwatch.StartNew();
        var tables = documentTypes.Select(t => store.Options.FindOrResolveDocumentType(t).TableName.Name)
            .Concat(search is null ? [] : [SearchIndexProjection.TableName]).ToArray();
        var dropped = await DropGinIndexesAsync(schema, tables, ct);
        Time("indexes", indexing);
        var batch = new Batch();
        var pending = Task.CompletedTask;
        long done = 0, streams = 0, documents = 0, rows = 0;
        // A meeting's record gathers entries of other streams (statements adopted at it, commitments made at it, plans it
        // reaffirmed): those entries are kept, in sequence order, until every stream has been read.
        var meetingEntries = new Dictionary<string, List<IEvent>>(StringComparer.Ordinal);

        async Task FlushAsync()
        {
            var waiting = Stopwatch.StartNew();
            await pending;
            Time("waiting", waiting);
            var (docs, registerRows, searchRows) = (batch.Documents, batch.Register, batch.Search);
            documents += docs.Count;
            rows += registerRows.Count + searchRows.Sum(r => r.Entries.Count);
            batch = new Batch();
            pending = WriteAsync(docs, registerRows, searchRows, schema, search, ct);
        }

        void Fold(string key, List<IEvent> stream)
        {
            streams++;
            var live = Refolding.Live(stream);
            streamDocuments.Fold(key, live, batch.Documents);

            if (meetings)
            {
                foreach (var e in live)
                foreach (var id in MeetingRecordFold.Ids(e.Data))
                {
                    if (!meetingEntries.TryGetValue(id, out var list)) meetingEntries[id] = list = [];
                    list.Add(e);
                }
            }

            if (register is not null && CommitmentRegisterRow.Fold(live) is { } row) batch.Register.Add(row);

            if (search is not null && stream.LastOrDefault(SearchIndexProjection.Indexes) is { } lastIndexed)
            {
                var entries = SearchIndexProjection.RowsOf(stream.Where(e => e.Version <= lastIndexed.Version));
                if (entries.Count > 0)
                {
                    batch.Search.Add(new SearchIndexProjection.RecordRows(key, lastIndexed.Sequence, entries));
                    batch.SearchRows += entries.Count;
                }
            }
        }

        await using (var session = store.QuerySession())
        {
            var current = new List<IEvent>();
            string? key = null;
            var all = session.Events.QueryAllRawEvents().Where(e => e.Sequence <= ceiling)
                .OrderBy(e => e.StreamKey).ThenBy(e => e.Version).ToAsyncEnumerable(ct);
            await foreach (var e in all)
            {
                if (e.StreamKey != key && current.Count > 0)
                {
                    Fold(key!, current);
                    current = [];
                    if (batch.Size >= BatchSize) await FlushAsync();
                }

                key = e.StreamKey;
                current.Add(e);
                if (++done % 10_000 == 0) progress?.Report((done, total));
            }

            if (current.Count > 0) Fold(key!, current);
        }

        foreach (var (id, entries) in meetingEntries)
        {
            MeetingRecord? record = null;
            foreach (var e in entries.OrderBy(e => e.Sequence)) record = MeetingRecordFold.Evolve(record, e.Data);
            if (record is null) continue;
            record.Id = id;
            batch.Documents.Add(record);
            if (batch.Size >= BatchSize) await FlushAsync();
        }

        await FlushAsync();
        await pending;
        if (dropped > 0)
        {
            indexing.Restart();
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            Time("indexes", indexing);
        }

        // The daemon takes each projection up from here: everything up to the last event read is in the views.
        var names = projections.Select(p => p.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        await using (var connection = store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(ct);
            await using var mark = new NpgsqlCommand(
                $"""
                 insert into {events}.mt_event_progression (name, last_seq_id, last_updated)
                 select n || ':All', $1, now() from unnest($2::text[]) as n
                 on conflict (name) do update set last_seq_id = excluded.last_seq_id, last_updated = excluded.last_updated
                 """, connection);
            mark.Parameters.Add(new NpgsqlParameter { Value = ceiling });
            mark.Parameters.Add(new NpgsqlParameter { Value = names.ToArray() });
            await mark.ExecuteNonQueryAsync(ct);
        }

        progress?.Report((done, total));
        return new BulkRebuildResult(done, streams, documents, rows, ceiling, watch.Elapsed, names) { Phases = new Dictionary<string, TimeSpan>(_phases) };
    }

    private async Task<int> DropGinIndexesAsync(string schema, string[] tables, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        var names = new List<string>();
        await using (var find = new NpgsqlCommand(
            "select indexname from pg_indexes where schemaname = $1 and tablename = any($2) and indexdef ilike '% using gin %'", connection))
        {
            find.Parameters.Add(new NpgsqlParameter { Value = schema });
            find.Parameters.Add(new NpgsqlParameter { Value = tables });
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        }

        foreach (var name in names)
        {
            await using var drop = new NpgsqlCommand($"drop index if exists \"{schema}\".\"{name}\"", connection);
            await drop.ExecuteNonQueryAsync(ct);
        }

        return names.Count;
    }

    private async Task WriteAsync(List<object> documents, List<CommitmentRegisterRow> register, List<SearchIndexProjection.RecordRows> search,
        string schema, SearchIndexProjection? searchProjection, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        if (documents.Count > 0) await store.BulkInsertDocumentsAsync(documents, BulkInsertMode.InsertsOnly, documents.Count, ct);
        Time("documents", watch);
        if (register.Count == 0 && search.Count == 0) return;

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        if (register.Count > 0)
        {
            watch.Restart();
            await using var import = await connection.BeginBinaryImportAsync(
                $"copy {schema}.{CommitmentRegisterTable.TableName} ({string.Join(", ", CommitmentRegisterRow.Columns)}) from stdin (format binary)", ct);
            foreach (var row in register)
            {
                await import.StartRowAsync(ct);
                foreach (var value in row.Values())
                {
                    switch (value)
                    {
                        case null: await import.WriteNullAsync(ct); break;
                        case string s: await import.WriteAsync(s, NpgsqlDbType.Varchar, ct); break;
                        case DateOnly d: await import.WriteAsync(d, NpgsqlDbType.Date, ct); break;
                        case int i: await import.WriteAsync(i, NpgsqlDbType.Integer, ct); break;
                        case long l: await import.WriteAsync(l, NpgsqlDbType.Bigint, ct); break;
                        case DateTimeOffset t: await import.WriteAsync(t.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct); break;
                        default: throw new InvalidOperationException($"No column type for {value.GetType()}.");
                    }
                }
            }

            await import.CompleteAsync(ct);
            Time("register", watch);
        }

        if (search.Count > 0 && searchProjection is not null)
        {
            await using var insert = new NpgsqlCommand(searchProjection.InsertSql("$1"), connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = SearchIndexProjection.RowsJson(search), NpgsqlDbType = NpgsqlDbType.Text });
            watch.Restart();
            await insert.ExecuteNonQueryAsync(ct);
            Time("search", watch);
        }
    }

    private sealed class Batch
    {
        public List<object> Documents { get; } = [];

        public List<CommitmentRegisterRow> Register { get; } = [];

        public List<SearchIndexProjection.RecordRows> Search { get; } = [];

        public int SearchRows { get; set; }

        public int Size => Documents.Count + Register.Count + SearchRows;
    }
}
