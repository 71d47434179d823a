using Consultations.Domain.Commitments;
using Consultations.Domain.CooperationFields;
using Consultations.Domain.Dialogues;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.Commitments.Making;

public static class MakeCommitmentEndpoint
{
    [WolverinePost("/api/commitments", OperationId = "makeCommitment"), Tags("Commitments")]
    public static async Task<Recorded> Handle(MakeCommitment command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("commitmentId", command.CommitmentId)
            .Id("dialogueId", command.DialogueId)
            .FieldCode("fieldCode", command.FieldCode)
            .Text("text", command.Text, 8000)
            .Names("parties", command.Parties, min: 1)
            .Names("agencies", command.Agencies)
            .Names("programmes", command.Programmes)
            .Text("source.id", command.Source.Id, 80)
            .OptionalText("source.part", command.Source.Part, 80)
            .Date("effectiveOn", command.EffectiveOn)
            .ThrowIfAny();
        await recorder.ReferencedAsync<Dialogue>("dialogueId", command.DialogueId, "dialogue", ct);
        var field = await recorder.ReferencedAsync<CooperationField>("fieldCode", command.FieldCode, "cooperation field", ct);
        RecorderReferences.SameDialogue("fieldCode", command.DialogueId, field.DialogueId, "cooperation field", field.Id);
        await CommitmentSources.VerifyAsync(recorder, command.Source, command.DialogueId, ct);
        return await recorder.DecideAsync<Commitment>(command.CommitmentId,
            (s, today) => CommitmentDecider.Decide(command, s, today), CommitmentDecider.Evolve, ct);
    }
}
