using Consultations.Domain.Common;
using Consultations.Domain.CooperationFields;
using Consultations.Host.Infrastructure;
using Wolverine.Http;

namespace Consultations.Host.CooperationFields.RevisingScope;

public static class ReviseFieldScopeEndpoint
{
    public sealed record Request(string Title, string Scope, PartialDate EffectiveOn, string Reason);

    [WolverinePost("/api/fields/{code}/scope", OperationId = "reviseFieldScope"), Tags("Cooperation fields")]
    public static Task<Recorded> Post(string code, Request body, Recorder recorder, CancellationToken ct) =>
        Handle(new ReviseCooperationFieldScope(code, body.Title, body.Scope, body.EffectiveOn, body.Reason), recorder, ct);

    public static Task<Recorded> Handle(ReviseCooperationFieldScope command, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .FieldCode("fieldCode", command.FieldCode)
            .Text("title", command.Title, 200)
            .Text("scope", command.Scope, 4000)
            .Date("effectiveOn", command.EffectiveOn)
            .Text("reason", command.Reason, 2000)
            .ThrowIfAny();
        return recorder.DecideAsync<CooperationField>(command.FieldCode,
            (s, today) => CooperationFieldDecider.Decide(command, s, today), CooperationFieldDecider.Evolve, ct);
    }
}
