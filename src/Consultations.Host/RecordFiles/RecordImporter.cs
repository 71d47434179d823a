using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SessionOptions = Marten.Services.SessionOptions;
using Consultations.Projections.Rebuilding;
using YamlDotNet.RepresentationModel;

namespace Consultations.Host.RecordFiles;

public sealed record ImportResult(string File, int Steps, int StepsThatChangedTheRecord, int EventsAppended);

/// <summary>
/// Bookkeeping of imports, not part of the record: a step already imported (same command, same content) is not
/// decided again, so a file that tells a history (a commitment agreed, then in progress, then fulfilled) can be
/// imported twice without its earlier steps being refused as going backwards.
/// </summary>
public sealed class AppliedRecordStep
{
    public string Id { get; set; } = "";
    public string File { get; set; } = "";
    public int Step { get; set; }
    public string Command { get; set; } = "";
    public DateTimeOffset AppliedAt { get; set; }
}

/// <summary>
/// Imports a record file through the same handlers as the API, in one unit of work: every step is decided against
/// the record as the earlier steps left it, and the events are stored in a single transaction at the end. A step
/// the record already reflects appends nothing, so importing the same file twice changes nothing.
/// </summary>
public sealed class RecordImporter(IDocumentStore store, TimeProvider clock, ILogger<RecordImporter>? logger = null)
{
    // Records started per Marten session when the file is stored (ADR 0041): small enough that Marten's unit of work
    // stays cheap, large enough that each session's batched commands carry many statements.
    private const int RecordsPerSession = 200;

    /// <summary>
    /// Whether a file whose every appended record is new is stored by COPY with its inline views folded in memory
    /// (<see cref="BulkAppend"/>, ADR 0050) rather than through Marten's sessions; off only to compare the two.
    /// </summary>
    public bool BulkWhenNew { get; init; } = true;

    /// <summary>
    /// Called with everything written and the transaction still open, just before it commits: a test holds an import's
    /// sequence numbers uncommitted here while the daemon runs (ADR 0062). Null in the service.
    /// </summary>
    public Func<CancellationToken, Task>? BeforeCommit { get; init; }

