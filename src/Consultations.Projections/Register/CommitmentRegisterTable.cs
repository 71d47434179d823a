using Consultations.Projections.Records;
using JasperFx.Events;
using Marten;
using Consultations.Projections.Tables;
using Weasel.Postgresql.Tables;

namespace Consultations.Projections.Register;

/// <summary>
/// The commitment register as a plain PostgreSQL table, <c>{schema}.commitment_register</c>, one row per commitment with
/// readable columns, for psql and BI tools that know nothing of Marten. Partial dates stay text ("2026-06", "2024");
/// <c>status_since_date</c> is the earliest day the current status can have begun, for date arithmetic.
/// </summary>
public sealed partial class CommitmentRegisterTable(string schema)
    : TableProjection("CommitmentRegisterTable", schema, TableName, CommitmentRegisterFold.EventTypes)
{
    public const string TableName = "commitment_register";

    public static Table Definition(string schema)
    {
        var table = Declare(schema, TableName, ["commitment_id"],
        [
            ("dialogue_id", "varchar"), ("field_code", "varchar"), ("commitment_text", "varchar"), ("parties", "varchar"), ("agencies", "varchar"),
            // fora and agreements came later: nullable, so an existing table gains them; every row written since fills them.
            ("programmes", "varchar"), ("fora", "varchar?"), ("agreements", "varchar?"), ("source_kind", "varchar"), ("source_id", "varchar"),
            ("source_part", "varchar?"), ("status", "varchar"), ("made_on", "varchar"), ("status_since", "varchar"), ("status_since_date", "date"),
            .. Enum.GetValues<CommitmentStatus>().Select(s => (DateColumn(s), "varchar?")),
            ("superseded_by", "varchar?"), ("amendments", "integer"), ("last_sequence", "bigint"), ("last_recorded_at", "timestamp with time zone"),
        ]);
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_dialogue_field") { Columns = ["dialogue_id", "field_code"] });
        return table;
    }

    /// <summary>The column holding the date a commitment took this status: proposed_on, in_progress_on, ...</summary>
    public static string DateColumn(CommitmentStatus status) => Words.Of(status).Replace('-', '_') + "_on";

    private static string Word(CommitmentStatus status) => Words.Of(status);

    // Marten's conventional Project methods cannot be mixed with an ApplyAsync override; a fix needs the record's
    // earlier entries, so every event comes through here. A void or correction rewrites the row from the live entries.
    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is not IEntryFix)
        {
            Apply(e, e.Data, operations);
            return;
        }

        var live = Refolding.Live(await operations.Events.FetchStreamAsync(e.StreamKey!, version: e.Version, token: cancellation));
        if (live.FirstOrDefault()?.Data is not CommitmentMade) return;
        operations.QueueSqlCommand($"delete from {Table} where commitment_id = ?", e.StreamKey!);
        foreach (var entry in live) Apply(entry, entry.Data, operations);
    }

    private void Apply(IEvent e, object data, IDocumentOperations ops)
    {
        switch (data)
        {
            case CommitmentMade x: Made(e, x, ops); break;
            case CommitmentStatusChanged x: Changed(e, x, ops); break;
            case CommitmentStatusChangeCorrected x: Corrected(e, x, ops); break;
            case CommitmentAmended x: Amended(e, x, ops); break;
        }
    }

    private void Made(IEvent e, CommitmentMade c, IDocumentOperations ops)
    {
        ops.QueueSqlCommand(
            $"""
             insert into {Table} (commitment_id, dialogue_id, field_code, commitment_text, parties, agencies, programmes, fora, agreements,
                 source_kind, source_id, source_part, status, made_on, status_since, status_since_date, {DateColumn(c.Status)},
                 amendments, last_sequence, last_recorded_at)
             values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text, ?, ?, ?, ?, ?, 0, ?, ?)
             on conflict (commitment_id) do update set
                 dialogue_id = excluded.dialogue_id, field_code = excluded.field_code, commitment_text = excluded.commitment_text,
                 parties = excluded.parties, agencies = excluded.agencies, programmes = excluded.programmes,
                 fora = excluded.fora, agreements = excluded.agreements,
                 source_kind = excluded.source_kind, source_id = excluded.source_id, source_part = excluded.source_part,
                 status = excluded.status, made_on = excluded.made_on, status_since = excluded.status_since,
                 status_since_date = excluded.status_since_date, {string.Join(", ", Enum.GetValues<CommitmentStatus>().Select(s => $"{DateColumn(s)} = excluded.{DateColumn(s)}"))},
                 superseded_by = null, amendments = 0, last_sequence = excluded.last_sequence, last_recorded_at = excluded.last_recorded_at
             """,
            c.CommitmentId, c.DialogueId, c.FieldCode, c.Text, Join(c.Parties), Join(c.Agencies), Join(c.Programmes),
            Join(c.Fora ?? []), Join(c.Agreements ?? []), Kind(c.Source.Kind), c.Source.Id, (object?)c.Source.Part ?? DBNull.Value, Word(c.Status), c.EffectiveOn.ToString(),
            c.EffectiveOn.ToString(), c.EffectiveOn.Earliest, c.EffectiveOn.ToString(), e.Sequence, e.Timestamp);
    }

    private void Changed(IEvent e, CommitmentStatusChanged c, IDocumentOperations ops)
    {
        ops.QueueSqlCommand(
            $"""
             update {Table} set status = ?, status_since = ?, status_since_date = ?, {DateColumn(c.To)} = ?,
                 superseded_by = ?::text, last_sequence = ?, last_recorded_at = ?
             where commitment_id = ?
             """,
            Word(c.To), c.EffectiveOn.ToString(), c.EffectiveOn.Earliest, c.EffectiveOn.ToString(),
            (object?)c.SupersededBy ?? DBNull.Value, e.Sequence, e.Timestamp, c.CommitmentId);
    }

    private void Corrected(IEvent e, CommitmentStatusChangeCorrected c, IDocumentOperations ops)
    {
        ops.QueueSqlCommand(
            $"""
             update {Table} set {DateColumn(c.To)} = ?,
                 status_since = case when status = ? then ? else status_since end,
                 status_since_date = case when status = ? then ? else status_since_date end,
                 last_sequence = ?, last_recorded_at = ?
             where commitment_id = ?
             """,
            c.EffectiveOn.ToString(), Word(c.To), c.EffectiveOn.ToString(), Word(c.To), c.EffectiveOn.Earliest,
            e.Sequence, e.Timestamp, c.CommitmentId);
    }

    private void Amended(IEvent e, CommitmentAmended c, IDocumentOperations ops) =>
        ops.QueueSqlCommand(
            $"update {Table} set commitment_text = ?, amendments = amendments + 1, last_sequence = ?, last_recorded_at = ? where commitment_id = ?",
            c.Text, e.Sequence, e.Timestamp, c.CommitmentId);

    private static string Join(IEnumerable<string> values) => string.Join("; ", values);

    private static string Kind(SourceKind kind) => Words.Of(kind);
}

