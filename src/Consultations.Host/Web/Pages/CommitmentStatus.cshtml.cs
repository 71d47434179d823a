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
        Others = [.. (await DialogueChoices.CommitmentsAsync(read, dialogueId, ct)).Where(c => c.Id != id)];
        Documents = await DialogueChoices.DocumentsAsync(read, dialogueId, ct);
    }

    protected override object? Command(string id)
    {
        Require("to", To, "Pick the status it moves to.");
        var effectiveOn = EffectiveDay("is required: the day the change took effect.");
        return Errors.Count > 0 ? null
            : new ChangeCommitmentStatus(id, To!.Value, effectiveOn!.Value, Reason ?? "", OrNull(SupersededBy), Evidence.Count == 0 ? null : Evidence);
    }
}
