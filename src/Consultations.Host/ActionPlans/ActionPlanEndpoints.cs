namespace Consultations.Host.ActionPlans;

public static class ActionPlanEndpoints
{
    public sealed record AddActionPlanItemRequest(string ItemId, string FieldCode, string Text, PartialDate EffectiveOn);

    [WolverinePost("/api/action-plans/{id}/items", OperationId = "addActionPlanItem"), Tags("Action plans")]
    public static Task<Recorded> Post(string id, AddActionPlanItemRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new AddActionPlanItem(id, body.ItemId, body.FieldCode, body.Text, body.EffectiveOn), recorder, ct);

    public static async Task<Recorded> Handle(AddActionPlanItem command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        var plan = await recorder.LoadAsync<ActionPlan>(command.PlanId, ct) ?? throw new RecordNotFound("action plan", command.PlanId);
        var field = await recorder.ReferencedAsync<CooperationField>("fieldCode", command.FieldCode, "cooperation field", ct);
        RecorderReferences.SameDialogue("fieldCode", plan.DialogueId, field.DialogueId, "cooperation field", field.Id);
        command = command with { Field = new($"cooperation field '{field.Id}' was defined", field.DefinedOn) };
        return await recorder.DecidePlan(command.PlanId, (s, today) => ActionPlanDecider.Decide(command, s, today), ct);
    }

    [WolverinePost("/api/action-plans", OperationId = "adoptActionPlan"), Tags("Action plans")]
    public static async Task<Recorded> Handle(AdoptActionPlan command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        await recorder.ReferencedAsync<Dialogue>("dialogueId", command.DialogueId, "dialogue", ct);
        return await recorder.DecidePlan(command.PlanId, (s, today) => ActionPlanDecider.Decide(command, s, today), ct);
    }

    public sealed record CompleteItemRequest(string? Note, PartialDate EffectiveOn);

    [WolverinePost("/api/action-plans/{id}/items/{itemId}/completion", OperationId = "completeActionPlanItem"), Tags("Action plans")]
    public static Task<Recorded> Post(string id, string itemId, CompleteItemRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new CompleteActionPlanItem(id, itemId, body.Note, body.EffectiveOn), recorder, ct);

    public static Task<Recorded> Handle(CompleteActionPlanItem command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        return recorder.DecidePlan(command.PlanId, (s, today) => ActionPlanDecider.Decide(command, s, today), ct);
    }

    public sealed record DropItemRequest(string Reason, PartialDate EffectiveOn);

    [WolverinePost("/api/action-plans/{id}/items/{itemId}/drop", OperationId = "dropActionPlanItem"), Tags("Action plans")]
    public static Task<Recorded> Post(string id, string itemId, DropItemRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new DropActionPlanItem(id, itemId, body.Reason, body.EffectiveOn), recorder, ct);

    public static Task<Recorded> Handle(DropActionPlanItem command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        return recorder.DecidePlan(command.PlanId, (s, today) => ActionPlanDecider.Decide(command, s, today), ct);
    }

