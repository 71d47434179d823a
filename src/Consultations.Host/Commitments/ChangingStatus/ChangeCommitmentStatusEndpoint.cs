using Consultations.Domain.Commitments;
using Consultations.Domain.Common;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.Commitments.ChangingStatus;

public static class ChangeCommitmentStatusEndpoint
{
    /// <param name="SupersededBy">The commitment that replaces this one; only when `to` is superseded.</param>
    public sealed record Request(CommitmentStatus To, PartialDate EffectiveOn, string Reason, string? SupersededBy);

    [WolverinePost("/api/commitments/{id}/status", OperationId = "changeCommitmentStatus"), Tags("Commitments")]
    public static Task<Recorded> Post(string id, Request body, Recorder recorder, CancellationToken ct) =>
        Handle(new ChangeCommitmentStatus(id, body.To, body.EffectiveOn, body.Reason, body.SupersededBy), recorder, ct);

    public static async Task<Recorded> Handle(ChangeCommitmentStatus command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("commitmentId", command.CommitmentId)
            .Date("effectiveOn", command.EffectiveOn)
            .Text("reason", command.Reason, 4000)
            .ThrowIfAny();
        if (command.SupersededBy is { } successor && successor != command.CommitmentId)
        {
            var current = await recorder.LoadAsync<Commitment>(command.CommitmentId, ct) ?? throw new RecordNotFound("commitment", command.CommitmentId);
            var replacement = await recorder.ReferencedAsync<Commitment>("supersededBy", successor, "commitment", ct);
            RecorderReferences.SameDialogue("supersededBy", current.DialogueId, replacement.DialogueId, "commitment", successor);
        }

        return await recorder.DecideAsync<Commitment>(command.CommitmentId,
            (s, today) => CommitmentDecider.Decide(command, s, today), CommitmentDecider.Evolve, ct);
    }
}
