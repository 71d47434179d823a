using Consultations.Domain.Dialogues;
using Consultations.Domain.JointStatements;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.JointStatements.Drafting;

public static class DraftJointStatementEndpoint
{
    [WolverinePost("/api/statements", OperationId = "draftStatement"), Tags("Joint statements")]
    public static async Task<Recorded> Handle(DraftJointStatement command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("statementId", command.StatementId)
            .Id("dialogueId", command.DialogueId)
            .Text("title", command.Title, 300)
            .OptionalText("preamble", command.Preamble, 20000)
            .Date("effectiveOn", command.EffectiveOn)
            .ThrowIfAny();
        await recorder.ReferencedAsync<Dialogue>("dialogueId", command.DialogueId, "dialogue", ct);
        return await recorder.DecideAsync<JointStatement>(command.StatementId,
            (s, today) => JointStatementDecider.Decide(command, s, today), JointStatementDecider.Evolve, ct);
    }
}
