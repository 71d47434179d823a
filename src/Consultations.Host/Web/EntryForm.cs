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

    /// <summary>The page to go back to: the history line's page it was opened from, else the entry's own record (never another site).</summary>
    public string Back => LocalReturn ? ReturnUrl! : (Entry is null ? null : RecordPages.Of(Entry)) ?? "/";

    private bool LocalReturn => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl);

    /// <summary>The entry's record by its title (a commitment by its first words), for the form's way back.</summary>
    public string? RecordTitle { get; private set; }

    /// <summary>The entry exists but this form does not take it (a correction of an entry with no value to correct).</summary>
    private bool _notTaken;

    public async Task<IActionResult> OnGetAsync(Guid eventId, CancellationToken ct)
    {
        if (!await LoadAsync(eventId, ct))
            return _notTaken ? NotTaken() : NotOnRecord(new RecordNotFound("entry", eventId.ToString()));
        // A foreign return address is not kept in the form (third review, finding 4).
        if (!LocalReturn)
        {
            ReturnUrl = null;
            ModelState.Remove(nameof(ReturnUrl));
        }

        if (await RefusedHereAsync(ct) is { } refused) return refused;
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

    /// <summary>The answer when the entry exists but this form does not take it; a 404 unless the form says otherwise.</summary>
    protected virtual IActionResult NotTaken() => NotOnRecord(new RecordNotFound("entry", Entry?.Id.ToString() ?? ""));

    /// <summary>A refusal the form gives when opened, whatever would be typed (a void of an entry others depend on); null: the form.</summary>
    protected virtual Task<IActionResult?> RefusedHereAsync(CancellationToken ct) => Task.FromResult<IActionResult?>(null);

    /// <summary>Whether this form takes the entry (reading what it needs of the entry's record); false is a 404.</summary>
    protected virtual Task<bool> TakesAsync(IQuerySession read, IEvent entry, CancellationToken ct) => Task.FromResult(true);

    private async Task<bool> LoadAsync(Guid eventId, CancellationToken ct)
    {
        await using var read = HttpContext.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        var entry = await read.Events.LoadAsync(eventId, ct);
        if (entry?.StreamKey is null) return false;
        Entry = entry;
        var collection = RecordPages.Of(entry)?.Split('/')[1];
        if (collection is not null) RecordTitle = (await RecordTitles.LoadAsync(read, [(collection, entry.StreamKey)], ct)).Of(collection, entry.StreamKey);
        if (await TakesAsync(read, entry, ct)) return true;
        _notTaken = true;
        return false;
    }
}
