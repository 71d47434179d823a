using Consultations.Domain.ActionPlans;
using Consultations.Domain.Commitments;
using Consultations.Domain.Common;
using Consultations.Domain.CooperationFields;
using Consultations.Domain.Dialogues;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using Consultations.Host.Auditing;
using Consultations.Host.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Consultations.Host.Commitments;

public static class CommitmentEndpoints
{
    public sealed record AmendCommitmentRequest(string Text, PartialDate EffectiveOn, string Reason);

    [WolverinePost("/api/commitments/{id}/amendments", OperationId = "amendCommitment"), Tags("Commitments")]
    public static Task<Recorded> Post(string id, AmendCommitmentRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new AmendCommitment(id, body.Text, body.EffectiveOn, body.Reason), recorder, ct);

    public static Task<Recorded> Handle(AmendCommitment command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        return recorder.DecideAsync<Commitment>(command.CommitmentId,
            (s, today) => CommitmentDecider.Decide(command, s, today), CommitmentDecider.Evolve, ct);
    }

    /// <param name="SupersededBy">The commitment that replaces this one; only when `to` is superseded.</param>
    public sealed record ChangeCommitmentStatusRequest(CommitmentStatus To, PartialDate EffectiveOn, string Reason, string? SupersededBy);

    [WolverinePost("/api/commitments/{id}/status", OperationId = "changeCommitmentStatus"), Tags("Commitments")]
    public static Task<Recorded> Post(string id, ChangeCommitmentStatusRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new ChangeCommitmentStatus(id, body.To, body.EffectiveOn, body.Reason, body.SupersededBy), recorder, ct);

    public static async Task<Recorded> Handle(ChangeCommitmentStatus command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        if (command.SupersededBy is { } successor && successor != command.CommitmentId)
        {
            var current = await recorder.LoadAsync<Commitment>(command.CommitmentId, ct) ?? throw new RecordNotFound("commitment", command.CommitmentId);
            var replacement = await recorder.ReferencedAsync<Commitment>("supersededBy", successor, "commitment", ct);
            RecorderReferences.SameDialogue("supersededBy", current.DialogueId, replacement.DialogueId, "commitment", successor);
        }

        return await recorder.DecideAsync<Commitment>(command.CommitmentId,
            (s, today) => CommitmentDecider.Decide(command, s, today), CommitmentDecider.Evolve, ct);
    }

    [WolverinePost("/api/commitments", OperationId = "makeCommitment"), Tags("Commitments")]
    public static async Task<Recorded> Handle(MakeCommitment command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        await recorder.ReferencedAsync<Dialogue>("dialogueId", command.DialogueId, "dialogue", ct);
        var field = await recorder.ReferencedAsync<CooperationField>("fieldCode", command.FieldCode, "cooperation field", ct);
        RecorderReferences.SameDialogue("fieldCode", command.DialogueId, field.DialogueId, "cooperation field", field.Id);
        await CommitmentEndpoints.VerifyAsync(recorder, command.Source, command.DialogueId, ct);
        return await recorder.DecideAsync<Commitment>(command.CommitmentId,
            (s, today) => CommitmentDecider.Decide(command, s, today), CommitmentDecider.Evolve, ct);
    }

    /// <summary>
    /// The commitment register, filtered by dialogue, field and status (e.g. status=in-progress); <c>recordedAt</c>/<c>effectiveOn</c>
    /// replay it on those time axes (the register as it stood on a day, or as recorded at an instant).
    /// </summary>
    [WolverineGet("/api/commitments", OperationId = "listCommitments"), Tags("Commitments")]
    public static async Task<IReadOnlyList<Commitment>> List(string? dialogue, string? field, string? status, string? recordedAt, string? effectiveOn,
        IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var query = await RecordAsOf.QueryAsync<Commitment>(session, Axes.Read(recordedAt, effectiveOn, clock), Subject.Of(dialogue, field), CommitmentDecider.Evolve, ct);
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(c => c.DialogueId == dialogue);
        if (!string.IsNullOrWhiteSpace(field)) query = query.Where(c => c.FieldCode == field);
        if (!string.IsNullOrWhiteSpace(status))
        {
            var wanted = QueryValues.Enum<CommitmentStatus>("status", status);
            query = query.Where(c => c.Status == wanted);
        }

        return [.. (await query.ListAsync(ct)).OrderBy(c => c.FieldCode, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    /// <summary>One commitment with its status history; <c>recordedAt</c>/<c>effectiveOn</c> replay it on those time axes. With its <c>version</c> (the ETag) and its own <c>history</c>: every entry, voided and corrected ones marked.</summary>
    [WolverineGet("/api/commitments/{id}", OperationId = "getCommitment"), Tags("Commitments")]
    public static async Task<WithHistory<Commitment>> Get(string id, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var axes = Axes.Read(recordedAt, effectiveOn, clock);
        return await RecordHistory.FindAsync<Commitment>(session, axes, id, CommitmentDecider.Evolve, "commitment", ct);
    }

    /// <summary>A commitment's source must exist in the same dialogue: the clause, meeting, plan item or statement it comes from.</summary>
    public static async Task VerifyAsync(Recorder recorder, SourceRef source, string dialogueId, CancellationToken ct)
    {
        switch (source.Kind)
        {
            case SourceKind.Clause:
            {
                var statement = await recorder.ReferencedAsync<JointStatement>("source.id", source.Id, "joint statement", ct);
                RecorderReferences.SameDialogue("source.id", dialogueId, statement.DialogueId, "joint statement", statement.Id);
                if (!int.TryParse(source.Part, out var number) || statement.Clauses.All(c => c.Number != number))
                    throw InvalidCommand.For("source.part", $"Statement '{source.Id}' has no clause '{source.Part}'.");
                break;
            }

            case SourceKind.Statement:
            {
                var statement = await recorder.ReferencedAsync<JointStatement>("source.id", source.Id, "joint statement", ct);
                RecorderReferences.SameDialogue("source.id", dialogueId, statement.DialogueId, "joint statement", statement.Id);
                break;
            }

            case SourceKind.Meeting:
            {
                var meeting = await recorder.ReferencedAsync<Meeting>("source.id", source.Id, "meeting", ct);
                RecorderReferences.SameDialogue("source.id", dialogueId, meeting.DialogueId, "meeting", meeting.Id);
                break;
            }

            case SourceKind.PlanItem:
            {
                var plan = await recorder.ReferencedAsync<ActionPlan>("source.id", source.Id, "action plan", ct);
                RecorderReferences.SameDialogue("source.id", dialogueId, plan.DialogueId, "action plan", plan.Id);
                if (plan.Items.All(i => i.ItemId != source.Part))
                    throw InvalidCommand.For("source.part", $"Action plan '{source.Id}' has no item '{source.Part}'.");
                break;
            }
        }
    }
}
