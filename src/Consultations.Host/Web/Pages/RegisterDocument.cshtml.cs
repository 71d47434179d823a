using Consultations.Host.Documents;

namespace Consultations.Host.Web.Pages;

/// <summary>
/// Registers a document through <see cref="DocumentEndpoints.Handle(RegisterDocument, Recorder, CancellationToken)"/>: the dialogue
/// and parties picked from the record, the id made from the title; its text, when given, is kept only as its SHA-256.
/// </summary>
public sealed class RegisterDocumentModel : NewRecordForm
{
    public string? Title { get; set; }
    public DocumentKind Kind { get; set; } = DocumentKind.JointStatement;
    [BindProperty(Name = "documentDate")] public string? DatedOn { get; set; }
    public List<string> Parties { get; set; } = [];
    public string? Language { get; set; } = "en";
    [BindProperty(Name = "Url")] public string? Address { get; set; }
    public string? Text { get; set; }
    public string? Sha256 { get; set; }

    protected override void Fill() => Parties = [.. AllParties];

    protected override async Task<(string Page, object? Command)> CommandAsync(CancellationToken ct)
    {
        var date = RequiredDate("date", DatedOn, "is required: the document's own date.");
        var id = await NewIdAsync<Document>("title", Title, "document", ct);
        if (Errors.Count > 0) return ("", null);
        var command = new RegisterDocument(id, DialogueId ?? "", Title!.Trim(), Kind, date!.Value, Parties, Language ?? "", Optional(Address),
            OrNull(Text), Optional(Sha256)?.ToLowerInvariant());
        return ($"/documents/{id}", command);
    }
}
