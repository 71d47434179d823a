using Consultations.Domain.Meetings;
using Consultations.Host.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Consultations.Host.Web;

/// <summary>A form on one meeting (reschedule, hold, cancel): the meeting read, the version it was read at, back to its page once recorded.</summary>
public abstract class MeetingForm(Recorder recorder, WriteConditions conditions) : WebForm(recorder, conditions)
{
    public Meeting Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = (await Session.Events.FetchStreamStateAsync(id, ct))?.Version;
        Fill();
        NewToken();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var handle = Command(id);
        if (Errors.Count == 0 && handle is not null && await RecordAsync(handle, ct)) return Redirect($"/meetings/{id}");
        if (Errors.Count > 0 && Response.StatusCode == 200) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The inputs as the meeting reads now, when the form opens.</summary>
    protected virtual void Fill()
    {
    }

    /// <summary>The command from the inputs, or null with <see cref="WebForm.Errors"/> saying why.</summary>
    protected abstract Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id);

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        await using var read = HttpContext.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        var meeting = await read.LoadAsync<Meeting>(id, ct);
        if (meeting is null) return false;
        Meeting = meeting;
        return true;
    }
}