/// <summary>
/// A row of <c>commitment_register</c> computed in memory, for the bulk rebuild (ADR 0049): each event changes it exactly
/// as <see cref="CommitmentRegisterTable"/>'s SQL changes the stored row, so a row folded from a commitment's live entries
/// is the row the projection leaves. Its columns are in <see cref="Columns"/> order.
/// </summary>
public sealed class CommitmentRegisterRow
{
    private readonly Dictionary<CommitmentStatus, string?> _dates = Enum.GetValues<CommitmentStatus>().ToDictionary(s => s, _ => (string?)null);
    private CommitmentMade? _made;
    private string _text = "", _status = "", _statusSince = "";
    private DateOnly _statusSinceDate;
    private string? _supersededBy;
    private int _amendments;
    private long _lastSequence;
    private DateTimeOffset _lastRecordedAt;

    public static IReadOnlyList<string> Columns { get; } =
    [
        "commitment_id", "dialogue_id", "field_code", "commitment_text", "parties", "agencies", "programmes", "fora", "agreements",
        "source_kind", "source_id", "source_part", "status", "made_on", "status_since", "status_since_date",
        .. Enum.GetValues<CommitmentStatus>().Select(CommitmentRegisterTable.DateColumn),
        "superseded_by", "amendments", "last_sequence", "last_recorded_at",
    ];

    /// <summary>The row a commitment's live entries leave, or null when none starts it (an update of no row changes nothing).</summary>
    public static CommitmentRegisterRow? Fold(IReadOnlyList<IEvent> live)
    {
        CommitmentRegisterRow? row = null;
        foreach (var e in live)
        {
            switch (e.Data)
            {
                case CommitmentMade x:
                    row ??= new CommitmentRegisterRow();
                    row.Made(x);
                    break;
                case CommitmentStatusChanged x when row is not null:
                    (row._status, row._statusSince, row._statusSinceDate) = (Words.Of(x.To), x.EffectiveOn.ToString(), x.EffectiveOn.Earliest);
                    row._dates[x.To] = x.EffectiveOn.ToString();
                    row._supersededBy = x.SupersededBy;
                    break;
                case CommitmentStatusChangeCorrected x when row is not null:
                    row._dates[x.To] = x.EffectiveOn.ToString();
                    if (row._status == Words.Of(x.To)) (row._statusSince, row._statusSinceDate) = (x.EffectiveOn.ToString(), x.EffectiveOn.Earliest);
                    break;
                case CommitmentAmended x when row is not null:
                    row._text = x.Text;
                    row._amendments++;
                    break;
                default:
                    continue;
            }

            if (row is not null) (row._lastSequence, row._lastRecordedAt) = (e.Sequence, e.Timestamp);
        }

        return row;
    }

    private void Made(CommitmentMade c)
    {
        _made = c;
        _text = c.Text;
        (_status, _statusSince, _statusSinceDate) = (Words.Of(c.Status), c.EffectiveOn.ToString(), c.EffectiveOn.Earliest);
        foreach (var status in _dates.Keys) _dates[status] = null;
        _dates[c.Status] = c.EffectiveOn.ToString();
        (_supersededBy, _amendments) = (null, 0);
    }

    /// <summary>The row's values in <see cref="Columns"/> order (null for SQL null).</summary>
    public IEnumerable<object?> Values()
    {
        var c = _made!;
        object?[] head =
        [
            c.CommitmentId, c.DialogueId, c.FieldCode, _text, Join(c.Parties), Join(c.Agencies), Join(c.Programmes), Join(c.Fora ?? []),
            Join(c.Agreements ?? []), Words.Of(c.Source.Kind), c.Source.Id, c.Source.Part, _status, c.EffectiveOn.ToString(), _statusSince, _statusSinceDate,
        ];
        return [.. head, .. Enum.GetValues<CommitmentStatus>().Select(s => _dates[s]), _supersededBy, _amendments, _lastSequence, _lastRecordedAt];
    }

    private static string Join(IEnumerable<string> values) => string.Join("; ", values);
}
