using Consultations.Host.Documents;

namespace Consultations.Host.Commitments;

public static class CommitmentEndpoints
{
    /// <param name="TextIs">Whether the new text quotes the source or paraphrases it; left out, it is quoted only if it is the quote.</param>
    public sealed record AmendCommitmentRequest(string Text, PartialDate EffectiveOn, string Reason, Wording? TextIs = null);

    [WolverinePost("/api/commitments/{id}/amendments", OperationId = "amendCommitment"), Tags("Commitments")]
    public static Task<Recorded> Post(string id, AmendCommitmentRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new AmendCommitment(id, body.Text, body.EffectiveOn, body.Reason, body.TextIs), recorder, ct);

    public static Task<Recorded> Handle(AmendCommitment command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        return recorder.DecideAsync<Commitment>(command.CommitmentId,
            (s, today) => CommitmentDecider.Decide(command, s, today), CommitmentDecider.Evolve, ct);
    }

    /// <param name="SupersededBy">The commitment that replaces this one; only when `to` is superseded.</param>
    /// <param name="Evidence">Ids of registered documents that show the change.</param>
    public sealed record ChangeCommitmentStatusRequest(CommitmentStatus To, PartialDate EffectiveOn, string Reason, string? SupersededBy,
        IReadOnlyList<string>? Evidence = null);

    [WolverinePost("/api/commitments/{id}/status", OperationId = "changeCommitmentStatus"), Tags("Commitments")]
    public static Task<Recorded> Post(string id, ChangeCommitmentStatusRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new ChangeCommitmentStatus(id, body.To, body.EffectiveOn, body.Reason, body.SupersededBy, body.Evidence), recorder, ct);

    public static async Task<Recorded> Handle(ChangeCommitmentStatus command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        if (command.SupersededBy is { } successor && successor != command.CommitmentId)
        {
            var current = await recorder.LoadAsync<Commitment>(command.CommitmentId, ct) ?? throw new RecordNotFound("commitment", command.CommitmentId);
            var replacement = await recorder.ReferencedAsync<Commitment>("supersededBy", successor, "commitment", ct);
            RecorderReferences.SameDialogue("supersededBy", current.DialogueId, replacement.DialogueId, "commitment", successor);
            command = command with { SuccessorMade = new Precedent($"commitment '{successor}' was made", replacement.MadeOn) };
        }

        if (command.Evidence is { Count: > 0 } evidence)
        {
            var current = await recorder.LoadAsync<Commitment>(command.CommitmentId, ct) ?? throw new RecordNotFound("commitment", command.CommitmentId);
            await recorder.CitedAsync("evidence", evidence, current.DialogueId, ct);
        }

        return await recorder.DecideAsync<Commitment>(command.CommitmentId,
            (s, today) => CommitmentDecider.Decide(command, s, today), CommitmentDecider.Evolve, ct);
    }

    [WolverinePost("/api/commitments", OperationId = "makeCommitment"), Tags("Commitments")]
    public static async Task<Recorded> Handle(MakeCommitment command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        var dialogue = await recorder.ReferencedAsync<Dialogue>("dialogueId", command.DialogueId, "dialogue", ct);
        for (var i = 0; i < command.Parties.Count; i++)
        {
            if (!dialogue.Parties.Contains(command.Parties[i], StringComparer.Ordinal))
                throw InvalidCommand.For($"parties[{i}]", $"'{command.Parties[i]}' is not a party to dialogue '{dialogue.Id}'; its parties are {string.Join(", ", dialogue.Parties)}.");
        }

        var field = await recorder.ReferencedAsync<CooperationField>("fieldCode", command.FieldCode, "cooperation field", ct);
        RecorderReferences.SameDialogue("fieldCode", command.DialogueId, field.DialogueId, "cooperation field", field.Id);
        var source = await CommitmentEndpoints.VerifyAsync(recorder, command.Source, command.DialogueId, ct);
        if (command.Quote is { } quote && source is not null && !Passages.IsIn(quote, source.Text))
            throw InvalidCommand.For("quote", $"is not a passage of {source.Name}: quote it word for word.");
        // A commitment drawn from a statement comes from the statement's document unless it names another.
        command = command with
        {
            DocumentId = command.DocumentId ?? source?.DocumentId,
            SourceClauseField = source?.FieldCode,
            SourceMeeting = command.Source.Kind == SourceKind.Meeting ? await recorder.LoadAsync<Meeting>(command.Source.Id, ct) : null,
            Follows = [new($"dialogue '{dialogue.Id}' was opened", dialogue.OpenedOn), new($"cooperation field '{field.Id}' was defined", field.DefinedOn),
                .. await SourceSinceAsync(recorder, command.Source, ct) is { } since ? [since] : Array.Empty<Precedent>()],
        };
        await recorder.CitedAsync("documentId", command.DocumentId, command.DialogueId, ct);
        return await recorder.DecideAsync<Commitment>(command.CommitmentId,
            (s, today) => CommitmentDecider.Decide(command, s, today), CommitmentDecider.Evolve, ct);
    }

