using JasperFx.Events;
using Marten.Storage;
using System.Data;
using Npgsql;

namespace Consultations.Host.Auditing.Ledger;

/// <summary>
/// Reads the tamper-evident ledger: each event's hash fixed at commit (<see cref="CommitHashes"/>), chained over the whole
/// record in <c>{schema}.audit_seal</c> by <see cref="LedgerSubscription"/> in the async daemon (docs/adr/0029).
/// </summary>
public sealed class EventLedger(IDocumentStore store, IConfiguration configuration)
{
    private readonly string _schema = store.Options.Events.DatabaseSchemaName;

    private string Events => $"\"{_schema}\".mt_events";

    /// <summary>How long a digest or a verification waits for the daemon to seal the events recorded before it.</summary>
    public TimeSpan WaitTime => TimeSpan.FromSeconds(configuration.GetValue("Consultations:Ledger:WaitSeconds", 10.0));

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(IEvent), ct);
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(StorageFeatures), ct);
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(CommitHashes), ct);
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

    /// <summary>The ledger's last seal as it stands, without waiting for the daemon.</summary>
    public async Task<LedgerDigest> LastSealAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var (position, hash) = await TipAsync(connection, _schema, ct);
        return new LedgerDigest(position, hash);
    }

    /// <summary>
    /// How old an unsealed event may be before verification calls it a break rather than "not yet sealed": well above the
    /// daemon's own settling of gaps (a few seconds) and the time a seal takes.
    /// </summary>
    public TimeSpan SettleWindow => TimeSpan.FromSeconds(configuration.GetValue("Consultations:Ledger:SettleSeconds", 60.0));

    /// <summary>
    /// Rehashes every event and compares it with the hash fixed when it was recorded, every seal with the chain, every
    /// stream with its events, and the chain with the digests kept outside the system; names every break at its position.
    /// Never seals anything itself: it only waits (<see cref="WaitTime"/>) for the daemon to seal what was recorded before.
    /// </summary>
    public async Task<LedgerReport> VerifyAsync(IReadOnlyList<KeptDigest> kept, IProgress<(long Done, long Total)>? progress, CancellationToken ct,
        IReadOnlyList<LedgerBreak>? digestProblems = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await CatchUpAsync(WaitTime, ct);
        // Read before the seals: the progress commits with the seals, so every event up to it must be sealed.
        var passed = await SealedUpToAsync(ct);
        var caughtUp = watch.Elapsed;
        await using var events = await OpenAsync(ct);
        await using var seals = await OpenAsync(ct);
        await using var eventsRead = await WithoutJitAsync(events, ct, IsolationLevel.RepeatableRead);
        await using var sealsRead = await WithoutJitAsync(seals, ct);
        var snapshot = await SnapshotAsync(events, ct);
        // The stream check (one grouped query) runs in the database beside the ordered reads, in their snapshot (ADR 0052).
        var streams = StreamCheckAsync(snapshot, ct);
        try
        {
            await using var recheck = new DatabaseRendering(OpenAsync, _schema, snapshot);
            var verification = new LedgerVerification(kept, progress, recheck);
            var started = watch.Elapsed;
            await verification.RunAsync(events, seals, _schema, SettleWindow, passed, ct);
            var read = watch.Elapsed;
            RenderedByDatabase = verification.RenderedByDatabase;
            verification.Add(await streams);
            verification.Add(digestProblems ?? []);
            LastTimings = new VerifyTimings(caughtUp, started - caughtUp, read - started, watch.Elapsed - read);
            return verification.Report();
        }
        finally
        {
            // A failed pass still waits for the stream check, whose own failure is then not the one reported.
            await Task.WhenAny(streams);
            _ = streams.Exception;
        }
    }

    private async Task<List<LedgerBreak>> StreamCheckAsync(string snapshot, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using (var setup = new NpgsqlCommand($"set transaction snapshot '{snapshot.Replace("'", "''", StringComparison.Ordinal)}'; set transaction read only; set local jit = off", connection, transaction))
            await setup.ExecuteNonQueryAsync(ct);
        return await StreamCheck.RunAsync(connection, _schema, ct);
    }

    /// <summary>Where the last verification spent its time (the CLI prints it; the benchmark reads it).</summary>
    public VerifyTimings? LastTimings { get; private set; }

    /// <summary>
    /// A read-only transaction without PostgreSQL's JIT for verification's queries: their cost estimates (the canonical text
    /// of every event, the grouped stream check) cross jit_above_cost, and compiling them took longer than running them
    /// (about a second of the stream check's 1.5 s at 10k events). Without it the reads cost what reading the rows costs.
    /// Nor a sort: the ordered reads walk their tables' primary keys (a merge join on <c>seq_id</c>), so rows stream from the
    /// first one while this side hashes them, in constant memory; the planner otherwise preferred a parallel scan, hash
    /// joins and a sort of every row (spilled to disk), sending nothing before the whole sort was done (ADR 0052).
    /// </summary>
    private static async Task<NpgsqlTransaction> WithoutJitAsync(NpgsqlConnection connection, CancellationToken ct,
        IsolationLevel isolation = IsolationLevel.ReadCommitted)
    {
        var transaction = await connection.BeginTransactionAsync(isolation, ct);
        await using var command = new NpgsqlCommand("set transaction read only; set local jit = off; set local enable_sort = off", connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
        return transaction;
    }

    /// <summary>The snapshot of the ordered read, for a row the database renders again (<see cref="DatabaseRendering"/>).</summary>
    private static async Task<string> SnapshotAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select pg_export_snapshot()", connection);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>How many rows of the last verification the database rendered again (their C# rendering did not match).</summary>
    public long RenderedByDatabase { get; private set; }

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
}

/// <summary>
/// The phases of one verification: waiting for the daemon to seal what was recorded before it, opening the reads, the one
/// pass that reads and rehashes every event and seal, and what was left of the stream check when the pass ended.
/// </summary>
public sealed record VerifyTimings(TimeSpan CatchUp, TimeSpan Open, TimeSpan ReadAndHash, TimeSpan StreamCheck);
