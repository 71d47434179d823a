using Consultations.Domain.Corrections;
using Consultations.Host.Corrections;
using JasperFx.Events;

namespace Consultations.Host.Web.Pages;

/// <summary>Voids an entry from its history line through <see cref="CorrectionEndpoints.Handle(VoidEntry, Recorder, CancellationToken)"/>.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class VoidEntryModel(Recorder recorder, WriteConditions conditions) : WebForm(recorder, conditions)
{
    [BindProperty] public string? Reason { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IEvent Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid eventId, CancellationToken ct)
    {
        if (!await LoadAsync(eventId, ct)) return NotOnRecord(new RecordNotFound("entry", eventId.ToString()));
        Version = (await Session.Events.FetchStreamStateAsync(Entry.StreamKey!, ct))?.Version;
        NewToken();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid eventId, CancellationToken ct)
    {
        if (!await LoadAsync(eventId, ct)) return NotOnRecord(new RecordNotFound("entry", eventId.ToString()));
        if (await RecordAsync((r, c) => CorrectionEndpoints.Handle(new VoidEntry(eventId, Reason ?? ""), r, c), ct))
            return LocalRedirect(Back);
        return Page();
    }

    public override string? RecordPage => Entry is null ? null : RecordPages.Of(Entry) ?? Back;

    public string Back => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    private async Task<bool> LoadAsync(Guid eventId, CancellationToken ct)
    {
        await using var read = HttpContext.RequestServices.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        var entry = await read.Events.LoadAsync(eventId, ct);
        if (entry is null) return false;
        Entry = entry;
        return true;
    }
}
