using Consultations.Domain.Documents;
using Consultations.Host.Documents;

namespace Consultations.Host.Web.Pages;

/// <summary>Amends a document's title, language or address through <see cref="DocumentEndpoints.Handle(AmendDocument, Recorder, CancellationToken)"/>, the form filled with what the record reads now.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class AmendDocumentModel(Recorder recorder, WriteConditions conditions) : DocumentForm(recorder, conditions)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Language { get; set; }
    [BindProperty(Name = "Url")] public string? Address { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? AmendedOn { get; set; }
    [BindProperty] public string? Reason { get; set; }

    protected override void Fill() => (Title, Language, Address) = (Document.Title, Document.Language, Document.Url);

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        var on = RequiredDate("effectiveOn", AmendedOn, "is required: the day the amendment took effect.");
        return Errors.Count > 0 ? null
            : (r, c) => DocumentEndpoints.Handle(new AmendDocument(id, Title ?? "", Language ?? "", string.IsNullOrWhiteSpace(Address) ? null : Address.Trim(), on!.Value, Reason ?? ""), r, c);
    }
}
