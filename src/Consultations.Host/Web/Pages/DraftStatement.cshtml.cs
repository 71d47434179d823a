using Consultations.Host.JointStatements;

namespace Consultations.Host.Web.Pages;

/// <summary>
/// Drafts a joint statement through <see cref="JointStatementEndpoints.Handle(DraftJointStatement, Recorder, CancellationToken)"/>:
/// the dialogue and the registered document picked from the record, the id made from the title and the drafting day.
/// </summary>
public sealed class DraftStatementModel : NewRecordForm
{
    public string? Title { get; set; }
    public string? Preamble { get; set; }
    public string? Closing { get; set; }
    public string? DocumentId { get; set; }

    /// <summary>When the drafting day is not on record: a day by which the statement existed (ADR 0056).</summary>
    public string? KnownBy { get; set; }

    public IReadOnlyList<Document> Documents { get; private set; } = [];

    protected override async Task LoadChoicesAsync(IQuerySession read, CancellationToken ct) =>
        Documents = await DialogueChoices.DocumentsAsync(read, DialogueId, ct);

    protected override async Task<(string Page, object? Command)> CommandAsync(CancellationToken ct)
    {
        var known = Date("knownBy", KnownBy);
        var on = string.IsNullOrWhiteSpace(KnownBy) ? EffectiveDay("is required: the day it was drafted, or, when that is not on record, a day by which it existed.") : EffectiveDay();
        var id = WebIds.Slug(Title) is { Length: > 0 } slug && (on ?? known) is { } day ? WebIds.Slug($"{slug}-{day}") : "";
        if (WebIds.Slug(Title).Length == 0) Errors["title"] = "is required: the statement's title.";
        else if (id.Length > 0 && await Session.LoadAsync<JointStatement>(id, ct) is not null && !await FormTokens.RecordedAsync(Session, FormToken, ct))
            Errors["title"] = $"A statement '{id}' is already on record: give this one another title or date.";
        return ($"/statements/{id}", Errors.Count > 0 ? null
            : new DraftJointStatement(id, DialogueId ?? "", Title!.Trim(), OrNull(Preamble), on, OrNull(DocumentId), OrNull(Closing), known));
    }
}
