namespace Consultations.Host.Dialogues;

public static class DialogueEndpoints
{
    [WolverinePost("/api/dialogues", OperationId = "openDialogue"), Tags("Dialogues")]
    public static Task<Recorded> Handle(OpenDialogue command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        return recorder.DecideAsync<Dialogue>(command.DialogueId, (s, today) => DialogueDecider.Decide(command, s, today), DialogueDecider.Evolve, ct);
    }

    /// <summary>The dialogues on record; <c>recordedAt</c>/<c>effectiveOn</c> replay them on those time axes.</summary>
    [WolverineGet("/api/dialogues", OperationId = "listDialogues"), Tags("Dialogues")]
    public static Task<Listed<Dialogue>> List(string? dialogue, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        Listing.ByIdAsync<Dialogue>(session, Axes.Read(recordedAt, effectiveOn, clock), dialogue, DialogueDecider.Evolve, d => d.Id, d => d.Id, ct);

    /// <summary>One dialogue; <c>recordedAt</c>/<c>effectiveOn</c> replay it on those time axes. With its <c>version</c> (the ETag) and its own <c>history</c>: every entry, voided and corrected ones marked.</summary>
    [WolverineGet("/api/dialogues/{id}", OperationId = "getDialogue"), Tags("Dialogues")]
    public static async Task<WithHistory<Dialogue>> Get(string id, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        await RecordHistory.FindAsync<Dialogue>(session, Axes.Read(recordedAt, effectiveOn, clock), id, DialogueDecider.Evolve, "dialogue", ct);
}
