using Consultations.Host.Documents;

namespace Consultations.Host.Web.Pages;

/// <summary>Amends a document's title, language or address through <see cref="DocumentEndpoints.Handle(AmendDocument, Recorder, CancellationToken)"/>, the form filled with what the record reads now.</summary>
public sealed class AmendDocumentModel : DocumentForm
{
    public string? Title { get; set; }
    public string? Language { get; set; }
    [BindProperty(Name = "Url")] public string? Address { get; set; }
    public string? Reason { get; set; }

    protected override void Fill() => (Title, Language, Address) = (Document.Title, Document.Language, Document.Url);

    protected override object? Command(string id)
    {
        var on = EffectiveDay("is required: the day the amendment took effect.");
        return Errors.Count > 0 ? null
            : new AmendDocument(id, Title ?? "", Language ?? "", string.IsNullOrWhiteSpace(Address) ? null : Address.Trim(), on!.Value, Reason ?? "");
    }
}
