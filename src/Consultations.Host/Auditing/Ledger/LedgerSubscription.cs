using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten.Storage;
using Marten.Subscriptions;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Consultations.Host.Auditing.Ledger;

/// <summary>
/// Seals the commit hashes into the global chain, <c>{schema}.audit_seal</c>, as a subscription of Marten's async daemon:
/// the daemon hands over each range of the global sequence in order, once its gaps have settled, on one node at a time, and
/// commits the seals in the same transaction as the subscription's progress (docs/adr/0020, 0029).
/// </summary>
public sealed class LedgerSubscription : SubscriptionBase
{
    public const string TableName = "audit_seal";

    /// <summary>The daemon shard, also the row of <c>mt_event_progression</c> that holds how far the ledger has sealed.</summary>
    public const string ShardName = "AuditSeal:All";

    private readonly string _schema;
    private readonly TimeSpan _settle;

    public LedgerSubscription(string schema, TimeSpan settle)
    {
        _schema = schema;
        _settle = settle;
        Name = "AuditSeal";
        Options.BatchSize = 1000;
    }

    public static Table Definition(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<long>("position").AsPrimaryKey();
        table.AddColumn<long>("previous").NotNull();
        table.AddColumn<string>("stream_id").NotNull();
        table.AddColumn<long>("version").NotNull();
        table.AddColumn<string>("event_type").NotNull();
        table.AddColumn("event_hash", "character(64)");
        table.AddColumn("hash", "character(64)").NotNull();
        table.AddColumn("sealed_at", "timestamp with time zone").NotNull().DefaultValueByExpression("now()");
        return table;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        // A CLI command's daemon may be the first to touch a fresh database.
        await operations.Database.EnsureStorageExistsAsync(typeof(StorageFeatures), cancellationToken);
        await using var connection = operations.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        // Sealing goes on from the ledger's last seal: a rewound subscription keeps its seals and never redoes them. Events
        // the daemon has already passed but the ledger does not hold are sealed if they are recent (an append that
        // committed into a gap after the daemon passed it, e.g. from a process killed mid-commit); once older than the
        // settle window they mean seals were lost (the table emptied, its tail deleted): they are never sealed again,
        // sealing stops there, and verification names the first of them unsealed.
        var (tip, previousHash) = await EventLedger.TipAsync(connection, _schema, cancellationToken);
        if (await LostSealsAsync(connection, tip, page.SequenceFloor, cancellationToken)) return NullChangeListener.Instance;

        var seals = new List<(long Position, long Previous, string Stream, long Version, string Type, string? EventHash, string Hash)>();
        await using (var command = new NpgsqlCommand(
                         $"""
                          select e.seq_id, e.stream_id, e.version, e.type, c.hash
                          from "{_schema}".mt_events e left join "{_schema}".{CommitHashes.TableName} c on c.seq_id = e.seq_id
                          where e.seq_id > @tip and e.seq_id <= @ceiling order by e.seq_id
                          """, connection))
        {
            command.Parameters.AddWithValue("tip", tip);
            command.Parameters.AddWithValue("ceiling", page.SequenceCeiling);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var previous = tip;
            while (await reader.ReadAsync(cancellationToken))
            {
                var (position, stream, version, type) = (reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3));
                var eventHash = reader.IsDBNull(4) ? null : reader.GetString(4);
                previousHash = LedgerHash.Seal(previousHash, position, previous, stream, version, eventHash ?? "");
                seals.Add((position, previous, stream, version, type, eventHash, previousHash));
                previous = position;
            }
        }

        if (seals.Count == 0) return NullChangeListener.Instance;
        operations.QueueSqlCommand(
            $"""
             insert into "{_schema}".{TableName} (position, previous, stream_id, version, event_type, event_hash, hash)
             select * from unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::bigint[], ?::varchar[], ?::character(64)[], ?::character(64)[])
             """,
            seals.Select(s => s.Position).ToArray(), seals.Select(s => s.Previous).ToArray(), seals.Select(s => s.Stream).ToArray(),
            seals.Select(s => s.Version).ToArray(), seals.Select(s => s.Type).ToArray(), seals.Select(s => s.EventHash).ToArray(),
            seals.Select(s => s.Hash).ToArray());
        return NullChangeListener.Instance;
    }

    private async Task<bool> LostSealsAsync(NpgsqlConnection connection, long tip, long floor, CancellationToken ct)
    {
        if (floor <= tip) return false;
        await using var command = new NpgsqlCommand(
            $"select exists (select 1 from \"{_schema}\".mt_events where seq_id > @tip and seq_id <= @floor and timestamp < now() - @settle)", connection);
        command.Parameters.AddWithValue("settle", _settle);
        command.Parameters.AddWithValue("tip", tip);
        command.Parameters.AddWithValue("floor", floor);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
