using Consultations.Domain.Common;
using Consultations.Projections.Records;
using JasperFx.Events;
using Marten;
using Weasel.Postgresql;
using Consultations.Projections.Tables;
using Weasel.Postgresql.Tables;

namespace Consultations.Projections.Search;

/// <summary>
/// The full-text index, <c>{schema}.search_index</c>: one row per <see cref="SearchEntry"/>, keyed by the record it
/// belongs to, with a weighted <c>tsvector</c> under a GIN index. On each event of a searchable record the record is folded
/// from its own events up to that one (immutable, so live processing and a rebuild read the same) and its rows replaced:
/// every row is written by its own record only, and the daemon is a single writer, so parallel writers cannot lose an update.
/// </summary>
public sealed partial class SearchIndexProjection(string schema) : TableProjection("SearchIndex", schema, TableName,
    [
        .. SearchEntries.EventTypes, typeof(EntryVoided), typeof(Domain.Commitments.CommitmentStatusChangeTargetCorrected),
        typeof(Domain.Meetings.MeetingHeldPlaceCorrected), typeof(Domain.Meetings.MeetingOutcomeCorrected),
    ])
{
    public const string TableName = "search_index";

    private readonly SearchText _text = new(schema);

    public static Table Definition(string schema)
    {
        var table = Declare(schema, TableName, ["record_id", "kind", "entry_id"],
            ("record_kind", "varchar"), ("dialogue_id", "varchar"), ("title", "varchar"), ("body", "varchar"), ("terms", "varchar"), ("field_codes", "text[]"),
            ("parties", "text[]"), ("link", "varchar"), ("document", "tsvector"), ("last_sequence", "bigint"));
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
        operations.QueueSqlCommand($"delete from {Table} where record_id = ?", record);
        foreach (var entry in entries)
        {
            operations.QueueSqlCommand(
                $"""
                 insert into {Table} (record_id, kind, entry_id, record_kind, dialogue_id, title, body, terms, field_codes, parties, link, document, last_sequence)
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