    /// <summary>Action plans with their items; <c>recordedAt</c>/<c>effectiveOn</c> replay them on those time axes.</summary>
    [WolverineGet("/api/action-plans", OperationId = "listActionPlans"), Tags("Action plans")]
    public static Task<Listed<ActionPlan>> List(string? dialogue, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        Listing.ByIdAsync<ActionPlan>(session, Axes.Read(recordedAt, effectiveOn, clock), dialogue, ActionPlanDecider.Evolve, p => p.DialogueId, p => p.Id, ct);

    /// <summary>One action plan; <c>recordedAt</c>/<c>effectiveOn</c> replay it on those time axes. With its <c>version</c> (the ETag) and its own <c>history</c>: every entry, voided and corrected ones marked.</summary>
    [WolverineGet("/api/action-plans/{id}", OperationId = "getActionPlan"), Tags("Action plans")]
    public static async Task<WithHistory<ActionPlan>> Get(string id, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        await RecordHistory.FindAsync<ActionPlan>(session, Axes.Read(recordedAt, effectiveOn, clock), id, ActionPlanDecider.Evolve, "action plan", ct);

    /// <summary>One item of an action plan with the history of its own entries; <c>recordedAt</c>/<c>effectiveOn</c> replay it on those time axes.</summary>
    [WolverineGet("/api/action-plans/{id}/items/{itemId}", OperationId = "getActionPlanItem"), Tags("Action plans")]
    public static async Task<WithHistory<ActionPlanItem>> GetItem(string id, string itemId, string? recordedAt, string? effectiveOn, IQuerySession session,
        TimeProvider clock, CancellationToken ct)
    {
        var plan = await RecordHistory.FindAsync<ActionPlan>(session, Axes.Read(recordedAt, effectiveOn, clock), id, ActionPlanDecider.Evolve, "action plan", ct,
            e => e is IFieldEvent && ItemOf(e) == itemId);
        var item = plan.Record.Items.FirstOrDefault(i => i.ItemId == itemId) ?? throw new RecordNotFound("action plan item", $"{id}/{itemId}");
        return new WithHistory<ActionPlanItem>(item, plan.Version, plan.History);
    }

    private static string? ItemOf(object e) => e switch
    {
        ActionPlanItemAdded x => x.ItemId,
        ActionPlanItemProgressUpdated x => x.ItemId,
        ActionPlanItemCompleted x => x.ItemId,
        ActionPlanItemDropped x => x.ItemId,
        ActionPlanItemLeadSet x => x.ItemId,
        ActionPlanItemMilestoneAdded x => x.ItemId,
        ActionPlanItemMilestoneMet x => x.ItemId,
        ActionPlanItemMilestoneRescheduled x => x.ItemId,
        _ => null,
    };

    /// <param name="By">The meeting or statement that reaffirmed the plan: {"kind": "meeting"|"statement", "id": ...}.</param>
    public sealed record ReaffirmActionPlanRequest(SourceRef By, string? Note, PartialDate EffectiveOn);

    [WolverinePost("/api/action-plans/{id}/reaffirmations", OperationId = "reaffirmActionPlan"), Tags("Action plans")]
    public static Task<Recorded> Post(string id, ReaffirmActionPlanRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new ReaffirmActionPlan(id, body.By, body.Note, body.EffectiveOn), recorder, ct);

    public static async Task<Recorded> Handle(ReaffirmActionPlan command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        var plan = await recorder.LoadAsync<ActionPlan>(command.PlanId, ct) ?? throw new RecordNotFound("action plan", command.PlanId);
        string dialogueId;
        switch (command.By.Kind)
        {
            case SourceKind.Meeting:
                var meeting = await recorder.ReferencedAsync<Meeting>("by.id", command.By.Id, "meeting", ct);
                (dialogueId, command) = (meeting.DialogueId, command with { ByMeeting = meeting });
                break;
            case SourceKind.Statement:
                var statement = await recorder.ReferencedAsync<JointStatement>("by.id", command.By.Id, "joint statement", ct);
                (dialogueId, command) = (statement.DialogueId, command with { ByStatement = statement });
                break;
            default:
                throw InvalidCommand.For("by.kind", "A plan is reaffirmed by a meeting or a statement.");
        }

        RecorderReferences.SameDialogue("by.id", plan.DialogueId, dialogueId, Words.Of(command.By.Kind), command.By.Id);
        return await recorder.DecidePlan(command.PlanId, (s, today) => ActionPlanDecider.Decide(command, s, today), ct);
    }

    /// <param name="Progress">not-started, on-track or delayed; completing and dropping have their own routes.</param>
    public sealed record UpdateItemProgressRequest(ItemProgress Progress, string Note, PartialDate EffectiveOn);

    [WolverinePost("/api/action-plans/{id}/items/{itemId}/progress", OperationId = "updateActionPlanItemProgress"), Tags("Action plans")]
    public static Task<Recorded> Post(string id, string itemId, UpdateItemProgressRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new UpdateActionPlanItemProgress(id, itemId, body.Progress, body.Note, body.EffectiveOn), recorder, ct);

    public static Task<Recorded> Handle(UpdateActionPlanItemProgress command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        return recorder.DecidePlan(command.PlanId, (s, today) => ActionPlanDecider.Decide(command, s, today), ct);
    }

    /// <param name="Party">One of the dialogue's parties.</param>
    /// <param name="Lead">The agency or office that leads the party's part.</param>
    /// <param name="Reason">Required when the party already has another lead.</param>
    public sealed record SetItemLeadRequest(string Party, string Lead, PartialDate EffectiveOn, string? Reason);

    [WolverinePost("/api/action-plans/{id}/items/{itemId}/leads", OperationId = "setActionItemLead"), Tags("Action plans")]
    public static Task<Recorded> Post(string id, string itemId, SetItemLeadRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new SetActionItemLead(id, itemId, body.Party, body.Lead, body.EffectiveOn, body.Reason), recorder, ct);

    public static async Task<Recorded> Handle(SetActionItemLead command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        var plan = await recorder.LoadAsync<ActionPlan>(command.PlanId, ct) ?? throw new RecordNotFound("action plan", command.PlanId);
        var dialogue = await recorder.LoadAsync<Dialogue>(plan.DialogueId, ct) ?? throw new RecordNotFound("dialogue", plan.DialogueId);
        // The party as the dialogue names it, so that "japan" and "Japan" are one party.
        var party = dialogue.Parties.FirstOrDefault(p => string.Equals(p, command.Party.Trim(), StringComparison.OrdinalIgnoreCase))
                    ?? throw InvalidCommand.For("party", $"'{command.Party}' is not a party to dialogue '{dialogue.Id}'; its parties are {string.Join(", ", dialogue.Parties)}.");
        var named = command with { Party = party };
        return await recorder.DecidePlan(command.PlanId, (s, today) => ActionItemFollowUp.Decide(named, s, today), ct);
    }

    /// <param name="DueOn">When it falls due (a partial date; may be in the future).</param>
    public sealed record AddItemMilestoneRequest(string MilestoneId, string Title, PartialDate DueOn, PartialDate EffectiveOn);

    [WolverinePost("/api/action-plans/{id}/items/{itemId}/milestones", OperationId = "addActionItemMilestone"), Tags("Action plans")]
    public static Task<Recorded> Post(string id, string itemId, AddItemMilestoneRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new AddActionItemMilestone(id, itemId, body.MilestoneId, body.Title, body.DueOn, body.EffectiveOn), recorder, ct);

    public static Task<Recorded> Handle(AddActionItemMilestone command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        return recorder.DecidePlan(command.PlanId, (s, today) => ActionItemFollowUp.Decide(command, s, today), ct);
    }

    public sealed record MeetItemMilestoneRequest(string? Note, PartialDate EffectiveOn);

    [WolverinePost("/api/action-plans/{id}/items/{itemId}/milestones/{milestoneId}/met", OperationId = "meetActionItemMilestone"), Tags("Action plans")]
    public static Task<Recorded> Post(string id, string itemId, string milestoneId, MeetItemMilestoneRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new MeetActionItemMilestone(id, itemId, milestoneId, body.Note, body.EffectiveOn), recorder, ct);

    public static Task<Recorded> Handle(MeetActionItemMilestone command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        return recorder.DecidePlan(command.PlanId, (s, today) => ActionItemFollowUp.Decide(command, s, today), ct);
    }

    public sealed record RescheduleItemMilestoneRequest(PartialDate DueOn, PartialDate EffectiveOn, string Reason);

    [WolverinePost("/api/action-plans/{id}/items/{itemId}/milestones/{milestoneId}/reschedule", OperationId = "rescheduleActionItemMilestone"), Tags("Action plans")]
    public static Task<Recorded> Post(string id, string itemId, string milestoneId, RescheduleItemMilestoneRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new RescheduleActionItemMilestone(id, itemId, milestoneId, body.DueOn, body.EffectiveOn, body.Reason), recorder, ct);

    public static Task<Recorded> Handle(RescheduleActionItemMilestone command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        return recorder.DecidePlan(command.PlanId, (s, today) => ActionItemFollowUp.Decide(command, s, today), ct);
    }

    public static Task<Recorded> DecidePlan(this Recorder recorder, string planId, Func<ActionPlan?, DateOnly, IReadOnlyList<object>> decide, CancellationToken ct) =>
        recorder.DecideAsync(planId, decide, ActionPlanDecider.Evolve, ct);
}
