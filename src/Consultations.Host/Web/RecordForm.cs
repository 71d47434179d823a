using Consultations.Domain.ActionPlans;
using Consultations.Domain.Commitments;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;

namespace Consultations.Host.Web;

/// <summary>
/// A form on one record (a meeting's reschedule, a commitment's lead, …): the record read, the version it was read at, and
/// back to the record's page once recorded.
/// </summary>
public abstract class RecordForm<T>(Recorder recorder, WriteConditions conditions) : WebForm(recorder, conditions) where T : class
{
    public T Record { get; private set; } = null!;

    protected abstract string PageOf(string id);

    /// <summary>The record's kind in the record's words ("meeting", "joint statement"), for a 404 naming it.</summary>
    protected virtual string Kind => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(typeof(T).Name).Replace('-', ' ');

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotOnRecord(new RecordNotFound(Kind, id));
        Version = (await Session.Events.FetchStreamStateAsync(id, ct))?.Version;
        Fill();
        NewToken();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotOnRecord(new RecordNotFound(Kind, id));
        var handle = Command(id);
        if (Errors.Count == 0 && handle is not null && await RecordAsync(handle, ct)) return Redirect(PageOf(id));
        if (Errors.Count > 0 && Response.StatusCode == 200) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The inputs as the record reads now, when the form opens.</summary>
    protected virtual void Fill()
    {
    }

    /// <summary>The command from the inputs, or null with <see cref="WebForm.Errors"/> saying why.</summary>
    protected abstract Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id);

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

public abstract class MeetingForm(Recorder recorder, WriteConditions conditions) : RecordForm<Meeting>(recorder, conditions)
{
    public Meeting Meeting => Record;

    protected override string PageOf(string id) => $"/meetings/{id}";
}

public abstract class CommitmentForm(Recorder recorder, WriteConditions conditions) : RecordForm<Commitment>(recorder, conditions)
{
    public Commitment Commitment => Record;

    protected override string PageOf(string id) => $"/commitments/{id}";
}

public abstract class StatementForm(Recorder recorder, WriteConditions conditions) : RecordForm<JointStatement>(recorder, conditions)
{
    public JointStatement Statement => Record;

    protected override string PageOf(string id) => $"/statements/{id}";
}

public abstract class ActionPlanForm(Recorder recorder, WriteConditions conditions) : RecordForm<ActionPlan>(recorder, conditions)
{
    public ActionPlan Plan => Record;

    protected override string PageOf(string id) => $"/action-plans/{id}";
}
