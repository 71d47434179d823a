using JasperFx.Events;
using Marten.Storage;
using Npgsql;

namespace Consultations.Host.Auditing.Ledger;

/// <summary>
/// Reads the tamper-evident ledger: every event, in global sequence order, chained by SHA-256 (see <see cref="LedgerHash"/>)
/// in its own table, <c>{schema}.audit_ledger</c>, sealed by <see cref="LedgerSubscription"/> in the async daemon.
/// </summary>
public sealed class EventLedger(IDocumentStore store, IConfiguration configuration)
{
    private const int Batch = 1000;
    private readonly string _schema = store.Options.Events.DatabaseSchemaName;

    private string Table => $"\"{_schema}\".{LedgerSubscription.TableName}";

    private string Events => $"\"{_schema}\".mt_events";

    /// <summary>How long a digest or a verification waits for the daemon to seal the events recorded before it.</summary>
    public TimeSpan WaitTime => TimeSpan.FromSeconds(configuration.GetValue("Consultations:Ledger:WaitSeconds", 10.0));

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(IEvent), ct);
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(StorageFeatures), ct);
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>
    /// Waits until the subscription's progress reaches the last event recorded now (the daemon passes a gap in the
    /// sequence once it has settled). False when it did not within <paramref name="timeout"/>: no node runs the daemon,
    /// or it is behind.
    /// </summary>
    public async Task<bool> CatchUpAsync(TimeSpan timeout, CancellationToken ct)
    {
        long highWaterMark;
        await using (var connection = await OpenAsync(ct))
            highWaterMark = await ScalarAsync(connection, $"select coalesce(max(seq_id), 0) from {Events} where seq_id > @p", 0, ct);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            while (await SealedUpToAsync(deadline.Token) < highWaterMark)
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            return true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The subscription's progress: the last position of the global sequence it has sealed or passed.</summary>
    private async Task<long> SealedUpToAsync(CancellationToken ct) =>
        (await store.Advanced.AllProjectionProgress(token: ct)).Where(p => p.ShardName == LedgerSubscription.ShardName)
        .Select(p => p.Sequence).DefaultIfEmpty(0).Max();

    /// <summary>The ledger's last seal, once the daemon has sealed what was recorded before (or the wait is over).</summary>
    public async Task<LedgerDigest> DigestAsync(CancellationToken ct)
    {
        await CatchUpAsync(WaitTime, ct);
        await using var connection = await OpenAsync(ct);
        var (position, hash) = await TipAsync(connection, _schema, ct);
        return new LedgerDigest(position, hash);
    }

    /// <summary>
    /// Recomputes the chain from mt_events and compares it, position by position, with the ledger; then with a digest
    /// kept outside the system, if given. Stops at the first break and names it.
    /// </summary>
    public async Task<LedgerReport> VerifyAsync(LedgerDigest? kept, IProgress<(long Done, long Total)>? progress, CancellationToken ct)
    {
        await CatchUpAsync(WaitTime, ct);
        await using var connection = await OpenAsync(ct);
        var total = await ScalarAsync(connection, $"select count(*) from {Table} where position > @p", 0, ct);

        var previous = LedgerHash.Genesis;
        long last = 0;
        long done = 0;
        while (true)
        {
            var seals = await SealsAfterAsync(connection, last, ct);
            if (seals.Count == 0) break;
            var upTo = seals[^1].Position;
            var events = await StoredEvent.ReadAsync(connection, _schema, last, upTo, Batch, ct);
            var byPosition = events.ToDictionary(e => e.Sequence);
            var sealsByPosition = seals.ToDictionary(s => s.Position);
            foreach (var position in byPosition.Keys.Union(sealsByPosition.Keys).Order())
            {
                byPosition.TryGetValue(position, out var e);
                sealsByPosition.TryGetValue(position, out var seal);
                if (seal is null)
                    return Broken(position, done, $"Position {position}: event {e!.Stream} v{e.Version} ({e.Type}) is not in the ledger: it was inserted, or moved here, after sealing.");
                if (e is null)
                    return Broken(position, done, $"Position {position}: the event sealed here ({seal.Stream} v{seal.Version}, {seal.Type}) is missing: it was deleted or moved.");
                if (e.Stream != seal.Stream || e.Version != seal.Version || e.Type != seal.Type)
                    return Broken(position, done, $"Position {position}: {seal.Stream} v{seal.Version} ({seal.Type}) was sealed here, but {e.Stream} v{e.Version} ({e.Type}) is here now: the record was reordered.");
                var hash = LedgerHash.Of(e, previous);
                if (hash != seal.Hash)
                    return Broken(position, done, $"Position {position}: event {e.Stream} v{e.Version} ({e.Type}) no longer matches its seal: its data or metadata was altered.");
                if (kept is not null && kept.Position == position && kept.Hash != hash)
                    return Broken(position, done, $"Position {position}: the kept digest no longer matches: the history up to it was rewritten (ledger included).");
                previous = hash;
                done++;
            }

            last = upTo;
            progress?.Report((done, total));
        }

        if (kept is not null && kept.Position > last)
            return Broken(kept.Position, done, $"Position {kept.Position}: the kept digest is beyond the ledger's last seal ({last}): sealed history was removed.");
        if (kept is not null && kept.Position > 0 && kept.Position <= last && await ScalarAsync(connection, $"select count(*) from {Table} where position = @p", kept.Position, ct) == 0)
            return Broken(kept.Position, done, $"Position {kept.Position}: the kept digest names a position the ledger no longer holds: the history up to it was rewritten.");

        var unsealed = await ScalarAsync(connection, $"select count(*) from {Events} where seq_id > @p", last, ct);
        return new LedgerReport(true, done, unsealed, new LedgerDigest(last, previous), null, null);

        LedgerReport Broken(long position, long checkedSoFar, string problem) => new(false, checkedSoFar, 0, null, position, problem);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, long p, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", p);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The position and hash of the ledger's last seal (0 and the genesis hash when it is empty).</summary>
    public static async Task<(long Position, string Hash)> TipAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select position, hash from \"{schema}\".{LedgerSubscription.TableName} order by position desc limit 1", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : (0, LedgerHash.Genesis);
    }

    private sealed record Seal(long Position, string Stream, long Version, string Type, string Hash);

    private async Task<List<Seal>> SealsAfterAsync(NpgsqlConnection connection, long after, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"select position, stream_id, version, event_type, hash from {Table} where position > @after order by position limit {Batch}", connection);
        command.Parameters.AddWithValue("after", after);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var seals = new List<Seal>();
        while (await reader.ReadAsync(ct))
            seals.Add(new Seal(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4)));
        return seals;
    }
}