    public async Task<ImportResult> ImportAsync(string path, string recordedBy, IProgress<(int Done, int Total, string Step)>? progress, CancellationToken ct)
    {
        var fileName = Path.GetFileName(path);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var text = await File.ReadAllTextAsync(path, ct);
        var steps = RecordFile.Parse(text, fileName);
        var parsed = watch.Elapsed;

        // One transaction for the whole file, opened here so that the records it starts can be stored by several sessions
        // enlisted in it: either every step lands, or none does.
        var keys = StepKeys(steps);
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(JasperFx.Events.IEvent), ct);
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(Auditing.Ledger.CommitHashes), ct);
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(AppliedRecordStep), ct);
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var correlation = $"import:{fileName}:{Guid.NewGuid():N}";
        IDocumentSession Enlisted()
        {
            var enlisted = store.LightweightSession(SessionOptions.ForTransaction(transaction, false));
            enlisted.LastModifiedBy = recordedBy;
            enlisted.CorrelationId = correlation;
            return enlisted;
        }

        await using var session = Enlisted();
        var recorder = new Recorder(session, clock);
        var changed = 0;
        var appended = 0;
        var applied = (await session.LoadManyAsync<AppliedRecordStep>(ct, keys.Select(k => k.Key).ToArray())).Select(a => a.Id).ToHashSet();
        recorder.KnownAbsent(await AbsentAsync(connection, keys.Where(k => !applied.Contains(k.Key)).Select(k => k.Json), ct));
        var bookkeeping = new List<AppliedRecordStep>();
        foreach (var step in steps)
        {
            var key = keys[step.Number - 1].Key;
            if (step.Number % 256 == 1) progress?.Report((step.Number - 1, steps.Count, step.Entry.Name));
            if (applied.Contains(key)) continue;
            Recorded recorded;
            try
            {
                recorded = await step.Entry.Handle(step.Command, recorder, ct);
            }
            catch (InvalidCommand e)
            {
                var (field, messages) = e.Errors.First();
                var body = BodyOf(text, step);
                throw new RecordFileError(fileName, RecordFile.LineOf(body, field), field, string.Join(" ", messages), $"step {step.Number} ({step.Entry.Name})",
                    RecordFile.ValueAt(body, field));
            }
            catch (RuleBroken e)
            {
                throw new RecordFileError(fileName, step.Line, null, $"breaks rule '{e.Rule}': {e.Message}", $"step {step.Number} ({step.Entry.Name})");
            }
            catch (RecordNotFound e)
            {
                throw new RecordFileError(fileName, step.Line, null, e.Message, $"step {step.Number} ({step.Entry.Name})");
            }

            bookkeeping.Add(new AppliedRecordStep { Id = key, File = fileName, Step = step.Number, Command = step.Entry.Name, AppliedAt = clock.GetUtcNow() });
            if (recorded.Appended > 0) changed++;
            appended += recorded.Appended;
        }

        var decided = watch.Elapsed;
        progress?.Report((steps.Count, steps.Count, "saving"));
        // Every record the file appends to is new (a first import, a new dialogue): stored by COPY with its inline views
        // folded in memory (ADR 0050). A file appending to stored records goes through Marten's sessions (ADR 0041).
        if (BulkWhenNew && recorder.OnlyNewRecords() is { } fresh && StreamDocuments.ForInline(store) is { } views)
        {
            var bulk = await new BulkAppend(store, views).RunAsync(connection, fresh, recordedBy, correlation, ct);
            if (bookkeeping.Count > 0)
            {
                await using var insert = new Npgsql.NpgsqlCommand(BookkeepingSql("$1", "$2"), connection);
                insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = typeof(AppliedRecordStep).FullName! });
                insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = store.Options.Serializer().ToJson(bookkeeping) });
                await insert.ExecuteNonQueryAsync(ct);
            }

            if (BeforeCommit is not null) await BeforeCommit(ct);
            await transaction.CommitAsync(ct);
            logger?.LogInformation("Imported {File} in bulk: {Steps} steps, {Events} events, {Records} records, {Documents} view documents; read and parsed in {Parse:0.00} s, decided in {Decide:0.00} s, stored in {Store:0.00} s ({Phases})",
                fileName, steps.Count, appended, bulk.Streams, bulk.Documents, parsed.TotalSeconds, (decided - parsed).TotalSeconds, (watch.Elapsed - decided).TotalSeconds,
                string.Join(", ", bulk.Phases.Select(p => $"{p.Key} {p.Value.TotalSeconds:0.00} s")));
            return new ImportResult(fileName, steps.Count, changed, appended);
        }

        await recorder.SaveStartedInBatchesAsync(Enlisted, RecordsPerSession, ct);
        if (bookkeeping.Count > 0) QueueBookkeeping(session, bookkeeping);
        await recorder.SaveAsync(ct);
        if (BeforeCommit is not null) await BeforeCommit(ct);
        await transaction.CommitAsync(ct);
        logger?.LogInformation("Imported {File}: {Steps} steps, {Events} events; read and parsed in {Parse:0.00} s, decided in {Decide:0.00} s, stored in {Store:0.00} s",
            fileName, steps.Count, appended, parsed.TotalSeconds, (decided - parsed).TotalSeconds, (watch.Elapsed - decided).TotalSeconds);
        return new ImportResult(fileName, steps.Count, changed, appended);
    }

    // Every string a step's command carries that could name a record; those not among the stored streams are records
    // the file starts, decided on without a read each (one query for the whole file instead of one per record).
    private async Task<IReadOnlyList<string>> AbsentAsync(Npgsql.NpgsqlConnection connection, IEnumerable<byte[]> commands, CancellationToken ct)
    {
        var candidates = new HashSet<string>();
        foreach (var json in commands)
        {
            using var document = JsonDocument.Parse(json);
            Strings(document.RootElement, candidates);
        }

        if (candidates.Count == 0) return [];
        await using var command = new Npgsql.NpgsqlCommand(
            $"select id from \"{store.Options.Events.DatabaseSchemaName}\".mt_streams where id = any(@ids)", connection);
        command.Parameters.AddWithValue("ids", candidates.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) candidates.Remove(reader.GetString(0));
        return [.. candidates];
    }

    private static void Strings(JsonElement element, HashSet<string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String: into.Add(element.GetString()!); break;
            case JsonValueKind.Array: foreach (var item in element.EnumerateArray()) Strings(item, into); break;
            case JsonValueKind.Object: foreach (var property in element.EnumerateObject()) Strings(property.Value, into); break;
        }
    }

    // The bookkeeping of a whole file is one statement, not one document operation per step (Marten's unit of work
    // grows slower with each operation it holds); it commits in the same transaction as the events.
    private void QueueBookkeeping(IDocumentSession session, IReadOnlyList<AppliedRecordStep> steps)
    {
        session.QueueSqlCommand(BookkeepingSql("?", "?"), typeof(AppliedRecordStep).FullName!, store.Options.Serializer().ToJson(steps));
    }

    private string BookkeepingSql(string type, string steps) =>
        $"insert into {store.Options.FindOrResolveDocumentType(typeof(AppliedRecordStep)).TableName.QualifiedName} (id, data, mt_dotnet_type, mt_last_modified, mt_version) " +
        $"select d ->> 'Id', d, {type}, transaction_timestamp(), gen_random_uuid() from jsonb_array_elements({steps}::jsonb) d";

    // A step is known by its command and content (and, for identical steps, which repetition it is), not by its
    // position, so inserting a step into a file does not make the later ones look new.
    // Each step's command is serialized once, in parallel: for its key and for the ids it names.
    private static (string Key, byte[] Json)[] StepKeys(IReadOnlyList<RecordStep> steps)
    {
        var hashes = new (string Hash, byte[] Json)[steps.Count];
        Parallel.For(0, steps.Count, i =>
        {
            var step = steps[i];
            var json = JsonSerializer.SerializeToUtf8Bytes(step.Command, step.Entry.CommandType, JsonConventions.Options);
            var name = Encoding.UTF8.GetBytes(step.Entry.Name + "\n");
            hashes[i] = (Convert.ToHexStringLower(SHA256.HashData([.. name, .. json])), json);
        });
        var seen = new Dictionary<string, int>();
        var keys = new (string Key, byte[] Json)[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            var (hash, json) = hashes[i];
            seen[hash] = seen.GetValueOrDefault(hash) + 1;
            keys[i] = ($"{hash}:{seen[hash]}", json);
        }

        return keys;
    }

    private static YamlNode BodyOf(string text, RecordStep step)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var steps = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("steps")];
        return ((YamlMappingNode)steps.Children[step.Number - 1]).Children.First().Value;
    }

    public static string BundledRecordPath =>
        Path.Combine(AppContext.BaseDirectory, "data", "japan-italy-space.yaml");
}