    /// <summary>
    /// The commitment register, filtered by dialogue, field and status (e.g. status=in-progress); <c>recordedAt</c>/<c>effectiveOn</c>
    /// replay it on those time axes (the register as it stood on a day, or as recorded at an instant).
    /// </summary>
    [WolverineGet("/api/commitments", OperationId = "listCommitments"), Tags("Commitments")]
    public static async Task<Listed<Commitment>> List(string? dialogue, string? field, string? status, string? recordedAt, string? effectiveOn,
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

        return Listing.InOrder(query, c => c.FieldCode, c => c.Id);
    }

    /// <summary>One commitment with its status history; <c>recordedAt</c>/<c>effectiveOn</c> replay it on those time axes. With its <c>version</c> (the ETag) and its own <c>history</c>: every entry, voided and corrected ones marked.</summary>
    [WolverineGet("/api/commitments/{id}", OperationId = "getCommitment"), Tags("Commitments")]
    public static async Task<WithHistory<Commitment>> Get(string id, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var axes = Axes.Read(recordedAt, effectiveOn, clock);
        return await RecordHistory.FindAsync<Commitment>(session, axes, id, CommitmentDecider.Evolve, "commitment", ct);
    }

    /// <param name="Party">One of the commitment's parties.</param>
    /// <param name="Progress">not-started, in-progress, delayed or completed: the party's own progress; the commitment's status does not move.</param>
    public sealed record ChangePartyProgressRequest(string Party, PartyProgress Progress, PartialDate EffectiveOn, string Reason);

    [WolverinePost("/api/commitments/{id}/party-progress", OperationId = "changePartyProgress"), Tags("Commitments")]
    public static Task<Recorded> Post(string id, ChangePartyProgressRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new ChangePartyProgress(id, body.Party, body.Progress, body.EffectiveOn, body.Reason), recorder, ct);

    public static Task<Recorded> Handle(ChangePartyProgress command, Recorder recorder, CancellationToken ct) =>
        recorder.DecideCommitment(command, command.CommitmentId, (s, today) => CommitmentFollowUp.Decide(command, s, today), ct);

    /// <param name="ReviewedOn">The date of the review the score was given at.</param>
    /// <param name="Score">-1 (no compliance), 0 (partial) or 1 (full).</param>
    /// <param name="Reason">Only to correct the score or justification already on record for the same review and party.</param>
    public sealed record AssessComplianceRequest(string Party, PartialDate ReviewedOn, int Score, string Justification, string? Reason);

    [WolverinePost("/api/commitments/{id}/assessments", OperationId = "assessCompliance"), Tags("Commitments")]
    public static Task<Recorded> Post(string id, AssessComplianceRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new AssessCompliance(id, body.Party, body.ReviewedOn, body.Score, body.Justification, body.Reason), recorder, ct);

    public static Task<Recorded> Handle(AssessCompliance command, Recorder recorder, CancellationToken ct) =>
        recorder.DecideCommitment(command, command.CommitmentId, (s, today) => CommitmentFollowUp.Decide(command, s, today), ct);

    /// <param name="Lead">The agency or office that leads the party's part.</param>
    /// <param name="Reason">Required when the party already has another lead.</param>
    public sealed record SetLeadRequest(string Party, string Lead, PartialDate EffectiveOn, string? Reason);

    [WolverinePost("/api/commitments/{id}/leads", OperationId = "setCommitmentLead"), Tags("Commitments")]
    public static Task<Recorded> Post(string id, SetLeadRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new SetCommitmentLead(id, body.Party, body.Lead, body.EffectiveOn, body.Reason), recorder, ct);

    public static Task<Recorded> Handle(SetCommitmentLead command, Recorder recorder, CancellationToken ct) =>
        recorder.DecideCommitment(command, command.CommitmentId, (s, today) => CommitmentFollowUp.Decide(command, s, today), ct);

    /// <param name="DueOn">When it falls due (a partial date; may be in the future).</param>
    public sealed record AddMilestoneRequest(string MilestoneId, string Title, PartialDate DueOn, PartialDate EffectiveOn);

    [WolverinePost("/api/commitments/{id}/milestones", OperationId = "addCommitmentMilestone"), Tags("Commitments")]
    public static Task<Recorded> Post(string id, AddMilestoneRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new AddCommitmentMilestone(id, body.MilestoneId, body.Title, body.DueOn, body.EffectiveOn), recorder, ct);

    public static Task<Recorded> Handle(AddCommitmentMilestone command, Recorder recorder, CancellationToken ct) =>
        recorder.DecideCommitment(command, command.CommitmentId, (s, today) => CommitmentFollowUp.Decide(command, s, today), ct);

    public sealed record MeetMilestoneRequest(string? Note, PartialDate EffectiveOn);

    [WolverinePost("/api/commitments/{id}/milestones/{milestoneId}/met", OperationId = "meetCommitmentMilestone"), Tags("Commitments")]
    public static Task<Recorded> Post(string id, string milestoneId, MeetMilestoneRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new MeetCommitmentMilestone(id, milestoneId, body.Note, body.EffectiveOn), recorder, ct);

