using Consultations.Domain.ActionPlans;
using Consultations.Domain.Common;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.ActionPlans.Reaffirming;

public static class ReaffirmActionPlanEndpoint
{
    /// <param name="By">The meeting or statement that reaffirmed the plan: {"kind": "meeting"|"statement", "id": ...}.</param>
    public sealed record Request(SourceRef By, string? Note, PartialDate EffectiveOn);

    [WolverinePost("/api/action-plans/{id}/reaffirmations", OperationId = "reaffirmActionPlan"), Tags("Action plans")]
    public static Task<Recorded> Post(string id, Request body, Recorder recorder, CancellationToken ct) =>
        Handle(new ReaffirmActionPlan(id, body.By, body.Note, body.EffectiveOn), recorder, ct);

    public static async Task<Recorded> Handle(ReaffirmActionPlan command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("planId", command.PlanId)
            .Id("by.id", command.By.Id)
            .OptionalText("note", command.Note, 4000)
            .Date("effectiveOn", command.EffectiveOn)
            .ThrowIfAny();
        var plan = await recorder.LoadAsync<ActionPlan>(command.PlanId, ct) ?? throw new RecordNotFound("action plan", command.PlanId);
        var dialogueId = command.By.Kind switch
        {
            SourceKind.Meeting => (await recorder.ReferencedAsync<Meeting>("by.id", command.By.Id, "meeting", ct)).DialogueId,
            SourceKind.Statement => (await recorder.ReferencedAsync<JointStatement>("by.id", command.By.Id, "joint statement", ct)).DialogueId,
            _ => throw InvalidCommand.For("by.kind", "A plan is reaffirmed by a meeting or a statement."),
        };
        RecorderReferences.SameDialogue("by.id", plan.DialogueId, dialogueId, Words.Of(command.By.Kind), command.By.Id);
        return await recorder.DecidePlan(command.PlanId, (s, today) => ActionPlanDecider.Decide(command, s, today), ct);
    }
}
