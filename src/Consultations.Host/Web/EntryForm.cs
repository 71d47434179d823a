using JasperFx.Events;

namespace Consultations.Host.Web;

/// <summary>
/// A form on one entry of a record's history (to void it, to correct it), opened from the entry's history line, named by
/// its event id as the API names it, and back to that line's page once recorded.
/// </summary>
public abstract class EntryForm : WebForm
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IEvent Entry { get; private set; } = null!;

    public override string? RecordPage => Entry is null ? null : RecordPages.Of(Entry) ?? Back;

    public string Back => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public async Task<IActionResult> OnGetAsync(Guid eventId, CancellationToken ct)
    {
        if (!await LoadAsync(eventId, ct)) return NotOnRecord(new RecordNotFound("entry", eventId.ToString()));
        await OpenAsync(Entry.StreamKey!, ct);
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid eventId, CancellationToken ct) =>
        await LoadAsync(eventId, ct) ? await SendAsync(Command(eventId), Back, ct) : NotOnRecord(new RecordNotFound("entry", eventId.ToString()));

    /// <summary>The inputs as the entry reads now, when the form opens.</summary>
    protected virtual void Fill()
    {
    }

    /// <summary>The domain's command from the inputs, or null with <see cref="WebForm.Errors"/> saying why.</summary>
    protected abstract object? Command(Guid eventId);

    /// <summary>Whether this form takes the entry (reading what it needs of the entry's record); false is a 404.</summary>
    protected virtual Task<bool> TakesAsync(IQuerySession read, IEvent entry, CancellationToken ct) => Task.FromResult(true);

    private async Task<bool> LoadAsync(Guid eventId, CancellationToken ct)
    {
        await using var read = HttpContext.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        var entry = await read.Events.LoadAsync(eventId, ct);
        if (entry?.StreamKey is null || !await TakesAsync(read, entry, ct)) return false;
        Entry = entry;
        return true;
    }
}
