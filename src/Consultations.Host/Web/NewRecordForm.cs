namespace Consultations.Host.Web;

/// <summary>
/// A form that starts a record (a commitment, a plan, a document, a dialogue, a field, a milestone): what it offers to pick
/// from read from the record, the new record's id made from what the person names it, and on to the new record's page
/// once recorded.
/// </summary>
public abstract class NewRecordForm : WebForm
{
    /// <summary>
    /// The dialogue the new record is recorded in, whose records every picker of the form offers (ADR 0060): on opening, the one
    /// asked for (<c>?dialogue=</c>, or the dialogue of what the link picked in advance), else the default one; then posted back
    /// with the inputs. Another one is picked above the form, which opens again with that dialogue's choices.
    /// </summary>
    public string? DialogueId { get; set; }

    /// <summary>The dialogue picked on the dashboard the form was reached from, or above the form: the form starts with it.</summary>
    [BindProperty(SupportsGet = true)] public string? Dialogue { get; set; }

    /// <summary>Every dialogue on record, in the order opened (the first is the default).</summary>
    public IReadOnlyList<Dialogue> Dialogues { get; private set; } = [];

    /// <summary>The dialogue the form records in, when it is on record.</summary>
    public Dialogue? InDialogue => Dialogues.FirstOrDefault(d => d.Id == DialogueId);

    /// <summary>The parties of the dialogue the form records in, to be ticked.</summary>
    public IReadOnlyList<string> AllParties => InDialogue?.Parties ?? [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await using var read = HttpContext.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        Dialogues = await WebDialogues.InOrderOpenedAsync(read, ct);
        if (await LinkedAsync(read, ct) is { } missing) return NotOnRecord(missing);
        // A dialogue asked for that is not on record is not quietly replaced by another (as on the dashboard).
        if (!string.IsNullOrWhiteSpace(Dialogue) && Dialogues.All(d => d.Id != Dialogue)) return NotOnRecord(new RecordNotFound("dialogue", Dialogue));
        DialogueId = string.IsNullOrWhiteSpace(Dialogue) ? Dialogues.FirstOrDefault()?.Id : Dialogue;
        await LoadChoicesAsync(read, ct);
        Fill();
        NewToken();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await using (var read = HttpContext.RequestServices.GetRequiredService<IDocumentStore>().QuerySession())
        {
            Dialogues = await WebDialogues.InOrderOpenedAsync(read, ct);
            await LoadChoicesAsync(read, ct);
        }

        var (page, command) = await CommandAsync(ct);
        return await SendAsync(command, page, ct);
    }

    /// <summary>
    /// Follows what the link to the form picked in advance (a field's page links with <c>?field=</c>), setting
    /// <see cref="Dialogue"/> to its dialogue; the record the link names when it is not on record, else null.
    /// </summary>
    protected virtual Task<RecordNotFound?> LinkedAsync(IQuerySession read, CancellationToken ct) => Task.FromResult<RecordNotFound?>(null);

    /// <summary>The inputs as they start, when the form opens.</summary>
    protected virtual void Fill()
    {
    }

    /// <summary>The new record's page and the domain's command from the inputs, or a null command with <see cref="WebForm.Errors"/> saying why.</summary>
    protected abstract Task<(string Page, object? Command)> CommandAsync(CancellationToken ct);

    /// <summary>Reads what the form offers to pick from, beside the dialogues: the records of <see cref="DialogueId"/>, through <see cref="DialogueChoices"/>.</summary>
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
}
