namespace Consultations.Host.Web;

/// <summary>
/// A form that starts a record (a commitment, a plan, a document, a dialogue, a field, a milestone): what it offers to pick
/// from read from the record, the new record's id made from what the person names it, and on to the new record's page
/// once recorded.
/// </summary>
public abstract class NewRecordForm : WebForm
{
    public string? DialogueId { get; set; }

    /// <summary>The dialogue picked on the dashboard the form was reached from: the form starts with it and its parties.</summary>
    [BindProperty(SupportsGet = true)] public string? Dialogue { get; set; }

    public IReadOnlyList<Dialogue> Dialogues { get; private set; } = [];

    /// <summary>The parties of every dialogue on record, to be ticked.</summary>
    public IReadOnlyList<string> AllParties => WebDialogues.Parties(Dialogues, Dialogue);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // A dialogue asked for that is not on record is not quietly replaced by another (as on the dashboard).
        if (!string.IsNullOrWhiteSpace(Dialogue) && Dialogues.All(d => d.Id != Dialogue)) return NotOnRecord(new RecordNotFound("dialogue", Dialogue));
        DialogueId = Dialogues.FirstOrDefault()?.Id;
        Fill();
        NewToken();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var (page, command) = await CommandAsync(ct);
        return await SendAsync(command, page, ct);
    }

    /// <summary>The inputs as they start, when the form opens.</summary>
    protected virtual void Fill()
    {
    }

    /// <summary>The new record's page and the domain's command from the inputs, or a null command with <see cref="WebForm.Errors"/> saying why.</summary>
    protected abstract Task<(string Page, object? Command)> CommandAsync(CancellationToken ct);

    /// <summary>Reads what the form offers to pick from, beside the dialogues.</summary>
    protected virtual Task LoadChoicesAsync(IQuerySession read, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// The id made from <paramref name="name"/>, refused next to <paramref name="field"/> when empty or when a record of that
    /// id is already on record (a new record never silently lands on an old one).
    /// </summary>
    protected async Task<string> NewIdAsync<T>(string field, string? name, string what, CancellationToken ct) where T : class
    {
        var id = WebIds.Slug(name);
        if (id.Length == 0) Errors[field] = "is required.";
        else if (await Session.LoadAsync<T>(id, ct) is not null && !await FormTokens.RecordedAsync(Session, FormToken, ct)) Errors[field] = $"A {what} '{id}' is already on record: give this one another name.";
        return id;
    }

    protected static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var read = HttpContext.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        Dialogues = WebDialogues.PickedFirst(await WebDialogues.InOrderOpenedAsync(read, ct), Dialogue);
        await LoadChoicesAsync(read, ct);
    }
}
