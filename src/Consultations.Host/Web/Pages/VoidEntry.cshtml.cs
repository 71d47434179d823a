using Consultations.Host.Corrections;

namespace Consultations.Host.Web.Pages;

/// <summary>Voids an entry from its history line through <see cref="CorrectionEndpoints.Handle(VoidEntry, Recorder, CancellationToken)"/>.</summary>
public sealed class VoidEntryModel : EntryForm
{
    public string? Reason { get; set; }

    protected override object Command(Guid eventId) => new VoidEntry(eventId, Reason ?? "");

    /// <summary>
    /// An entry a void would be refused on (one other records depend on, one that opens its record) is not offered a void
    /// form: the page says why, naming those records by title, linked (third review, finding 16).
    /// </summary>
    protected override async Task<IActionResult?> RefusedHereAsync(CancellationToken ct)
    {
        await using var read = HttpContext.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        var checks = await HistoryView.NotVoidableAsync(read, Entry.StreamKey!, ct);
        if (new HistoryView([], true, NotVoidable: checks).WhyNoVoid(Entry.Id) is not { } why || checks.Rules[Entry.Id] == "already-voided") return null;
        var text = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Text>>();
        var named = checks.HeldBy.GetValueOrDefault(Entry.Id) is { } records
            ? new Microsoft.AspNetCore.Html.HtmlString("<ul>" + string.Concat(records.Select(r => "<li>" + checks.Titles.Link(r.Collection, r.Id).Value + "</li>")) + "</ul>")
            : null;
        return Refused(text[why].Value, Back, StatusCodes.Status409Conflict, named);
    }
}
