using Consultations.Host.Documents;

namespace Consultations.Host.Milestones;

public static class MilestoneEndpoints
{
    /// <summary>
    /// Records a dated milestone its source names (an anniversary, a chairmanship, a conference). <c>dates</c> may be in
    /// the future: a planned milestone is a plan. <c>effectiveOn</c> is when the record knows it from (its source's date).
    /// </summary>
    [WolverinePost("/api/milestones", OperationId = "recordMilestone"), Tags("Milestones")]
    public static async Task<Recorded> Handle(RecordMilestone command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        await recorder.ReferencedAsync<Dialogue>("dialogueId", command.DialogueId, "dialogue", ct);
        var fields = command.FieldCodes ?? [];
        for (var i = 0; i < fields.Count; i++)
        {
            var field = await recorder.ReferencedAsync<CooperationField>($"fieldCodes[{i}]", fields[i], "cooperation field", ct);
            RecorderReferences.SameDialogue($"fieldCodes[{i}]", command.DialogueId, field.DialogueId, "cooperation field", field.Id);
        }

        if (await recorder.CitedAsync("documentId", command.DocumentId, command.DialogueId, ct) is { } document)
            command = command with { Follows = [new($"document '{document.Id}' was issued", document.Date)] };
        return await recorder.DecideAsync<Milestone>(command.MilestoneId, (s, today) => MilestoneDecider.Decide(command, s, today), MilestoneDecider.Evolve, ct);
    }

    /// <summary>Milestones in date order (the shorter first when two start together); <c>recordedAt</c>/<c>effectiveOn</c> replay them on those time axes.</summary>
    [WolverineGet("/api/milestones", OperationId = "listMilestones"), Tags("Milestones")]
    public static async Task<Listed<Milestone>> List(string? dialogue, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var query = await RecordAsOf.QueryAsync<Milestone>(session, Axes.Read(recordedAt, effectiveOn, clock), Subject.Of(dialogue), MilestoneDecider.Evolve, ct);
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(m => m.DialogueId == dialogue);
        return Listed<Milestone>.Of([.. (await query.ListAsync(ct)).OrderBy(m => m.Dates.From).ThenBy(m => m.Dates.End).ThenBy(m => m.Id, StringComparer.Ordinal)]);
    }

    /// <summary>One milestone; <c>recordedAt</c>/<c>effectiveOn</c> replay it on those time axes.</summary>
    [WolverineGet("/api/milestones/{id}", OperationId = "getMilestone"), Tags("Milestones")]
    public static async Task<WithHistory<Milestone>> Get(string id, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        await RecordHistory.FindAsync<Milestone>(session, Axes.Read(recordedAt, effectiveOn, clock), id, MilestoneDecider.Evolve, "milestone", ct);
}
