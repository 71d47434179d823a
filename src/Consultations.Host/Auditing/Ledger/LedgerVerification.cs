using System.Data;
using Npgsql;

namespace Consultations.Host.Auditing.Ledger;

/// <summary>
/// One pass over the record in sequence order, merging two streaming reads (events with their commit hashes and canonical
/// text; seals): each event is rehashed and compared with the hash fixed when it was recorded, each seal with the chain,
/// and every break is named at its position (docs/adr/0029). Linear in the number of events, one query per table.
/// </summary>
internal sealed class LedgerVerification(IReadOnlyList<KeptDigest> kept, IProgress<(long Done, long Total)>? progress, DatabaseRendering recheck)
{
    private const int MaxBreaks = 100;

    /// <summary>An event as read; <c>Matches</c>: its canonical text, rehashed as it streamed in, gives its commit hash.</summary>
    private sealed record Event(long Position, string Stream, long Version, string Type, string? CommitPrevious, string? CommitHash, bool Settled, bool Matches);

    private sealed record Seal(long Position, long Previous, string Stream, long Version, string Type, string? EventHash, string Hash);

    private readonly List<LedgerBreak> _breaks = [];
    private readonly Dictionary<string, (long Version, string? Hash)> _streams = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, List<KeptDigest>> _kept = new();
    private (long Position, string Hash) _lastSeal = (0, LedgerHash.Genesis);
    private long _lastEvent;
    private long _checked;
    private long _pending;
    private readonly CanonicalText _canonical = new();

    /// <summary>Rows whose hash did not match as rendered in C# and were rendered again by the database.</summary>
    public long RenderedByDatabase { get; private set; }

    public async Task<LedgerReport> RunAsync(NpgsqlConnection events, NpgsqlConnection seals, string schema, TimeSpan settle, long passed, CancellationToken ct)
    {
        foreach (var digest in kept)
        {
            if (!_kept.TryGetValue(digest.Digest.Position, out var list)) _kept[digest.Digest.Position] = list = [];
            list.Add(digest);
        }

        var total = await MaxPositionAsync(seals, schema, ct);
        // Seals are read first: anything sealed after this snapshot concerns events the event read may see as not yet sealed.
        await using var sealReader = await ReadSealsAsync(seals, schema, ct);
        await using var eventReader = await ReadEventsAsync(events, schema, settle, ct);
        var s = await NextSealAsync(sealReader, ct);
        var e = await NextEventAsync(eventReader, ct);
        var steps = 0L;
        while (s is not null || e is not null)
        {
            if (e is null || (s is not null && s.Position < e.Position))
            {
                Sealed(s!);
                Break(s!.Position, BreakKind.Deleted, $"the event sealed here ({s.Stream} v{s.Version}, {s.Type}) is missing: it was deleted or moved.");
                s = await NextSealAsync(sealReader, ct);
            }
            else if (s is null || e.Position < s.Position)
            {
                Recorded(e);
                if (s is not null)
                {
                    if (s.Previous >= e.Position)
                        Break(e.Position, BreakKind.Unsealed, $"event {e.Stream} v{e.Version} ({e.Type}) was sealed, but its seal was removed.");
                    else
                        Break(e.Position, BreakKind.Inserted, $"event {e.Stream} v{e.Version} ({e.Type}) is not in the ledger: it was inserted, or moved here, after the positions around it were sealed.");
                }
                else if (e.Settled || e.Position <= passed)
                    Break(e.Position, BreakKind.Unsealed, $"event {e.Stream} v{e.Version} ({e.Type}) is not sealed, though {(e.Position <= passed ? "the sealer has passed it" : "it is older than the settle window")}: the ledger lost its seals from here (truncated, or its tail deleted), or sealing has stopped.");
                else
                    _pending++;

                e = await NextEventAsync(eventReader, ct);
            }
            else
            {
                Sealed(s);
                if (e.Stream != s.Stream || e.Version != s.Version)
                {
                    _lastEvent = e.Position;
                    Break(e.Position, BreakKind.Reordered, $"{s.Stream} v{s.Version} ({s.Type}) was sealed here, but {e.Stream} v{e.Version} ({e.Type}) is here now: the record was reordered.");
                }
                else if (Recorded(e) && e.CommitHash != s.EventHash)
                    Break(e.Position, BreakKind.Altered, $"event {e.Stream} v{e.Version} ({e.Type}): the hash fixed when it was recorded was rewritten after sealing.");
                _checked++;
                s = await NextSealAsync(sealReader, ct);
                e = await NextEventAsync(eventReader, ct);
            }

            if (++steps % 1000 == 0) progress?.Report((_lastEvent, Math.Max(total, _lastEvent)));
        }

        foreach (var (position, digests) in _kept)
        {
            foreach (var digest in digests)
            {
                Break(position, BreakKind.Deleted, position > _lastSeal.Position
                    ? $"the kept digest ({digest.Source}) is beyond the ledger's last seal ({_lastSeal.Position}): sealed history was removed."
                    : $"the kept digest ({digest.Source}) names a position the ledger no longer holds: the history up to it was rewritten.");
            }
        }

        progress?.Report((_lastEvent, Math.Max(total, _lastEvent)));
        return Report();
    }

    /// <summary>Adds the breaks found by comparing each stream's row with its events.</summary>
    public void Add(IEnumerable<LedgerBreak> breaks)
    {
        foreach (var b in breaks) Break(b.Position, b.Kind, b.Problem);
    }

    public LedgerReport Report()
    {
        var breaks = _breaks.OrderBy(b => b.Position).Take(MaxBreaks).ToList();
        var first = breaks.FirstOrDefault();
        return new LedgerReport(breaks.Count == 0, _checked, _pending, breaks.Count == 0 ? new LedgerDigest(_lastSeal.Position, _lastSeal.Hash) : null,
            first?.Position, first is null ? null : $"Position {first.Position} ({first.Kind}): {first.Problem}", breaks, kept.Count);
    }

