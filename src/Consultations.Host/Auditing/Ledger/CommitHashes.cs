using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;
using Weasel.Postgresql.Triggers;

namespace Consultations.Host.Auditing.Ledger;

/// <summary>
/// What is recorded is fixed at commit: an <c>AFTER INSERT</c> trigger on <c>mt_events</c> writes each event's commit
/// hash, chained per stream, into <c>{schema}.audit_event_hash</c> in the transaction that stores the event, whoever
/// inserts it (docs/adr/0029). A Marten storage feature of its own: Marten applies such features after its event tables,
/// which the trigger needs (extended schema objects come before them).
/// </summary>
public sealed class CommitHashes(StoreOptions options, string schema) : FeatureSchemaBase("AuditEventHashes", options.Advanced.Migrator)
{
    protected override IEnumerable<ISchemaObject> schemaObjects() => Definitions(schema);

    public const string TableName = "audit_event_hash";
    private const string FunctionName = "audit_event_hash_at_commit";

    public static IEnumerable<ISchemaObject> Definitions(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<long>("seq_id").AsPrimaryKey();
        table.AddColumn<string>("stream_id").NotNull();
        table.AddColumn<long>("version").NotNull();
        table.AddColumn("previous_hash", "character(64)").NotNull();
        table.AddColumn("hash", "character(64)").NotNull();
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_stream") { Columns = ["stream_id", "version"] });
        yield return table;

        var function = new PostgresqlObjectName(schema, FunctionName, SchemaUtils.IdentifierUsage.General);
        yield return new Function(function,
            $"""
             CREATE OR REPLACE FUNCTION {schema}.{FunctionName}() RETURNS trigger LANGUAGE plpgsql AS $function$
             BEGIN
                 -- One statement a row (ADR 0041): the stream's kind and the previous hash are looked up inside the insert.
                 INSERT INTO {schema}.{TableName} (seq_id, stream_id, version, previous_hash, hash)
                 SELECT NEW.seq_id, NEW.stream_id, NEW.version, x.previous,
                        {LedgerHash.CommitHashSql("x.previous", LedgerHash.CanonicalSql("NEW", "x.stream_type"))}
                 FROM (SELECT (SELECT s.type FROM {schema}.mt_streams s WHERE s.id = NEW.stream_id) AS stream_type,
                              coalesce((SELECT c.hash::text FROM {schema}.{TableName} c WHERE c.stream_id = NEW.stream_id AND c.version = NEW.version - 1),
                                       '{LedgerHash.Genesis}') AS previous) x;
                 RETURN NULL;
             END;
             $function$;
             """);

        yield return new Trigger(new PostgresqlObjectName(schema, "audit_event_hash_on_insert", SchemaUtils.IdentifierUsage.General),
            new PostgresqlObjectName(schema, "mt_events", SchemaUtils.IdentifierUsage.General), $"{schema}.{FunctionName}()")
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Insert, ForEachRow = true,
        };
    }
}

/// <summary>
/// Makes sure the trigger exists before any session appends events, including CLI commands on a fresh database that never
/// apply the whole schema (Marten remembers the check, so it costs one lookup per process).
/// </summary>
public sealed class CommitHashesBeforeAppends : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (session.PendingChanges.Streams().Any())
            await session.Database.EnsureStorageExistsAsync(typeof(CommitHashes), token);
    }
}
