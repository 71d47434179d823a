using System.Text.Json;
using Consultations.Host.Reports;
using Consultations.Projections.Register;
using Npgsql;

namespace Consultations.Tests.Processes;

/// <summary>One stored event of a commitment stream; <see cref="Text"/> is the new text of an amendment, else null.</summary>
public sealed record StoredEvent(string StreamId, long Version, long Sequence, string Type, string? Text);

/// <summary>A row of the <c>commitment_register</c> SQL table.</summary>
public sealed record RegisterTableRow(string CommitmentId, string Text, int Amendments);

/// <summary>Reads what the nodes left in PostgreSQL, straight from the tables, with connections of its own (no pool).</summary>
public sealed class StoreProbe(string connectionString, string schema)
{
    public const string AmendedType = "commitment_amended";

    private readonly string _connectionString =
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "store-probe" }.ConnectionString;

    public async Task<IReadOnlyList<StoredEvent>> EventsAsync(IReadOnlyCollection<string> streams)
    {
        await using var conn = await OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"select stream_id, version, seq_id, type, data::text from {schema}.mt_events where stream_id = any(@ids) order by stream_id, version", conn);
        cmd.Parameters.AddWithValue("ids", streams.ToArray());
        var result = new List<StoredEvent>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var type = reader.GetString(3);
            result.Add(new StoredEvent(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), type,
                type == AmendedType ? TextOf(reader.GetString(4)) : null));
        }

        return result;
    }

    /// <summary>Each stream's version as <c>mt_streams</c> records it.</summary>
    public async Task<Dictionary<string, long>> StreamVersionsAsync(IReadOnlyCollection<string> streams)
    {
        await using var conn = await OpenAsync();
        await using var cmd = new NpgsqlCommand($"select id, version from {schema}.mt_streams where id = any(@ids)", conn);
        cmd.Parameters.AddWithValue("ids", streams.ToArray());
        var result = new Dictionary<string, long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result[reader.GetString(0)] = reader.GetInt64(1);
        return result;
    }

    public async Task<IReadOnlyList<RegisterTableRow>> RegisterTableAsync()
    {
        await using var conn = await OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"select commitment_id, commitment_text, amendments from {schema}.{CommitmentRegisterTable.TableName} order by commitment_id", conn);
        var result = new List<RegisterTableRow>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result.Add(new RegisterTableRow(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        return [.. result.OrderBy(r => r.CommitmentId, StringComparer.Ordinal)];
    }

    /// <summary>Every commitment stream with how many amendments it holds and the text it ends with.</summary>
    public async Task<Dictionary<string, (int Amendments, string Text)>> CommitmentsFromEventsAsync()
    {
        await using var conn = await OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"""
             select e.stream_id, e.type, e.data::text from {schema}.mt_events e
             where e.stream_id in (select stream_id from {schema}.mt_events where type = 'commitment_made')
               and e.type in ('commitment_made', '{AmendedType}')
             order by e.stream_id, e.version
             """, conn);
        var result = new Dictionary<string, (int Amendments, string Text)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetString(0);
            var text = TextOf(reader.GetString(2)) ?? "";
            result[id] = reader.GetString(1) == AmendedType ? (result[id].Amendments + 1, text) : (0, text);
        }

        return result;
    }

    /// <summary>What the register must say about every commitment, derived from the events alone, in id order.</summary>
    public async Task<IReadOnlyList<RegisterTableRow>> RegisterFromEventsAsync() =>
        [.. (await CommitmentsFromEventsAsync()).Select(c => new RegisterTableRow(c.Key, c.Value.Text, c.Value.Amendments))
            .OrderBy(r => r.CommitmentId, StringComparer.Ordinal)];

    /// <summary>The last event sequence in the store.</summary>
    public async Task<long> HighWaterMarkAsync()
    {
        await using var conn = await OpenAsync();
        await using var cmd = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {schema}.mt_events", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The advisory locks the named nodes (by application_name) hold in this database, with the state of the holding
    /// connection. The projection daemon's HotCold leadership is one session lock per async projection shard, held by a
    /// connection that stays idle; locks taken inside transactions (Wolverine's durability agent) come and go with their
    /// transactions.
    /// </summary>
    public async Task<IReadOnlyList<(string Node, long Key, string State)>> AdvisoryLocksAsync(IEnumerable<string> nodes)
    {
        await using var conn = await OpenAsync();
        await using var cmd = new NpgsqlCommand(
            """
            select a.application_name, (l.classid::bigint << 32) | l.objid::bigint, coalesce(a.state, '')
            from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted and a.application_name = any(@nodes) and a.datname = current_database()
            """, conn);
        cmd.Parameters.AddWithValue("nodes", nodes.ToArray());
        var result = new List<(string, long, string)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
        return result;
    }

    /// <summary>How many of the given lock keys each node holds.</summary>
    public async Task<Dictionary<string, int>> HoldersAsync(IReadOnlyCollection<string> nodes, IReadOnlySet<long> keys)
    {
        var locks = await AdvisoryLocksAsync(nodes);
        return nodes.ToDictionary(n => n, n => locks.Count(l => l.Node == n && keys.Contains(l.Key)));
    }

    /// <summary>The number of shards the daemon runs: one per async projection, and the ledger's subscription.</summary>
    public static int DaemonShards => ReportingSetup.AsyncProjections.Count + 1;

    /// <summary>How many events the store holds.</summary>
    public async Task<long> EventCountAsync()
    {
        await using var conn = await OpenAsync();
        await using var cmd = new NpgsqlCommand($"select count(*) from {schema}.mt_events", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var conn = new NpgsqlConnection(_connectionString);
        await conn.OpenAsync();
        return conn;
    }

    private static string? TextOf(string json)
    {
        using var doc = JsonDocument.Parse(json);
        foreach (var property in doc.RootElement.EnumerateObject())
            if (string.Equals(property.Name, "text", StringComparison.OrdinalIgnoreCase))
                return property.Value.GetString();
        return null;
    }
}
