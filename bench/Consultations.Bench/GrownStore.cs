using System.Globalization;
using Consultations.Domain.Commitments;
using Consultations.Host.Auditing;
using Consultations.LocalDatabase;
using Consultations.Host.Infrastructure;
using Consultations.Host.RecordFiles;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Consultations.Bench;

/// <summary>
/// A store of about <c>events</c> events for the replay benchmarks: the bundled Japan–Italy record imported once,
/// then copied in SQL until the store is that large (the importer would take hours for a million events). Copy n
/// renames every stream id X of the record to <c>X-c0000n</c> (a valid id for the API's commands too) (see <see cref="CopyOf"/>) wherever it appears: stream
/// and event rows, the ids inside the events' data, and the inline projections' documents (footprints included), so
/// each copy is a dialogue of its own with its own fields, as if imported under other names.
/// </summary>
/// <remarks>
/// BenchmarkDotNet runs each case in a process of its own, each with its global setup, and growing a million events
/// takes minutes; a grown store is therefore kept in <c>$TMPDIR/consultations-replay-bench/&lt;events&gt;</c> and
/// reused by the later processes of the same build (its key is the assemblies' module version ids, which
/// BenchmarkDotNet's own build of each job changes: each run grows its stores once). The folders stay for the next
/// run to replace (4.5 GB for a million events); delete them to reclaim the space.
/// </remarks>
public sealed class GrownStore
{
    public const string Schema = "bench";
    public const string Dialogue = "japan-italy-space";
    public const string Field = "JPIT-06";
    public static readonly DateOnly EffectiveOn = new(2026, 7, 1);

    private const string Placeholder = "{copy}";

    /// <summary>A copy's stream id ends so (a regular expression for PostgreSQL).</summary>
    private const string CopySuffix = "-c[0-9]{5}$";
    private const int CopiesPerStatement = 2_000;

    private readonly LocalPostgres _postgres;

    private GrownStore(LocalPostgres postgres, string connectionString, DocumentStore store, long events, DateTimeOffset recordedAt, int copies)
    {
        _postgres = postgres;
        ConnectionString = connectionString;
        Store = store;
        Events = events;
        RecordedAt = recordedAt;
        Copies = copies;
    }

    public DocumentStore Store { get; }

    /// <summary>The bench database on the store's private server (the superuser's, pooled).</summary>
    public string ConnectionString { get; }

    public string DataDirectory => _postgres.DataDirectory;

    /// <summary>The events actually in the store (a whole number of copies of the record).</summary>
    public long Events { get; }

    /// <summary>The instant the record was imported: a replay on the recorded axis at this instant sees all of it.</summary>
    public DateTimeOffset RecordedAt { get; }

    public int Copies { get; }

    public static string CopyOf(string id, int copy) => string.Create(CultureInfo.InvariantCulture, $"{id}-c{copy:00000}");