    private void Break(long position, string kind, string problem)
    {
        if (_breaks.Count >= MaxBreaks * 2 || _breaks.Any(b => b.Position == position && b.Kind == kind)) return;
        _breaks.Add(new LedgerBreak(position, kind, problem));
    }

    /// <summary>Checks a seal's link to the one before it and its hash, and the kept digests at its position.</summary>
    private void Sealed(Seal s)
    {
        if (s.Previous == _lastSeal.Position)
        {
            if (!LedgerHash.SealMatches(_lastSeal.Hash, s.Position, s.Previous, s.Stream, s.Version, s.EventHash ?? "", s.Hash))
                Break(s.Position, BreakKind.Altered, $"the seal of {s.Stream} v{s.Version} ({s.Type}) was rewritten: it no longer follows from the seal before it.");
        }
        else if (s.Previous > _lastSeal.Position && s.Previous != _lastEvent)
            Break(s.Previous, BreakKind.Deleted, $"the event sealed here was deleted together with its seal (the seal at {s.Position} follows this position).");
        else if (s.Previous < _lastSeal.Position)
            Break(s.Position, BreakKind.Reordered, $"the seal here follows position {s.Previous}, not the seal at {_lastSeal.Position}: seals were inserted or moved.");

        if (_kept.Remove(s.Position, out var digests))
        {
            foreach (var digest in digests.Where(d => d.Digest.Hash != s.Hash))
                Break(s.Position, BreakKind.Altered, $"the kept digest ({digest.Source}) no longer matches: the history up to it was rewritten (ledger included).");
        }

        _lastSeal = (s.Position, s.Hash);
    }

    /// <summary>Checks an event against the hash fixed when it was recorded; false when that hash is missing or no longer matches.</summary>
    private bool Recorded(Event e)
    {
        _lastEvent = e.Position;
        var before = _streams.TryGetValue(e.Stream, out var b) && b.Version == e.Version - 1 ? b.Hash : e.Version == 1 ? LedgerHash.Genesis : null;
        _streams[e.Stream] = (e.Version, e.CommitHash);
        if (e.CommitHash is null)
        {
            Break(e.Position, BreakKind.Unsealed, $"event {e.Stream} v{e.Version} ({e.Type}) has no hash fixed when it was recorded: it was inserted with the trigger disabled, or recorded before commit hashes existed.");
            return false;
        }

        if (!e.Matches)
        {
            Break(e.Position, BreakKind.Altered, $"event {e.Stream} v{e.Version} ({e.Type}) no longer matches the hash fixed when it was recorded: its data or metadata (type, time, user, ids, headers, archived flag, stream type) was altered.");
            return false;
        }

        if (before is not null && before != e.CommitPrevious)
        {
            Break(e.Position, BreakKind.Altered, $"event {e.Stream} v{e.Version} ({e.Type}): its hash does not follow the previous event of its stream: hashes were rewritten.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// One ordered query of the columns the commit hash covers, read raw; the canonical text is rendered from them in C#
    /// (<see cref="CanonicalText"/>), so the database does no more than a plain read of the rows (docs/adr/0042).
    /// </summary>
    private static async Task<NpgsqlDataReader> ReadEventsAsync(NpgsqlConnection connection, string schema, TimeSpan settle, CancellationToken ct)
    {
        var command = new NpgsqlCommand(
            $"""
             select e.seq_id, e.stream_id, e.version, e.type, c.previous_hash, c.hash, e.timestamp < now() - @settle, {CanonicalText.Columns("c.hash is not null")}
             from "{schema}".mt_events e
             left join "{schema}".mt_streams s on s.id = e.stream_id
             left join "{schema}".{CommitHashes.TableName} c on c.seq_id = e.seq_id
             order by e.seq_id
             """, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("settle", settle);
        return await command.ExecuteReaderAsync(ct);
    }

    private async Task<Event?> NextEventAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        if (!await reader.ReadAsync(ct)) return null;
        var (position, streamId, version, type) = (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), reader.GetString(3));
        var previous = reader.IsDBNull(4) ? null : reader.GetString(4);
        var hash = reader.IsDBNull(5) ? null : reader.GetString(5);
        var settled = reader.GetBoolean(6);
        var matches = false;
        if (previous is not null && hash is not null)
        {
            try
            {
                _canonical.Render(reader, 7, position, streamId, version, type);
                matches = _canonical.Matches(previous, hash);
            }
            catch (Exception ex) when (ex is InvalidCastException or OverflowException or ArgumentOutOfRangeException)
            {
                matches = false; // a value .NET cannot hold (a timestamp out of its range): the database renders it
            }

            if (!matches)
            {
                // Altered, or a value the C# rendering does not know: the database renders it with the trigger's expression.
                RenderedByDatabase++;
                matches = await recheck.MatchesAsync(position, previous, hash, ct);
            }
        }

        return new Event(position, streamId ?? "", version, type, previous, hash, settled, matches);
    }

    private static async Task<NpgsqlDataReader> ReadSealsAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        var command = new NpgsqlCommand(
            $"select position, previous, stream_id, version, event_type, event_hash, hash from \"{schema}\".{LedgerSubscription.TableName} order by position",
            connection) { CommandTimeout = 0 };
        return await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
    }

    private static async Task<Seal?> NextSealAsync(NpgsqlDataReader reader, CancellationToken ct) =>
        await reader.ReadAsync(ct)
            ? new Seal(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6))
            : null;

    private static async Task<long> MaxPositionAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from \"{schema}\".mt_events", connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
