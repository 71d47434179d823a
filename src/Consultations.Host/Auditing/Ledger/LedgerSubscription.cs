using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten.Storage;
using Marten.Subscriptions;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Consultations.Host.Auditing.Ledger;

/// <summary>
/// Seals events into the ledger, <c>{schema}.audit_ledger</c>, as a subscription of Marten's async daemon: the daemon
/// hands over each range of the global sequence in order, once its gaps have settled, on one node at a time, and commits
/// the seals in the same transaction as the subscription's progress (docs/adr/0020).
/// </summary>
public sealed class LedgerSubscription : SubscriptionBase
{
    public const string TableName = "audit_ledger";

    /// <summary>The daemon shard, also the row of <c>mt_event_progression</c> that holds how far the ledger has sealed.</summary>
    public const string ShardName = "AuditLedger:All";

    private readonly string _schema;

    public LedgerSubscription(string schema)
    {
        _schema = schema;
        Name = "AuditLedger";
        Options.BatchSize = 1000;
    }

    public static Table Definition(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<long>("position").AsPrimaryKey();
        table.AddColumn<string>("stream_id").NotNull();
        table.AddColumn<long>("version").NotNull();
        table.AddColumn<string>("event_type").NotNull();
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
        // The hash is over the events as stored (data as jsonb text, archived or not), so they are read from mt_events
        // rather than taken from the page. The daemon says how far the sequence has settled; the ledger's last seal says
        // where sealing goes on. The two agree, being committed together, except after a rewind or over a ledger sealed
        // before this subscription existed: seals are never redone, and the chain goes on from the last one.
        var (tip, previous) = await EventLedger.TipAsync(connection, _schema, cancellationToken);
        var events = await StoredEvent.ReadAsync(connection, _schema, tip, page.SequenceCeiling, int.MaxValue, cancellationToken);
        if (events.Count == 0) return NullChangeListener.Instance;

        var hashes = new string[events.Count];
        for (var i = 0; i < events.Count; i++) previous = hashes[i] = LedgerHash.Of(events[i], previous);
        operations.QueueSqlCommand(
            $"""
             insert into "{_schema}".{TableName} (position, stream_id, version, event_type, hash)
             select * from unnest(?::bigint[], ?::varchar[], ?::bigint[], ?::varchar[], ?::character(64)[])
             """,
            events.Select(e => e.Sequence).ToArray(), events.Select(e => e.Stream).ToArray(),
            events.Select(e => e.Version).ToArray(), events.Select(e => e.Type).ToArray(), hashes);
        return NullChangeListener.Instance;
    }
}
