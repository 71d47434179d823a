using System.Text.Json;
using Consultations.Projections.Fields;
using Marten.Linq.MatchesSql;

namespace Consultations.Host.Auditing;

/// <summary>What a replay is about: one record's stream, the records of one field or one dialogue, or everything.</summary>
public sealed record Subject(string? Stream = null, string? Dialogue = null, string? Field = null)
{
    public static Subject Everything { get; } = new();

    public static Subject Record(string stream) => new(Stream: stream);

    /// <summary>The subject named by a route's optional filters; blank filters widen it.</summary>
    public static Subject Of(string? dialogue = null, string? field = null) =>
        new(Dialogue: string.IsNullOrWhiteSpace(dialogue) ? null : dialogue, Field: string.IsNullOrWhiteSpace(field) ? null : field);

    /// <summary>Every dialogue any record belongs to.</summary>
    public static async Task<IReadOnlyList<string>> DialoguesAsync(IQuerySession session, CancellationToken ct) =>
        [.. (await session.Query<RecordFootprint>().Where(f => f.DialogueId != null).Select(f => f.DialogueId!).Distinct().ToListAsync(ct)).Order(StringComparer.Ordinal)];

    /// <summary>The streams to read, found through the records' footprints; null for every stream.</summary>
    public async Task<IReadOnlyList<string>?> StreamsAsync(IQuerySession session, CancellationToken ct) =>
        Field is null && Dialogue is null ? null : await Footprints(session).Select(f => f.Id).ToListAsync(ct);

    /// <summary>
    /// The footprints of the subject's records: a dialogue's by its column, a field's by containment on the field codes
    /// alone, the expression their GIN index covers (Marten's own <c>FieldCodes.Contains</c> tests the whole body).
    /// </summary>
    public IQueryable<RecordFootprint> Footprints(IQuerySession session)
    {
        var query = session.Query<RecordFootprint>().AsQueryable();
        if (Field is { } code) query = query.Where(f => f.MatchesSql(FieldCodesContain, JsonSerializer.Serialize(new[] { code })));
        if (Dialogue is { } dialogue) query = query.Where(f => f.DialogueId == dialogue);
        return query;
    }

    /// <summary>The filter the footprints' GIN index serves: <c>(data -> 'FieldCodes') jsonb_path_ops</c> (StoreSetup).</summary>
    public const string FieldCodesContain = "d.data -> 'FieldCodes' @> ?::jsonb";

    /// <summary>
    /// The footprints naming any of several field codes, one bitmap scan of the same GIN index for each (a
    /// <c>@&gt; any(…)</c>) in one statement; the parameter is each code as a one-element JSON array.
    /// </summary>
    public const string FieldCodesContainAny = "d.data -> 'FieldCodes' @> any(?::jsonb[])";

    /// <summary>The footprints of the records that name any of <paramref name="codes"/> (ADR 0063).</summary>
    public static IQueryable<RecordFootprint> FootprintsNaming(IQuerySession session, IEnumerable<string> codes)
    {
        string[] arrays = [.. codes.Select(code => JsonSerializer.Serialize(new[] { code }))];
        return session.Query<RecordFootprint>().Where(f => f.MatchesSql(FieldCodesContainAny, new object[] { arrays }));
    }
}

/// <summary>The fields' status as it stands now: the stored footprints of the subject's records, merged.</summary>
public static class FieldStatuses
{
    public static async Task<IReadOnlyList<FieldStatus>> ListAsync(IQuerySession session, Subject subject, CancellationToken ct) =>
        InOrder(FieldStatusFold.Merge(await subject.Footprints(session).ToListAsync(ct)).Values, subject);

    /// <summary>
    /// The subject's fields in their dialogue's numbering: only the one field for a field, only the dialogue's for a
    /// dialogue. A field is on record from its definition: what other records said of it before then (an action item
    /// filed under its code, say) is not a field of its own.
    /// </summary>
    public static IReadOnlyList<FieldStatus> InOrder(IEnumerable<FieldStatus> fields, Subject subject) =>
    [
        .. fields
            .Where(f => f.DialogueId.Length > 0)
            .Where(f => subject.Field is null || f.Id == subject.Field)
            .Where(f => subject.Dialogue is null || f.DialogueId == subject.Dialogue)
            .OrderBy(f => f.DialogueId, StringComparer.Ordinal).ThenBy(f => f.Number).ThenBy(f => f.Id, StringComparer.Ordinal),
    ];
}
