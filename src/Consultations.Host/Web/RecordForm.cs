namespace Consultations.Host.Web;

/// <summary>
/// A form on one record (a meeting's reschedule, a commitment's lead, …): the record read, the version it was read at, and
/// back to the record's page (<paramref name="pages"/>/id) once recorded.
/// </summary>
public abstract class RecordForm<T>(string pages) : WebForm where T : class
{
    public T Record { get; private set; } = null!;

    /// <summary>The record's kind in the record's words ("meeting", "joint statement"), for a 404 naming it.</summary>
    protected virtual string Kind => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(typeof(T).Name).Replace('-', ' ');

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotOnRecord(new RecordNotFound(Kind, id));
        if (NotPickable() is { } missing) return NotOnRecord(missing);
        if (RefusedHere() is { } refused) return Refused(refused, $"{pages}/{Uri.EscapeDataString(id)}");
        await OpenAsync(id, ct);
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        return await LoadAsync(id, ct) ? await SendAsync(Command(id), $"{pages}/{id}", ct) : NotOnRecord(new RecordNotFound(Kind, id));
    }

    /// <summary>The inputs as the record reads now, when the form opens.</summary>
    protected virtual void Fill()
    {
    }

    /// <summary>A choice the link to the form made in advance (<c>?itemId=</c>) that the record does not offer; null when there is none.</summary>
    protected virtual RecordNotFound? NotPickable() => null;

    /// <summary>The rule the record's state breaks for any input of this form (a held meeting cancelled); null when the form can record.</summary>
    protected virtual RuleBroken? RefusedHere() => null;

    /// <summary>The domain's command from the inputs, or null with <see cref="WebForm.Errors"/> saying why.</summary>
    protected abstract object? Command(string id);

    /// <summary>Reads what the form offers to pick from, beside the record.</summary>
    protected virtual Task LoadChoicesAsync(IQuerySession read, CancellationToken ct) => Task.CompletedTask;

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(id)) return false;
        await using var read = HttpContext.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        var record = await read.LoadAsync<T>(id, ct);
        if (record is null) return false;
        Record = record;
        await LoadChoicesAsync(read, ct);
        return true;
    }
}

public abstract class MeetingForm() : RecordForm<Meeting>("/meetings")
{
    public Meeting Meeting => Record;
}

public abstract class CommitmentForm() : RecordForm<Commitment>("/commitments")
{
    public Commitment Commitment => Record;
}

public abstract class StatementForm() : RecordForm<JointStatement>("/statements")
{
    public JointStatement Statement => Record;
}

public abstract class ActionPlanForm() : RecordForm<ActionPlan>("/action-plans")
{
    public ActionPlan Plan => Record;
}
