using System.Runtime.CompilerServices;
using System.Text.Json;
using Consultations.Projections.Records;
using JasperFx.Events;
using Marten;
using Weasel.Postgresql;
using Consultations.Projections.Tables;
using Weasel.Postgresql.Tables;

namespace Consultations.Projections.Search;

/// <summary>
/// The full-text index, <c>{schema}.search_index</c>: one row per <see cref="SearchEntry"/>, keyed by the record it
/// belongs to, with a weighted <c>tsvector</c> under a GIN index. For each batch of events, every searchable record it
/// touches is folded from its own events up to its last one in the batch (immutable, so live processing and a rebuild
/// read the same) and its rows replaced:
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

    // What the batch being applied writes (filled by EnrichEventsAsync, read by ApplyAsync), keyed by the batch's last
    // indexed event; its other indexed events are marked as written by it. Keyed by the event objects, which live as long
    // as their batch: the projection instance is shared by every batch, so it keeps no state of its own.
    private static readonly ConditionalWeakTable<IEvent, IReadOnlyList<RecordRows>> Writes = new();

    private static readonly IReadOnlyList<RecordRows> WrittenByLater = [];

    /// <summary>The rows a record ends with after its event <paramref name="Sequence"/>.</summary>
    public sealed record RecordRows(string RecordId, long Sequence, IReadOnlyList<SearchEntry> Entries);

    /// <summary>True for the events that (re)write their record's rows: its searchable events and its fixes.</summary>
    public static bool Indexes(IEvent e) => e.StreamKey is not null && (SearchEntries.IsSearchable(e.EventType) || e.Data is IEntryFix);

    /// <summary>
    /// Each event replaces every row of its record, so within a batch only a record's last indexed event decides its rows:
    /// the batch's records are read in one query (not one per event), each folded once up to that event, and all their rows
    /// written by one delete and one insert (ADR 0040).
    /// </summary>
    public override async Task EnrichEventsAsync(IQuerySession querySession, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var last = new Dictionary<string, IEvent>(StringComparer.Ordinal);
        IEvent? writer = null;
        foreach (var e in events)
        {
            if (!Indexes(e)) continue;
            if (writer is not null) Writes.AddOrUpdate(writer, WrittenByLater);
            last[e.StreamKey!] = writer = e;
        }

        if (writer is null) return;
        var records = last.Keys.ToArray();
        var stored = await querySession.Events.QueryAllRawEvents().Where(x => records.Contains(x.StreamKey!)).ToListAsync(cancellation);
        var rows = new List<RecordRows>(records.Length);
        foreach (var stream in stored.GroupBy(x => x.StreamKey!))
        {
            var upTo = last[stream.Key];
            rows.Add(new RecordRows(stream.Key, upTo.Sequence, RowsOf(stream.Where(x => x.Version <= upTo.Version).OrderBy(x => x.Version))));
        }

        Writes.AddOrUpdate(writer, rows);
    }

    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (!Indexes(e)) return;
        if (Writes.TryGetValue(e, out var rows))
        {
            Writes.Remove(e);
            if (rows.Count > 0) Write(operations, rows);
            return;
        }

        // An event that came without its batch being read first: its own record, read now.
        var events = await operations.Events.FetchStreamAsync(e.StreamKey!, e.Version, token: cancellation);
        Write(operations, [new RecordRows(e.StreamKey!, e.Sequence, RowsOf(events))]);
    }

    // The record as every view reads it: voided entries left out, corrected values applied (ADR 0023).
    public static IReadOnlyList<SearchEntry> RowsOf(IEnumerable<IEvent> events) => SearchEntries.OfStream([.. Refolding.Live(events).Select(x => x.Data)]);

    private void Write(IDocumentOperations operations, IReadOnlyList<RecordRows> records)
    {
        operations.QueueSqlCommand($"delete from {Table} where record_id = any(?)", (object)records.Select(r => r.RecordId).ToArray());
        if (records.Any(r => r.Entries.Count > 0)) operations.QueueSqlCommand(InsertSql("?"), RowsJson(records));
    }

    /// <summary>The rows of <paramref name="records"/> as the JSON array <see cref="InsertSql"/> reads.</summary>
    public static string RowsJson(IReadOnlyList<RecordRows> records) => JsonSerializer.Serialize(records.SelectMany(r => r.Entries.Select(entry => new
    {
        record_id = entry.RecordId, kind = entry.Kind, entry_id = entry.Id, record_kind = entry.RecordKind, dialogue_id = entry.DialogueId,
        title = entry.Title, body = entry.Text, terms = Terms(entry.Terms), field_codes = entry.FieldCodes, parties = entry.Parties,
        link = entry.Link, last_sequence = r.Sequence,
    })));

    /// <summary>Inserts the rows of a JSON array (<see cref="RowsJson"/>) given as <paramref name="parameter"/>, computing each row's search document.</summary>
    public string InsertSql(string parameter) =>
        $"""
         insert into {Table} (record_id, kind, entry_id, record_kind, dialogue_id, title, body, terms, field_codes, parties, link, document, last_sequence)
         select r.record_id, r.kind, r.entry_id, r.record_kind, r.dialogue_id, r.title, r.body, r.terms,
                array(select x from jsonb_array_elements_text(r.field_codes) with ordinality a(x, n) order by n)::text[],
                array(select x from jsonb_array_elements_text(r.parties) with ordinality a(x, n) order by n)::text[],
                r.link, {_text.Document("r.title", "r.terms", "r.body")}, r.last_sequence
         from jsonb_to_recordset({parameter}::jsonb) as r(record_id text, kind text, entry_id text, record_kind text, dialogue_id text, title text,
              body text, terms text, field_codes jsonb, parties jsonb, link text, last_sequence bigint)
         """;

    public static string Terms(IEnumerable<string> terms) => string.Join("; ", terms);
}
