using Consultations.Host.Commitments;

namespace Consultations.Host.Web.Pages;

/// <summary>Moves a commitment along its lifecycle through <see cref="CommitmentEndpoints.Handle(ChangeCommitmentStatus, Recorder, CancellationToken)"/>.</summary>
public sealed class CommitmentStatusModel : CommitmentForm
{
    public CommitmentStatus? To { get; set; }
    public string? Reason { get; set; }
    public string? SupersededBy { get; set; }
    public List<string> Evidence { get; set; } = [];

    public IReadOnlyList<CommitmentStatus> Next => CommitmentLifecycle.NextFrom(Commitment.Status);
    public IReadOnlyList<Commitment> Others { get; private set; } = [];
    public IReadOnlyList<Document> Documents { get; private set; } = [];

    protected override async Task LoadChoicesAsync(IQuerySession read, CancellationToken ct)
    {
        var (id, dialogueId) = (Record.Id, Record.DialogueId);
        Others = [.. (await read.Query<Commitment>().Where(c => c.DialogueId == dialogueId && c.Id != id).ToListAsync(ct)).OrderBy(c => c.Id, StringComparer.Ordinal)];
        Documents = [.. (await read.Query<Document>().Where(d => d.DialogueId == dialogueId).ToListAsync(ct)).OrderBy(d => d.Title, StringComparer.Ordinal)];
    }

    protected override object? Command(string id)
    {
        Require("to", To, "Pick the status it moves to.");
        var effectiveOn = EffectiveDay("is required: the day the change took effect.");
        return Errors.Count > 0 ? null
            : new ChangeCommitmentStatus(id, To!.Value, effectiveOn!.Value, Reason ?? "", OrNull(SupersededBy), Evidence.Count == 0 ? null : Evidence);
    }
}
