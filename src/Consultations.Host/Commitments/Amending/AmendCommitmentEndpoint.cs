using Consultations.Domain.Commitments;
using Consultations.Domain.Common;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.Commitments.Amending;

public static class AmendCommitmentEndpoint
{
    public sealed record Request(string Text, PartialDate EffectiveOn, string Reason);

    [WolverinePost("/api/commitments/{id}/amendments", OperationId = "amendCommitment"), Tags("Commitments")]
    public static Task<Recorded> Post(string id, Request body, Recorder recorder, CancellationToken ct) =>
        Handle(new AmendCommitment(id, body.Text, body.EffectiveOn, body.Reason), recorder, ct);

    public static Task<Recorded> Handle(AmendCommitment command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("commitmentId", command.CommitmentId)
            .Text("text", command.Text, 8000)
            .Date("effectiveOn", command.EffectiveOn)
            .Text("reason", command.Reason, 4000)
            .ThrowIfAny();
        return recorder.DecideAsync<Commitment>(command.CommitmentId,
            (s, today) => CommitmentDecider.Decide(command, s, today), CommitmentDecider.Evolve, ct);
    }
}
