using System.Text.Json;
using Consultations.Host.Reports;
using Consultations.Projections.Search;
using Npgsql;
using NpgsqlTypes;

namespace Consultations.Host.Search;

/// <param name="Kind">commitment, preamble (also a closing), clause, outcome, decision, action-item, document, meeting or milestone.</param>
/// <param name="Id">The entry's id within its record: a commitment's id, a clause's number, a decision's number, an item's id, a document's id.</param>
/// <param name="RecordKind">The record it belongs to: commitment, statement, meeting, action-plan or document.</param>
/// <param name="Snippet">The best passages of the entry with each match between « and ».</param>
/// <param name="Rank">PostgreSQL's <c>ts_rank</c>: higher is better; a match in a title or a name counts more than one in the text.</param>
/// <param name="Link">The API path of the record.</param>
public sealed record SearchResult(string Kind, string Id, string RecordKind, string RecordId, string DialogueId, string Title, string Text,
    string Snippet, IReadOnlyList<string> FieldCodes, IReadOnlyList<string> Parties, float Rank, string Link);

/// <summary>A search as asked: <see cref="Query"/> is the tsquery built from what was typed; blank filters are null.</summary>
public sealed record SearchRequest(string Query, string? Kind, string? Field, string? Dialogue)
{
    public const int MaxLength = 200;

    /// <summary>Reads the parameters; an empty or over-long <c>q</c>, or an unknown <c>kind</c>, is a 400 naming it.</summary>
    public static SearchRequest Read(string? q, string? kind, string? field, string? dialogue)
    {
        if (string.IsNullOrWhiteSpace(q)) throw InvalidCommand.For("q", "Say what to search for, e.g. q=LiteBIRD.");
        if (q.Length > MaxLength) throw InvalidCommand.For("q", $"At most {MaxLength} characters.");
        var query = SearchText.PrefixQuery(q) ?? throw InvalidCommand.For("q", $"'{q}' has no word to search for: give letters or digits.");
        return new SearchRequest(query, string.IsNullOrWhiteSpace(kind) ? null : QueryValues.OneOf("kind", kind, SearchEntries.Kinds),
            Blank(field), Blank(dialogue));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public static class SearchQueries
{
    private const string Projection = "SearchIndex";

    /// <summary>
    /// Full-text search over commitments, statement preambles, clauses and closings, meetings (title; place and kind as names) and their outcomes and decisions, milestones, action items and documents
    /// (title; kind, parties and language as names), best match first. Every
    /// word of <c>q</c> must match the start of a word, case and accents aside ("liteb" finds LiteBIRD, "universita" finds
    /// Università). Filters: kind, field, dialogue, party; page and pageSize; <c>recordedAt</c>/<c>effectiveOn</c> search
    /// what the record said on those time axes.
    /// </summary>
    [WolverineGet("/api/search", OperationId = "search"), Tags("Search")]
    public static async Task<Listed<SearchResult>> Search(string? q, string? kind, string? field, string? dialogue, string? recordedAt, string? effectiveOn,
        HttpContext http, IQuerySession session, ProjectionFreshness freshness, TimeProvider clock, CancellationToken ct)
    {
        var request = SearchRequest.Read(q, kind, field, dialogue);
        var axes = Axes.Read(recordedAt, effectiveOn, clock);
        if (axes.IsNow) await freshness.WriteHeadersAsync(http.Response, [Projection], ct);
        else ProjectionFreshness.WriteReplayedHeaders(http.Response);
        return Listed<SearchResult>.Of(await FindAsync(session, request, axes, ct));
    }

    /// <summary>
    /// The entries that match, best first: from the index now, else from the subject's records replayed on the axes, turned
    /// into entries by the same code as the index, and ranked and marked by PostgreSQL with the same expressions, on the fly.
    /// </summary>
    public static async Task<IReadOnlyList<SearchResult>> FindAsync(IQuerySession session, SearchRequest request, Axes axes, CancellationToken ct)
    {
        var (query, wantedKind, field, dialogue) = request;
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var text = new SearchText(schema);

        string source;
        string? replayed = null;
        if (axes.IsNow)
        {
            source = $"select record_id, kind, entry_id, record_kind, dialogue_id, title, body, terms, field_codes, parties, link, document from {schema}.{SearchIndexProjection.TableName}";
        }
        else
        {
            var entries = await RecordAsOf.GatherAsync(session, axes, Subject.Of(dialogue, field),
                replay => replay.Events.GroupBy(e => e.StreamKey!).SelectMany(stream => SearchEntries.OfStream([.. stream.Select(e => e.Data)])), ct);
            replayed = JsonSerializer.Serialize(entries.Select(e => new Dictionary<string, object>
            {
                ["record_id"] = e.RecordId, ["kind"] = e.Kind, ["entry_id"] = e.Id, ["record_kind"] = e.RecordKind, ["dialogue_id"] = e.DialogueId,
                ["title"] = e.Title, ["body"] = e.Text, ["terms"] = SearchIndexProjection.Terms(e.Terms), ["field_codes"] = e.FieldCodes,
                ["parties"] = e.Parties, ["link"] = e.Link,
            }));
            source = $"""
                      select r.*, {text.Document("r.title", "r.terms", "r.body")} as document
                      from jsonb_to_recordset(@entries) as r(record_id text, kind text, entry_id text, record_kind text, dialogue_id text,
                          title text, body text, terms text, field_codes text[], parties text[], link text)
                      """;
        }

        var tsquery = text.Query("@query");
        var sql = $"""
                   with entries as ({source})
                   select e.kind, e.entry_id, e.record_kind, e.record_id, e.dialogue_id, e.title, e.body, e.field_codes, p.parties, e.link,
                          {text.Rank("e.document", tsquery)} as rank, {text.Snippet("e.title", "e.terms", "e.body", tsquery)} as snippet
                   from entries e
                   cross join lateral (
                       select case when cardinality(e.parties) > 0 then e.parties
                                   else coalesce((select array(select jsonb_array_elements_text(d.data -> 'Parties'))
                                                  from {schema}.mt_doc_dialogue d where d.id = e.dialogue_id), '{"{}"}') end as parties) p
                   where e.document @@ {tsquery}
                     and (@kind::text is null or e.kind = @kind)
                     and (@field::text is null or @field = any(e.field_codes))
                     and (@dialogue::text is null or e.dialogue_id = @dialogue)
                   order by rank desc, e.dialogue_id, e.record_id, e.kind, length(e.entry_id), e.entry_id
                   """;

        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("query", query);
        command.Parameters.Add(new NpgsqlParameter("kind", NpgsqlDbType.Text) { Value = (object?)wantedKind ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("field", NpgsqlDbType.Text) { Value = (object?)field ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("dialogue", NpgsqlDbType.Text) { Value = (object?)dialogue ?? DBNull.Value });
        if (replayed is not null) command.Parameters.Add(new NpgsqlParameter("entries", NpgsqlDbType.Jsonb) { Value = replayed });

        var results = new List<SearchResult>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            results.Add(new SearchResult(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(11), reader.GetFieldValue<string[]>(7), reader.GetFieldValue<string[]>(8),
                reader.GetFloat(10), reader.GetString(9)));
        }

        return results;
    }
}
