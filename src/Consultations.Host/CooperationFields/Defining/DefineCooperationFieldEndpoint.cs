using Consultations.Domain.CooperationFields;
using Consultations.Domain.Dialogues;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.CooperationFields.Defining;

public static class DefineCooperationFieldEndpoint
{
    [WolverinePost("/api/fields", OperationId = "defineField"), Tags("Cooperation fields")]
    public static async Task<Recorded> Handle(DefineCooperationField command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .FieldCode("fieldCode", command.FieldCode)
            .Id("dialogueId", command.DialogueId)
            .Number("number", command.Number, 1, 999)
            .Text("title", command.Title, 200)
            .Text("scope", command.Scope, 4000)
            .Date("effectiveOn", command.EffectiveOn)
            .ThrowIfAny();
        await recorder.ReferencedAsync<Dialogue>("dialogueId", command.DialogueId, "dialogue", ct);
        return await recorder.DecideAsync<CooperationField>(command.FieldCode,
            (s, today) => CooperationFieldDecider.Decide(command, s, today), CooperationFieldDecider.Evolve, ct);
    }
}