    public static async Task<GrownStore> OpenAsync(int events)
    {
        var folder = Path.Combine(Path.GetTempPath(), "consultations-replay-bench", events.ToString(CultureInfo.InvariantCulture));
        var keyFile = Path.Combine(folder, "grown.key");
        var key = BuildKey(events);
        var reuse = File.Exists(keyFile) && await File.ReadAllTextAsync(keyFile) == key;
        if (!reuse && Directory.Exists(folder))
        {
            await DeleteAsync(folder);
        }

        Directory.CreateDirectory(folder);
        var postgres = await LocalPostgres.StartAsync(Path.Combine(folder, "pg"), NullLogger.Instance);
        var cs = await postgres.EnsureDatabaseAsync("bench");
        var store = DocumentStore.For(o => StoreSetup.Configure(o, cs, Schema));
        if (!reuse)
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await new RecordImporter(store, TimeProvider.System).ImportAsync(RecordImporter.BundledRecordPath, "bench", null, CancellationToken.None);
            await GrowAsync(cs, events);
            await File.WriteAllTextAsync(keyFile, key);
        }

        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"SELECT (SELECT count(*) FROM {Schema}.mt_events), (SELECT max(timestamp) FROM {Schema}.mt_events), " +
            $"(SELECT count(*) FILTER (WHERE id ~ '{CopySuffix}') / count(*) FILTER (WHERE id !~ '{CopySuffix}' AND id !~ '{Run.RecordFile.Suffix}') FROM {Schema}.mt_streams)", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        var grown = new GrownStore(postgres, cs, store, reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), (int)reader.GetInt64(2));
        await grown.AssertCopiesReplayAsync();
        return grown;
    }

    /// <summary>The stream ids of the bundled record itself (not of its copies).</summary>
    public async Task<IReadOnlyCollection<string>> RecordStreamIdsAsync()
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        return await ListAsync(conn, $"SELECT id FROM {Schema}.mt_streams WHERE id !~ '{CopySuffix}' AND id !~ '{Run.RecordFile.Suffix}'");
    }

    public async Task StopAsync()
    {
        Store.Dispose();
        await _postgres.StopAsync();
    }

    /// <summary>A copied field replays as the original does: same title, number and commitments, under its own code.</summary>
    private async Task AssertCopiesReplayAsync()
    {
        var (original, originalCommitments) = await ReplayFieldAsync(Field);
        var copy = CopyOf(Field, Copies);
        var (copied, copiedCommitments) = await ReplayFieldAsync(copy);
        if (original is null || copied is null || copied.Title != original.Title || copied.Number != original.Number
            || copied.DialogueId != CopyOf(Dialogue, Copies) || copied.Commitments.Total != original.Commitments.Total
            || original.Commitments.Total == 0 || copiedCommitments.Count != originalCommitments.Count)
        {
            throw new InvalidOperationException(
                $"The grown store is not valid: replaying {copy} gave {Describe(copied, copiedCommitments)}, " +
                $"{Field} gave {Describe(original, originalCommitments)}.");
        }
    }

    private async Task<(Consultations.Projections.Fields.FieldStatus?, IReadOnlyList<Commitment>)> ReplayFieldAsync(string code)
    {
        await using var session = Store.QuerySession();
        var replay = await RecordAsOf.LoadAsync(session, new Axes(null, EffectiveOn), Subject.Of(field: code), CancellationToken.None);
        return (replay.Fields().GetValueOrDefault(code), [.. replay.Records<Commitment>(CommitmentDecider.Evolve).Where(c => c.FieldCode == code)]);
    }

    private static string Describe(Consultations.Projections.Fields.FieldStatus? field, IReadOnlyList<Commitment> commitments) =>
        field is null ? "no field" : $"'{field.Title}' (#{field.Number}, {field.DialogueId}, {field.Commitments.Total} commitments counted, {commitments.Count} replayed)";

    private static string BuildKey(int events) =>
        string.Join('|', new[] { typeof(GrownStore), typeof(StoreSetup), typeof(RecordAsOf), typeof(Commitment), typeof(Consultations.Projections.Fields.RecordFootprint) }
            .Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString()).Append(events.ToString(CultureInfo.InvariantCulture)));

    private static async Task DeleteAsync(string folder)
    {
        var pg = Path.Combine(folder, "pg");
        if (File.Exists(Path.Combine(pg, "postmaster.pid")))
        {
            // A process that died mid-run left its server up: adopt it to stop it.
            await (await LocalPostgres.StartAsync(pg, NullLogger.Instance)).StopAsync();
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Copies the record in SQL: each row becomes a template once (every stream id X rewritten to <c>X-{copy}</c>,
    /// longest ids first), then each batch of copies fills in the placeholder. Secondary indexes of the documents
    /// (the footprints' GIN index above all) are dropped during the copy and rebuilt at the end, which is many times
    /// faster than maintaining them row by row.
    /// </summary>
    private static async Task GrowAsync(string connectionString, int events)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await ExecuteAsync(conn, "SET synchronous_commit = off; SET maintenance_work_mem = '512MB'");

        var recordEvents = await ScalarAsync<long>(conn, $"SELECT count(*) FROM {Schema}.mt_events");
        var copies = (int)((events + recordEvents - 1) / recordEvents) - 1;
        var ids = await ListAsync(conn, $"SELECT id FROM {Schema}.mt_streams");
        if (ids.FirstOrDefault(a => ids.Any(b => a != b && b.Contains(a, StringComparison.Ordinal))) is { } nested)
        {
            throw new InvalidOperationException($"The stream id '{nested}' is part of another one: renaming by substring would mangle it.");
        }

        await ExecuteAsync(conn, $"CREATE TEMP TABLE replay_ids AS SELECT id FROM {Schema}.mt_streams");
        await ExecuteAsync(conn, """
            CREATE FUNCTION pg_temp.templated(t text) RETURNS text LANGUAGE plpgsql AS $$
            DECLARE x text;
            BEGIN
              IF t IS NULL THEN RETURN NULL; END IF;
              FOR x IN SELECT id FROM replay_ids ORDER BY length(id) DESC LOOP
                t := replace(t, x, x || '-{copy}');
              END LOOP;
              RETURN t;
            END $$;
            """);

        var tables = new List<string> { "mt_streams", "mt_events" };
        foreach (var table in await ListAsync(conn, $"SELECT table_name FROM information_schema.tables WHERE table_schema = '{Schema}' AND table_name LIKE 'mt_doc_%' AND table_name <> 'mt_doc_appliedrecordstep' ORDER BY table_name"))
        {
            if (await ScalarAsync<bool>(conn, $"SELECT EXISTS (SELECT 1 FROM {Schema}.{table})")) tables.Add(table);
        }

        foreach (var table in tables)
        {
            var columns = await ColumnsAsync(conn, table);
            // New events get their own seq_id and id; the template keeps seq_id to put each copy in the record's order.
            var keep = columns.Where(c => table != "mt_events" || c.Name is not ("seq_id" or "id")).ToList();
            var template = "tpl_" + table;
            var ordered = table == "mt_events" ? "seq_id, " : "";
            await ExecuteAsync(conn, $"CREATE TEMP TABLE {template} AS SELECT {ordered}{string.Join(", ", keep.Select(TemplateOf))} FROM {Schema}.{table}");

            var indexes = table.StartsWith("mt_doc_", StringComparison.Ordinal) ? await SecondaryIndexesAsync(conn, table) : [];
            foreach (var (name, _) in indexes) await ExecuteAsync(conn, $"DROP INDEX {Schema}.{name}");

            for (var from = 1; from <= copies; from += CopiesPerStatement)
            {
                var to = Math.Min(copies, from + CopiesPerStatement - 1);
                var values = string.Join(", ", keep.Select(FilledIn));
                var names = string.Join(", ", keep.Select(c => c.Name));
                var sql = table == "mt_events"
                    ? $"""
                       INSERT INTO {Schema}.mt_events (seq_id, id, {names})
                       SELECT nextval('{Schema}.mt_events_sequence'), gen_random_uuid(), c.* FROM (
                         SELECT {values} FROM {template} t, generate_series({from}, {to}) n ORDER BY n, t.seq_id) c
                       """
                    : $"INSERT INTO {Schema}.{table} ({names}) SELECT {values} FROM {template} t, generate_series({from}, {to}) n";
                await ExecuteAsync(conn, sql);
            }

            foreach (var (_, definition) in indexes) await ExecuteAsync(conn, definition);
            Console.Error.WriteLine($"// Grown {table}: {copies} copies");
        }

        await ExecuteAsync(conn, "ANALYZE");
    }

    private sealed record Column(string Name, string Type)
    {
        public bool IsText => Type is "character varying" or "text";
        public bool IsJson => Type == "jsonb";
    }

    private static string TemplateOf(Column c) =>
        c.IsText ? $"pg_temp.templated({c.Name}) AS {c.Name}" : c.IsJson ? $"pg_temp.templated({c.Name}::text) AS {c.Name}" : c.Name;

    private static string FilledIn(Column c)
    {
        const string suffix = "'c' || lpad(n::text, 5, '0')";
        return c.IsText ? $"replace(t.{c.Name}, '{Placeholder}', {suffix})"
            : c.IsJson ? $"replace(t.{c.Name}, '{Placeholder}', {suffix})::jsonb"
            : $"t.{c.Name}";
    }

    private static async Task<List<Column>> ColumnsAsync(NpgsqlConnection conn, string table)
    {
        var columns = new List<Column>();
        await using var cmd = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = @schema AND table_name = @table ORDER BY ordinal_position", conn);
        cmd.Parameters.AddWithValue("schema", Schema);
        cmd.Parameters.AddWithValue("table", table);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns.Add(new Column(reader.GetString(0), reader.GetString(1)));
        return columns;
    }

    private static async Task<List<(string Name, string Definition)>> SecondaryIndexesAsync(NpgsqlConnection conn, string table)
    {
        var indexes = new List<(string, string)>();
        await using var cmd = new NpgsqlCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = @schema AND tablename = @table AND indexname NOT IN (SELECT conname FROM pg_constraint)", conn);
        cmd.Parameters.AddWithValue("schema", Schema);
        cmd.Parameters.AddWithValue("table", table);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        return indexes;
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection conn, string sql)
    {
        var values = new List<string>();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }
}
