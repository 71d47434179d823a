using System.Data.Common;
using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;

namespace Consultations.Host.Auditing;

/// <summary>
/// The indexes on <c>mt_events</c> that let the audit trail and <c>/api/changes</c> read a page without reading the store
/// (ADR 0051): the recorded time, for a range of instants; and the entry a fix names (<c>Corrects</c> or <c>Voids</c>), so
/// that the fixes of the entries listed are found by those entries' ids. A Marten storage feature, applied after the
/// event tables; Marten's own migration of <c>mt_events</c> is told to leave them alone.
/// </summary>
public sealed class EventIndexes(StoreOptions options, string schema) : FeatureSchemaBase("EventIndexes", options.Advanced.Migrator)
{
    public const string RecordedName = "ix_mt_events_recorded";
    public const string FixesName = "ix_mt_events_fixes";

    /// <summary>The id of the entry an event fixes (a value or date correction, or a void), as text; null for any other event.</summary>
    public const string FixedIdSql = "coalesce(data -> 'Corrects' ->> 'EventId', data -> 'Voids' ->> 'EventId')";

    public static void Register(StoreOptions opts, string schema)
    {
        opts.Storage.Add(new EventIndexes(opts, schema));
        opts.Events.IgnoreIndex(RecordedName);
        opts.Events.IgnoreIndex(FixesName);
    }

    protected override IEnumerable<ISchemaObject> schemaObjects() =>
    [
        new EventIndex(schema, RecordedName, "(timestamp, seq_id)"),
        new EventIndex(schema, FixesName, $"(({FixedIdSql}))"),
    ];

    private sealed class EventIndex(string schema, string name, string columns) : ISchemaObject
    {
        public DbObjectName Identifier { get; } = new PostgresqlObjectName(schema, name, SchemaUtils.IdentifierUsage.General);

        public void WriteCreateStatement(Migrator migrator, TextWriter writer) =>
            writer.WriteLine($"create index if not exists {name} on {schema}.mt_events {columns};");

        public void WriteDropStatement(Migrator migrator, TextWriter writer) => writer.WriteLine($"drop index if exists {schema}.{name};");

        public void ConfigureQueryCommand(Weasel.Core.DbCommandBuilder builder) =>
            builder.Append($"select count(*) from pg_indexes where schemaname = '{schema}' and indexname = '{name}';");

        public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct)
        {
            var exists = await reader.ReadAsync(ct) && reader.GetInt64(0) > 0;
            return new Delta(this, exists ? SchemaPatchDifference.None : SchemaPatchDifference.Create);
        }

        public IEnumerable<DbObjectName> AllNames() => [Identifier];

        private sealed class Delta(EventIndex index, SchemaPatchDifference difference) : ISchemaObjectDelta
        {
            public ISchemaObject SchemaObject => index;

            public SchemaPatchDifference Difference => difference;

            public void WriteUpdate(Migrator rules, TextWriter writer) => index.WriteCreateStatement(rules, writer);

            public void WriteRollback(Migrator rules, TextWriter writer) => index.WriteDropStatement(rules, writer);

            public void WriteRestorationOfPreviousState(Migrator rules, TextWriter writer) => index.WriteDropStatement(rules, writer);
        }
    }
}
