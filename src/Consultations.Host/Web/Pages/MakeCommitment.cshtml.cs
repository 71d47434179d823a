using Consultations.Host.Commitments;

namespace Consultations.Host.Web.Pages;

/// <summary>
/// Makes a commitment through <see cref="CommitmentEndpoints.Handle(MakeCommitment, Recorder, CancellationToken)"/>: its dialogue,
/// field, parties, source (a clause, a statement, a meeting or a plan item) and cited document picked from the record; its
/// id made from its first words.
/// </summary>
public sealed class MakeCommitmentModel : NewRecordForm
{
    public string? FieldCode { get; set; }
    public string? Text { get; set; }
    public List<string> Parties { get; set; } = [];
    public string? Agencies { get; set; }
    public string? Programmes { get; set; }
    public string? Fora { get; set; }
    public string? Agreements { get; set; }
    public string? Source { get; set; }
    public CommitmentStatus Status { get; set; } = CommitmentStatus.Agreed;
    public string? DocumentId { get; set; }
    public Wording? TextIs { get; set; }
    public string? Quote { get; set; }

    public IReadOnlyList<CooperationField> Fields { get; private set; } = [];
    public IReadOnlyList<JointStatement> Statements { get; private set; } = [];
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];
    public IReadOnlyList<ActionPlan> Plans { get; private set; } = [];
    public IReadOnlyList<Document> Documents { get; private set; } = [];

    /// <summary>The field a field's page links here with (<c>?field=</c>): the form opens with it and its dialogue picked.</summary>
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }

    protected override void Fill()
    {
        Parties = [.. AllParties];
        FieldCode = Fields.Any(f => f.Id == Field) ? Field : null;
    }

    protected override async Task<RecordNotFound?> LinkedAsync(IQuerySession read, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Field)) return null;
        if (await read.LoadAsync<CooperationField>(Field, ct) is not { } field) return new RecordNotFound("cooperation field", Field);
        Dialogue = field.DialogueId;
        return null;
    }

    protected override async Task LoadChoicesAsync(IQuerySession read, CancellationToken ct)
    {
        Fields = await DialogueChoices.FieldsAsync(read, DialogueId, ct);
        Statements = await DialogueChoices.StatementsAsync(read, DialogueId, ct);
        // A commitment comes only from a meeting held (ADR 0059): the others are not offered.
        Meetings = await DialogueChoices.MeetingsHeldAsync(read, DialogueId, ct);
        Plans = await DialogueChoices.PlansAsync(read, DialogueId, ct);
        Documents = await DialogueChoices.DocumentsAsync(read, DialogueId, ct);
    }

    protected override async Task<(string Page, object? Command)> CommandAsync(CancellationToken ct)
    {
        var on = EffectiveDay("is required: the day the commitment was made.");
        var source = SourceOf(Source);
        Require("source", source, "Pick where the commitment comes from.");
        var id = await FreeIdAsync(WebIds.Slug(string.Join(' ', (Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6))), ct);
        if (Errors.Count > 0) return ("", null);
        var command = new MakeCommitment(id, DialogueId ?? "", FieldCode ?? "", Text ?? "", Parties, Lines(Agencies), Lines(Programmes), source!, Status, on!.Value,
            Lines(Fora), Lines(Agreements), Optional(DocumentId), TextIs, Optional(Quote));
        return ($"/commitments/{id}", command);
    }

    /// <summary>"Clause|statement|3", "Statement|statement", "Meeting|meeting", "PlanItem|plan|item": the options the page offers.</summary>
    public static SourceRef? SourceOf(string? value)
    {
        var parts = (value ?? "").Split('|');
        return parts.Length is 2 or 3 && Enum.TryParse<SourceKind>(parts[0], out var kind) && parts[1].Length > 0
            ? new SourceRef(kind, parts[1], parts.Length == 3 ? parts[2] : null)
            : null;
    }

    /// <summary>Two commitments may begin with the same words: the second gets the next free number.</summary>
    private async Task<string> FreeIdAsync(string id, CancellationToken ct)
    {
        if (id.Length == 0) return id;
        if (await FormTokens.RecordOfAsync(Session, FormToken, ct) is { } earlier && earlier.StartsWith(id, StringComparison.Ordinal)) return earlier;
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? id : $"{id}-{n}";
            if (await Session.LoadAsync<Commitment>(candidate, ct) is null) return candidate;
        }
    }
}
