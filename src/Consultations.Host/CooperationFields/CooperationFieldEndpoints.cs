using Consultations.Host.RecordFiles;
using Consultations.Host.Reports;
using Consultations.Projections.ActionPlans;
using Consultations.Projections.Fields;

namespace Consultations.Host.CooperationFields;

public static class CooperationFieldEndpoints
{
    [WolverinePost("/api/fields", OperationId = "defineField"), Tags("Cooperation fields")]
    [Step("define-field")]
    public static async Task<Recorded> Handle(DefineCooperationField command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        await recorder.ReferencedAsync<Dialogue>("dialogueId", command.DialogueId, "dialogue", ct);
        var fields = await recorder.Session.Query<CooperationField>().Where(f => f.DialogueId == command.DialogueId).ToListAsync(ct);
        var prefix = CooperationFieldDecider.PrefixOf(command.FieldCode);
        var prefixFields = prefix is null ? [] : await recorder.Session.Query<CooperationField>()
            .Where(f => f.DialogueId != command.DialogueId && f.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToListAsync(ct);
        command = command with { DialogueFields = fields, PrefixFields = prefixFields };
        return await recorder.DecideAsync<CooperationField>(command.FieldCode,
            (s, today) => CooperationFieldDecider.Decide(command, s, today), CooperationFieldDecider.Evolve, ct);
    }

    public sealed record ReviseFieldScopeRequest(string Title, string Scope, PartialDate EffectiveOn, string Reason);

    [WolverinePost("/api/fields/{code}/scope", OperationId = "reviseFieldScope"), Tags("Cooperation fields")]
    public static Task<Recorded> Post(string code, ReviseFieldScopeRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new ReviseCooperationFieldScope(code, body.Title, body.Scope, body.EffectiveOn, body.Reason), recorder, ct);

    [Step("revise-field-scope")]
    public static Task<Recorded> Handle(ReviseCooperationFieldScope command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        return recorder.DecideAsync<CooperationField>(command.FieldCode,
            (s, today) => CooperationFieldDecider.Decide(command, s, today), CooperationFieldDecider.Evolve, ct);
    }
}
