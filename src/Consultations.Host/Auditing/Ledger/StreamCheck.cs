using Npgsql;

namespace Consultations.Host.Auditing.Ledger;

/// <summary>
/// <c>mt_streams</c> is Marten's summary of each stream (its version guards every write, its archived flag hides it): each
/// row is checked against the stream's events in one grouped query. A break is named at the stream's last event.
/// </summary>
internal static class StreamCheck
{
    public static async Task<List<LedgerBreak>> RunAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
             select coalesce(s.id, e.stream_id), s.id is null, e.stream_id is null, s.version, e.max_version,
                    coalesce(e.last_seq, (select max(l.position) from "{schema}".{LedgerSubscription.TableName} l where l.stream_id = s.id),
                             (select max(c.seq_id) from "{schema}".{CommitHashes.TableName} c where c.stream_id = s.id), 0),
                    coalesce(s.is_archived, false), coalesce(e.archived, false), s.tenant_id, e.tenant_id, e.tenants
             from "{schema}".mt_streams s
             full join (select stream_id, max(version) as max_version, max(seq_id) as last_seq, bool_and(coalesce(is_archived, false)) as archived,
                               min(tenant_id) as tenant_id, count(distinct tenant_id) as tenants
                        from "{schema}".mt_events group by stream_id) e on e.stream_id = s.id
             -- mt_tombstone is Marten's own stream for the sequence numbers of failed appends: a row with no events is normal.
             where coalesce(s.id, e.stream_id) <> 'mt_tombstone' and (s.id is null or e.stream_id is null or s.version is distinct from e.max_version
                or coalesce(s.is_archived, false) <> coalesce(e.archived, false) or s.tenant_id is distinct from e.tenant_id or e.tenants > 1)
             order by 6
             limit 100
             """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var breaks = new List<LedgerBreak>();
        while (await reader.ReadAsync(ct))
        {
            var (stream, noRow, noEvents, position) = (reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetInt64(5));
            if (noRow)
            {
                breaks.Add(new LedgerBreak(position, BreakKind.Deleted, $"stream {stream} has events but no row in mt_streams: it was deleted."));
                continue;
            }

            if (noEvents)
            {
                breaks.Add(new LedgerBreak(position, BreakKind.Deleted, $"stream {stream} has a row in mt_streams but no events: its events were deleted or moved (or the row was inserted)."));
                continue;
            }

            var (version, maxVersion) = (reader.IsDBNull(3) ? (long?)null : reader.GetInt64(3), reader.GetInt64(4));
            var (archived, eventsArchived) = (reader.GetBoolean(6), reader.GetBoolean(7));
            var problem = version != maxVersion
                ? $"stream {stream} says version {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}, but its events reach version {maxVersion}: its row in mt_streams was altered."
                : archived != eventsArchived
                    ? $"stream {stream} is {(archived ? "" : "not ")}archived in mt_streams, but its events are {(eventsArchived ? "" : "not ")}archived: its row in mt_streams was altered."
                    : $"stream {stream}'s tenant in mt_streams does not match its events': its row in mt_streams was altered.";
            breaks.Add(new LedgerBreak(position, BreakKind.Altered, problem));
        }

        return breaks;
    }
}
