using Marten;
using Npgsql;

namespace Consultations.Host.Auditing.Ledger;

/// <summary>
/// The tamper-evident ledger: every event, in global sequence order, chained by SHA-256 (see <see cref="LedgerHash"/>)
/// in its own table, <c>{schema}.audit_ledger</c>. Sealing runs after the fact (Marten assigns sequence numbers in the
/// database, in quick-append mode), from a background service and on demand before a digest or a verification; a
/// transaction-level advisory lock keeps two hosts from sealing at once.
/// </summary>
public sealed class EventLedger(IDocumentStore store, IConfiguration configuration, ILogger<EventLedger> logger)
{
    private const int Batch = 1000;
    private readonly string _schema = store.Options.Events.DatabaseSchemaName;
    private bool _created;

    private string Table => $"\"{_schema}\".audit_ledger";

    private string Events => $"\"{_schema}\".mt_events";

    /// <summary>
    /// A gap in the sequence is an append still in flight, or one rolled back (its numbers are never used). Events
    /// after a gap are sealed once the gap is this old; an event committed later into a sealed gap is reported as inserted.
    /// </summary>
    public TimeSpan SettleTime => TimeSpan.FromSeconds(configuration.GetValue("Consultations:Ledger:SettleSeconds", 30.0));

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        if (!_created)
        {
            await using var create = new NpgsqlCommand(
                $"""
                 create schema if not exists "{_schema}";
                 create table if not exists {Table} (
                     position bigint primary key,
                     stream_id varchar not null,
                     version bigint not null,
                     event_type varchar not null,
                     hash char(64) not null,
                     sealed_at timestamptz not null default now());
                 """, connection);
            await create.ExecuteNonQueryAsync(ct);
            _created = true;
        }

        return connection;
    }

    /// <summary>Seals every event recorded since the last seal, in sequence order. Returns how many were sealed.</summary>
    public async Task<int> SealAsync(CancellationToken ct, TimeSpan? settle = null)
    {
        var settleTime = settle ?? SettleTime;
        var sealedCount = 0;
        await using var connection = await OpenAsync(ct);
        while (true)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext(@name))", connection, tx))
            {
                lockCommand.Parameters.AddWithValue("name", $"{_schema}.audit_ledger");
                await lockCommand.ExecuteNonQueryAsync(ct);
            }

            var (tip, previous) = await TipAsync(connection, tx, ct);
            var (events, now) = await EventsAfterAsync(connection, tx, tip, long.MaxValue, ct);
            var sealedHere = 0;
            var expected = tip + 1;
            foreach (var e in events)
            {
                if (e.Sequence != expected && now - e.RecordedAt < settleTime) break;
                previous = LedgerHash.Of(e, previous);
                await using var insert = new NpgsqlCommand(
                    $"insert into {Table} (position, stream_id, version, event_type, hash) values (@p, @s, @v, @t, @h)", connection, tx);
                insert.Parameters.AddWithValue("p", e.Sequence);
                insert.Parameters.AddWithValue("s", e.Stream);
                insert.Parameters.AddWithValue("v", e.Version);
                insert.Parameters.AddWithValue("t", e.Type);
                insert.Parameters.AddWithValue("h", previous);
                await insert.ExecuteNonQueryAsync(ct);
                expected = e.Sequence + 1;
                sealedHere++;
            }

            await tx.CommitAsync(ct);
            sealedCount += sealedHere;
            if (sealedHere < Batch) break;
        }

        if (sealedCount > 0) logger.LogDebug("Sealed {Count} events into the ledger", sealedCount);
        return sealedCount;
    }

    /// <summary>The ledger's last seal, after sealing what can be sealed.</summary>
    public async Task<LedgerDigest> DigestAsync(CancellationToken ct)
    {
        await SealAsync(ct);
        await using var connection = await OpenAsync(ct);
        var (position, hash) = await TipAsync(connection, null, ct);
        return new LedgerDigest(position, hash);
    }

    /// <summary>
    /// Recomputes the chain from mt_events and compares it, position by position, with the ledger; then with a digest
    /// kept outside the system, if given. Stops at the first break and names it.
    /// </summary>
    public async Task<LedgerReport> VerifyAsync(LedgerDigest? kept, IProgress<(long Done, long Total)>? progress, CancellationToken ct)
    {
        await SealAsync(ct);
        await using var connection = await OpenAsync(ct);
        long total;
        await using (var count = new NpgsqlCommand($"select count(*) from {Table}", connection))
            total = (long)(await count.ExecuteScalarAsync(ct))!;

        var previous = LedgerHash.Genesis;
        long last = 0;
        long done = 0;
        while (true)
        {
            var seals = await SealsAfterAsync(connection, last, ct);
            if (seals.Count == 0) break;
            var upTo = seals[^1].Position;
            var (events, _) = await EventsAfterAsync(connection, null, last, upTo, ct);
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
        if (kept is not null && kept.Position > 0 && kept.Position <= last && !await SealedAsync(connection, kept.Position, ct))
            return Broken(kept.Position, done, $"Position {kept.Position}: the kept digest names a position the ledger no longer holds: the history up to it was rewritten.");

        long unsealed;
        await using (var count = new NpgsqlCommand($"select count(*) from {Events} where seq_id > @last", connection))
        {
            count.Parameters.AddWithValue("last", last);
            unsealed = (long)(await count.ExecuteScalarAsync(ct))!;
        }

        return new LedgerReport(true, done, unsealed, new LedgerDigest(last, previous), null, null);

        LedgerReport Broken(long position, long checkedSoFar, string problem) => new(false, checkedSoFar, 0, null, position, problem);
    }

    private async Task<bool> SealedAsync(NpgsqlConnection connection, long position, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select count(*) from {Table} where position = @p", connection);
        command.Parameters.AddWithValue("p", position);
        return (long)(await command.ExecuteScalarAsync(ct))! > 0;
    }

    private async Task<(long Position, string Hash)> TipAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select position, hash from {Table} order by position desc limit 1", connection, tx);
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

    private async Task<(List<StoredEvent> Events, DateTime Now)> EventsAfterAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, long after, long upTo, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
             select seq_id, stream_id, version, type, data::text, timestamp, user_name, clock_timestamp()
             from {Events} where seq_id > @after and seq_id <= @upTo order by seq_id limit {Batch}
             """, connection, tx);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("upTo", upTo);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<StoredEvent>();
        var now = DateTime.UtcNow;
        while (await reader.ReadAsync(ct))
        {
            events.Add(new StoredEvent(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTime>(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
            now = reader.GetFieldValue<DateTime>(7);
        }

        return (events, now);
    }
}
