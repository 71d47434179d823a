namespace Consultations.Host.Auditing.Correcting;

/// <summary>
/// Corrects the effective date of a commitment's status change that the record got wrong. Nothing recorded is
/// edited: a <see cref="CommitmentStatusChangeCorrected"/> naming the change (stream and version, as the audit trail
/// lists them) is appended, with its reason.
/// </summary>
public static class CorrectStatusChangeEndpoint
{
    /// <param name="Version">The version of the status change in the commitment's record (see GET /api/audit?record=ID).</param>
    public sealed record Request(long Version, PartialDate EffectiveOn, string Reason);

    [WolverinePost("/api/commitments/{id}/status-corrections", OperationId = "correctCommitmentStatusChange"), Tags("Corrections")]
    public static async Task<Recorded> Post(string id, Request body, Recorder recorder, CancellationToken ct)
    {
        new Check()
            .Id("commitmentId", id)
            .When(body.Version < 1, "version", "must be the version of a status change (1 or more).")
            .Date("effectiveOn", body.EffectiveOn)
            .Text("reason", body.Reason, 4000)
            .ThrowIfAny();
        var stored = (await recorder.Session.Events.FetchStreamAsync(id, version: body.Version, fromVersion: body.Version, token: ct))
            .FirstOrDefault(e => e.Version == body.Version);
        var corrects = new EventRef(id, body.Version, stored?.Id ?? Guid.Empty);
        var command = new CorrectCommitmentStatusChange(id, corrects, stored?.Data, body.EffectiveOn, body.Reason);
        return await recorder.DecideAsync<Commitment>(id, (s, today) => CommitmentDecider.Decide(command, s, today), CommitmentDecider.Evolve, ct);
    }
}
