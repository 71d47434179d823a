using Consultations.Domain.Documents;
using Consultations.Host.Documents;

namespace Consultations.Host.Web.Pages;

/// <summary>
/// Registers a document through <see cref="DocumentEndpoints.Handle(RegisterDocument, Recorder, CancellationToken)"/>: the dialogue
/// and parties picked from the record, the id made from the title; its text, when given, is kept only as its SHA-256.
/// </summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class RegisterDocumentModel(Recorder recorder, WriteConditions conditions) : NewRecordForm(recorder, conditions)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DocumentKind Kind { get; set; } = DocumentKind.JointStatement;
    [BindProperty(Name = "documentDate")] public string? DatedOn { get; set; }
    [BindProperty] public List<string> Parties { get; set; } = [];
    [BindProperty] public string? Language { get; set; } = "en";
    [BindProperty(Name = "Url")] public string? Address { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Sha256 { get; set; }

    protected override void Fill() => Parties = [.. Dialogues.FirstOrDefault()?.Parties ?? []];

    protected override async Task<(string Page, Func<Recorder, CancellationToken, Task<Recorded>>? Handle)> CommandAsync(CancellationToken ct)
    {
        var date = RequiredDate("date", DatedOn, "is required: the document's own date.");
        var id = await NewIdAsync<Document>("title", Title, "document", ct);
        if (Errors.Count > 0) return ("", null);
        var command = new RegisterDocument(id, DialogueId ?? "", Title!.Trim(), Kind, date!.Value, Parties, Language ?? "", Optional(Address),
            OrNull(Text), Optional(Sha256)?.ToLowerInvariant());
        return ($"/documents/{id}", (r, c) => DocumentEndpoints.Handle(command, r, c));
    }
}
