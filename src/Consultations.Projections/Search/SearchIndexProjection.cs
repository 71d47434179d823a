using Consultations.Domain.Common;
using Consultations.Projections.Records;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Consultations.Projections.Search;

/// <summary>
/// The full-text index, <c>{schema}.search_index</c>: one row per <see cref="SearchEntry"/>, keyed by the record it
/// belongs to, with a weighted <c>tsvector</c> under a GIN index. On each event of a searchable record the record is folded
/// from its own events up to that one (immutable, so live processing and a rebuild read the same) and its rows replaced:
/// every row is written by its own record only, and the daemon is a single writer, so parallel writers cannot lose an update.
/// </summary>
public sealed partial class SearchIndexProjection : EventProjection
{
    public const string TableName = "search_index";

    private readonly string _table;
    private readonly SearchText _text;

    public SearchIndexProjection(string schema)
    {
        Name = "SearchIndex";
        _table = $"{schema}.{TableName}";
        _text = new SearchText(schema);
        foreach (var type in SearchEntries.EventTypes) IncludeType(type);
        IncludeType<EntryVoided>();
        IncludeType<Domain.Commitments.CommitmentStatusChangeTargetCorrected>();
        IncludeType<Domain.Meetings.MeetingHeldPlaceCorrected>();
        IncludeType<Domain.Meetings.MeetingOutcomeCorrected>();
        // A rebuild starts from an empty table.
        Options.DeleteDataInTableOnTeardown(_table);
    }

    public static Table Definition(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("record_id").AsPrimaryKey();
        table.AddColumn<string>("kind").AsPrimaryKey();
        table.AddColumn<string>("entry_id").AsPrimaryKey();
        table.AddColumn<string>("record_kind").NotNull();
        table.AddColumn<string>("dialogue_id").NotNull();
        table.AddColumn<string>("title").NotNull();
        table.AddColumn<string>("body").NotNull();
        table.AddColumn<string>("terms").NotNull();
        table.AddColumn("field_codes", "text[]").NotNull();
        table.AddColumn("parties", "text[]").NotNull();
        table.AddColumn<string>("link").NotNull();
        table.AddColumn("document", "tsvector").NotNull();
        table.AddColumn<long>("last_sequence").NotNull();
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_document") { Columns = ["document"], Method = IndexMethod.gin });
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_dialogue") { Columns = ["dialogue_id"] });
        return table;
    }

    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (e.StreamKey is not { } record || !(SearchEntries.IsSearchable(e.EventType) || e.Data is IEntryFix)) return;
        var events = await operations.Events.FetchStreamAsync(record, e.Version, token: cancellation);
        // The record as every view reads it: voided entries left out, corrected values applied (ADR 0023).
        var entries = SearchEntries.OfStream([.. Refolding.Live(events).Select(x => x.Data)]);
        operations.QueueSqlCommand($"delete from {_table} where record_id = ?", record);
        foreach (var entry in entries)
        {
            operations.QueueSqlCommand(
                $"""
                 insert into {_table} (record_id, kind, entry_id, record_kind, dialogue_id, title, body, terms, field_codes, parties, link, document, last_sequence)
                 select r.*, {_text.Document("r.title", "r.terms", "r.body")}, ?
                 from (select ?::text as record_id, ?::text as kind, ?::text as entry_id, ?::text as record_kind, ?::text as dialogue_id,
                              ?::text as title, ?::text as body, ?::text as terms, ?::text[] as field_codes, ?::text[] as parties, ?::text as link) r
                 """,
                e.Sequence, entry.RecordId, entry.Kind, entry.Id, entry.RecordKind, entry.DialogueId, entry.Title, entry.Text,
                Terms(entry.Terms), entry.FieldCodes.ToArray(), entry.Parties.ToArray(), entry.Link);
        }
    }

    public static string Terms(IEnumerable<string> terms) => string.Join("; ", terms);
}
