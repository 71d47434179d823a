using Consultations.Domain.Dialogues;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.Dialogues.Opening;

public static class OpenDialogueEndpoint
{
    [WolverinePost("/api/dialogues", OperationId = "openDialogue"), Tags("Dialogues")]
    public static Task<Recorded> Handle(OpenDialogue command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("dialogueId", command.DialogueId)
            .Text("title", command.Title, 200)
            .Names("parties", command.Parties, min: 2)
            .OptionalText("subject", command.Subject, 2000)
            .Date("effectiveOn", command.EffectiveOn)
            .ThrowIfAny();
        return recorder.DecideAsync<Dialogue>(command.DialogueId, (s, today) => DialogueDecider.Decide(command, s, today), DialogueDecider.Evolve, ct);
    }
}
