using Consultations.Projections.Tables;
using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;

namespace Consultations.Host.Auditing;

/// <summary>
/// The indexes on <c>mt_events</c> that let the audit trail and <c>/api/changes</c> read a page without reading the store
/// (ADR 0051, 0063): the recorded time, for a range of instants; the sequence with the recorded time, for a page of that
/// range in the order recorded; and the entry a fix names (<c>Corrects</c> or <c>Voids</c>), so
/// that the fixes of the entries listed are found by those entries' ids. A Marten storage feature, applied after the
/// event tables; Marten's own migration of <c>mt_events</c> is told to leave them alone.
/// </summary>
public sealed class EventIndexes(StoreOptions options, string schema) : FeatureSchemaBase("EventIndexes", options.Advanced.Migrator)
{
    public const string RecordedName = "ix_mt_events_recorded";
    public const string FixesName = "ix_mt_events_fixes";
    public const string SequenceName = "ix_mt_events_sequence_recorded";

    /// <summary>The id of the entry an event fixes (a value or date correction, or a void), as text; null for any other event.</summary>
    public const string FixedIdSql = "coalesce(data -> 'Corrects' ->> 'EventId', data -> 'Voids' ->> 'EventId')";

    public static void Register(StoreOptions opts, string schema)
    {
        opts.Storage.Add(new EventIndexes(opts, schema));
        opts.Events.IgnoreIndex(RecordedName);
        opts.Events.IgnoreIndex(FixesName);
        opts.Events.IgnoreIndex(SequenceName);
    }

    protected override IEnumerable<ISchemaObject> schemaObjects() =>
    [
        new EventIndex(schema, RecordedName, "(timestamp, seq_id)"),
        new EventIndex(schema, FixesName, $"(({FixedIdSql}))"),
        // The order a page lists in, with the recorded time beside it: a page is cut from the window in sequence order by
        // an index-only scan, whatever its offset, never fetching the skipped events from the heap (ADR 0063).
        new EventIndex(schema, SequenceName, "(seq_id) include (timestamp)"),
    ];

    private sealed class EventIndex(string schema, string name, string columns) : CreateIfMissing(schema, name,
        $"create index if not exists {name} on {schema}.mt_events {columns};",
        $"drop index if exists {schema}.{name};",
        $"select count(*) from pg_indexes where schemaname = '{schema}' and indexname = '{name}';");
}