    public static Task<Recorded> Handle(MeetCommitmentMilestone command, Recorder recorder, CancellationToken ct) =>
        recorder.DecideCommitment(command, command.CommitmentId, (s, today) => CommitmentFollowUp.Decide(command, s, today), ct);

    public sealed record RescheduleMilestoneRequest(PartialDate DueOn, PartialDate EffectiveOn, string Reason);

    [WolverinePost("/api/commitments/{id}/milestones/{milestoneId}/reschedule", OperationId = "rescheduleCommitmentMilestone"), Tags("Commitments")]
    public static Task<Recorded> Post(string id, string milestoneId, RescheduleMilestoneRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new RescheduleCommitmentMilestone(id, milestoneId, body.DueOn, body.EffectiveOn, body.Reason), recorder, ct);

    public static Task<Recorded> Handle(RescheduleCommitmentMilestone command, Recorder recorder, CancellationToken ct) =>
        recorder.DecideCommitment(command, command.CommitmentId, (s, today) => CommitmentFollowUp.Decide(command, s, today), ct);

    private static Task<Recorded> DecideCommitment(this Recorder recorder, ICommand command, string id, Func<Commitment?, DateOnly, IReadOnlyList<object>> decide,
        CancellationToken ct)
    {
        command.ThrowIfInvalid();
        return recorder.DecideAsync(id, decide, CommitmentDecider.Evolve, ct);
    }

    /// <summary>
    /// The day a commitment's source took effect, for a commitment not to be made before it (ADR 0053): a meeting's first day
    /// held (or the day it was arranged, while it is not held), the day a statement was drafted, the day a plan item was added.
    /// </summary>
    private static async Task<Precedent?> SourceSinceAsync(Recorder recorder, SourceRef source, CancellationToken ct)
    {
        switch (source.Kind)
        {
            case SourceKind.Clause or SourceKind.Statement:
                // A statement whose drafting day is not on record sets no bound: a commitment may come from its draft (ADR 0056).
                return await recorder.LoadAsync<JointStatement>(source.Id, ct) is { DraftedOn: { } drafted } statement
                    ? new Precedent($"joint statement '{statement.Id}' was drafted", drafted) : null;
            case SourceKind.Meeting:
                return await recorder.LoadAsync<Meeting>(source.Id, ct) switch
                {
                    { HeldDates: { } held } meeting => new Precedent($"meeting '{meeting.Id}' was held", held.From),
                    { ArrangedOn: { } arranged } meeting => new Precedent($"meeting '{meeting.Id}' was arranged", arranged),
                    _ => null,
                };
            case SourceKind.PlanItem:
                return await recorder.LoadAsync<ActionPlan>(source.Id, ct) is { } plan && plan.Items.FirstOrDefault(i => i.ItemId == source.Part) is { } item
                    ? new Precedent($"item '{item.ItemId}' of plan '{plan.Id}' was added", item.AddedOn) : null;
            default:
                return null;
        }
    }

    /// <summary>The text a commitment's source has on record, what to call it, and the document it belongs to.</summary>
    public sealed record SourceText(string Name, string? Text, string? DocumentId)
    {
        /// <summary>For a clause, its field.</summary>
        public string? FieldCode { get; init; }
    }

    /// <summary>
    /// A commitment's source must exist in the same dialogue: the clause, meeting, plan item or statement it comes from.
    /// Answers the source's text when the record holds one (a clause's, or a whole statement's), for quotes to be checked against.
    /// </summary>
    public static async Task<SourceText?> VerifyAsync(Recorder recorder, SourceRef source, string dialogueId, CancellationToken ct)
    {
        switch (source.Kind)
        {
            case SourceKind.Clause:
            {
                var statement = await recorder.ReferencedAsync<JointStatement>("source.id", source.Id, "joint statement", ct);
                RecorderReferences.SameDialogue("source.id", dialogueId, statement.DialogueId, "joint statement", statement.Id);
                if (!int.TryParse(source.Part, out var number) || statement.Clauses.All(c => c.Number != number))
                    throw InvalidCommand.For("source.part", $"Statement '{source.Id}' has no clause '{source.Part}'.");
                var clause = statement.Clauses.Single(c => c.Number == number);
                return new SourceText($"clause {number} of statement '{statement.Id}'", clause.Text, statement.DocumentId) { FieldCode = clause.FieldCode };
            }

            case SourceKind.Statement:
            {
                var statement = await recorder.ReferencedAsync<JointStatement>("source.id", source.Id, "joint statement", ct);
                RecorderReferences.SameDialogue("source.id", dialogueId, statement.DialogueId, "joint statement", statement.Id);
                return new SourceText($"statement '{statement.Id}'",
                    string.Join("\n", statement.Clauses.Select(c => c.Text).Prepend(statement.Preamble ?? "")), statement.DocumentId);
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

        return null;
    }
}
