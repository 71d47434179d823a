using Consultations.Domain.Commitments;
using Consultations.Domain.Documents;
using Consultations.Host.Commitments;

namespace Consultations.Host.Web.Pages;

/// <summary>Moves a commitment along its lifecycle through <see cref="CommitmentEndpoints.Handle(ChangeCommitmentStatus, Recorder, CancellationToken)"/>.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class CommitmentStatusModel(Recorder recorder, WriteConditions conditions) : WebForm(recorder, conditions)
{
    [BindProperty] public CommitmentStatus? To { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? StatusEffectiveOn { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? SupersededBy { get; set; }
    [BindProperty] public List<string> Evidence { get; set; } = [];

    public Commitment Commitment { get; private set; } = null!;
    public IReadOnlyList<CommitmentStatus> Next { get; private set; } = [];
    public IReadOnlyList<Commitment> Others { get; private set; } = [];
    public IReadOnlyList<Document> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotOnRecord(new RecordNotFound("commitment", id));
        Version = (await Session.Events.FetchStreamStateAsync(id, ct))?.Version;
        NewToken();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotOnRecord(new RecordNotFound("commitment", id));
        Require("to", To, "Pick the status it moves to.");
        var effectiveOn = RequiredDate("effectiveOn", StatusEffectiveOn, "is required: the day the change took effect.");
        if (Errors.Count == 0
            && await RecordAsync((r, c) => CommitmentEndpoints.Handle(new ChangeCommitmentStatus(id, To!.Value, effectiveOn!.Value, Reason ?? "",
                OrNull(SupersededBy), Evidence.Count == 0 ? null : Evidence), r, c), ct))
            return Redirect($"/commitments/{id}");
        if (Errors.Count > 0 && Response.StatusCode == 200) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(id)) return false;
        await using var read = HttpContext.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        var commitment = await read.LoadAsync<Commitment>(id, ct);
        if (commitment is null) return false;
        Commitment = commitment;
        Next = CommitmentLifecycle.NextFrom(commitment.Status);
        Others = [.. (await read.Query<Commitment>().Where(c => c.DialogueId == commitment.DialogueId && c.Id != id).ToListAsync(ct)).OrderBy(c => c.Id, StringComparer.Ordinal)];
        Documents = [.. (await read.Query<Document>().Where(d => d.DialogueId == commitment.DialogueId).ToListAsync(ct)).OrderBy(d => d.Title, StringComparer.Ordinal)];
        return true;
    }
}
