using Consultations.Domain.Common;
using Consultations.Domain.CooperationFields;
using Consultations.Domain.JointStatements;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.JointStatements.AddingClauses;

public static class AddClauseEndpoint
{
    public sealed record Request(int Number, string FieldCode, string Heading, string Text, PartialDate EffectiveOn);

    [WolverinePost("/api/statements/{id}/clauses", OperationId = "addClause"), Tags("Joint statements")]
    public static Task<Recorded> Post(string id, Request body, Recorder recorder, CancellationToken ct) =>
        Handle(new AddClause(id, body.Number, body.FieldCode, body.Heading, body.Text, body.EffectiveOn), recorder, ct);

    public static async Task<Recorded> Handle(AddClause command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("statementId", command.StatementId)
            .Number("number", command.Number, 1, 999)
            .FieldCode("fieldCode", command.FieldCode)
            .Text("heading", command.Heading, 300)
            .Text("text", command.Text, 20000)
            .Date("effectiveOn", command.EffectiveOn)
            .ThrowIfAny();
        var statement = await recorder.LoadAsync<JointStatement>(command.StatementId, ct) ?? throw new RecordNotFound("joint statement", command.StatementId);
        var field = await recorder.ReferencedAsync<CooperationField>("fieldCode", command.FieldCode, "cooperation field", ct);
        RecorderReferences.SameDialogue("fieldCode", statement.DialogueId, field.DialogueId, "cooperation field", field.Id);
        return await recorder.DecideAsync<JointStatement>(command.StatementId,
            (s, today) => JointStatementDecider.Decide(command, s, today), JointStatementDecider.Evolve, ct);
    }
}
