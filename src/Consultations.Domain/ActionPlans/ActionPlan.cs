using System.Text.Json.Serialization;
using Consultations.Domain.Common;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;

namespace Consultations.Domain.ActionPlans;

public enum ItemProgress { NotStarted, OnTrack, Delayed, Completed, Dropped }

/// <param name="EffectiveOn">When the plan was adopted; null when the record does not know (a plan known only by its period).</param>
public sealed record ActionPlanAdopted(string PlanId, string DialogueId, string Title, PartialDate PeriodFrom, PartialDate PeriodTo, PartialDate? EffectiveOn) : IRecordEvent, IInEffectBy, IOnTimeline
{
    // A plan whose adoption date is unknown is known by its period: it counts from the period's first day at the latest.
    DateOnly? IInEffectBy.InEffectBy => EffectiveOn is null ? PeriodFrom.Earliest : null;
}

public sealed record ActionPlanItemAdded(string PlanId, string DialogueId, string ItemId, string FieldCode, string Text, PartialDate EffectiveOn) : IFieldEvent, IOnTimeline
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

public sealed record ActionPlanItemProgressUpdated(string PlanId, string DialogueId, string ItemId, string FieldCode, ItemProgress From, ItemProgress To, string Note, PartialDate EffectiveOn) : IFieldEvent, IOnTimeline
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

public sealed record ActionPlanItemCompleted(string PlanId, string DialogueId, string ItemId, string FieldCode, ItemProgress From, string? Note, PartialDate EffectiveOn) : IFieldEvent, IOnTimeline
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

public sealed record ActionPlanItemDropped(string PlanId, string DialogueId, string ItemId, string FieldCode, ItemProgress From, string Reason, PartialDate EffectiveOn) : IFieldEvent, IOnTimeline
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

/// <param name="By">The meeting or statement that reaffirmed the plan.</param>
public sealed record ActionPlanReaffirmed(string PlanId, string DialogueId, SourceRef By, string? Note, PartialDate EffectiveOn) : IRecordEvent, IOnTimeline, ITouchesMeeting;

/// <param name="EffectiveOn">When it was adopted; null (or left out) when the sources do not say.</param>
public sealed record AdoptActionPlan(string PlanId, string DialogueId, string Title, PartialDate PeriodFrom, PartialDate PeriodTo, PartialDate? EffectiveOn = null) : ICommand
{
    public void Check(Check check) => check
        .Id("planId", PlanId)
        .Id("dialogueId", DialogueId)
        .Text("title", Title, 300)
        .Date("periodFrom", PeriodFrom)
        .Date("periodTo", PeriodTo);
}

public sealed record AddActionPlanItem(string PlanId, string ItemId, string FieldCode, string Text, PartialDate EffectiveOn) : ICommand
{
    public void Check(Check check) => check
        .Id("planId", PlanId)
        .Id("itemId", ItemId)
        .FieldCode("fieldCode", FieldCode)
        .Text("text", Text, 4000)
        .Date("effectiveOn", EffectiveOn);

    /// <summary>The day the item's field was defined, as read from the record (null: not read).</summary>
    [JsonIgnore]
    public Precedent? Field { get; init; }
}

public sealed record UpdateActionPlanItemProgress(string PlanId, string ItemId, ItemProgress Progress, string Note, PartialDate EffectiveOn) : ICommand
{
    public void Check(Check check) => check
        .Id("planId", PlanId)
        .Id("itemId", ItemId)
        .Text("note", Note, 4000)
        .Date("effectiveOn", EffectiveOn);
}

public sealed record CompleteActionPlanItem(string PlanId, string ItemId, string? Note, PartialDate EffectiveOn) : ICommand
{
    public void Check(Check check) => check
        .Id("planId", PlanId)
        .Id("itemId", ItemId)
        .OptionalText("note", Note, 4000)
        .Date("effectiveOn", EffectiveOn);
}

public sealed record DropActionPlanItem(string PlanId, string ItemId, string Reason, PartialDate EffectiveOn) : ICommand
{
    public void Check(Check check) => check
        .Id("planId", PlanId)
        .Id("itemId", ItemId)
        .Text("reason", Reason, 4000)
        .Date("effectiveOn", EffectiveOn);
}

public sealed record ReaffirmActionPlan(string PlanId, SourceRef By, string? Note, PartialDate EffectiveOn) : ICommand
{
    public void Check(Check check) => check
        .Id("planId", PlanId)
        .Id("by.id", By.Id)
        .OptionalText("note", Note, 4000)
        .Date("effectiveOn", EffectiveOn);

    /// <summary>The meeting <see cref="By"/> names, as read from the record (null: not read, or not a meeting): it must be held.</summary>
    [JsonIgnore]
    public Meeting? ByMeeting { get; init; }

    /// <summary>The statement <see cref="By"/> names, as read from the record (null: not read, or not a statement): it must be adopted.</summary>
    [JsonIgnore]
    public JointStatement? ByStatement { get; init; }
}

public sealed record ActionPlanItem(string ItemId, string FieldCode, string Text, ItemProgress Progress, string? LastNote, PartialDate AddedOn, PartialDate LastChangedOn)
{
    public bool IsOpen => Progress is not (ItemProgress.Completed or ItemProgress.Dropped);

    public IReadOnlyList<PartyLead> Leads { get; init; } = [];

    public IReadOnlyList<DueMilestone> Milestones { get; init; } = [];
}

public sealed record Reaffirmation(SourceRef By, string? Note, PartialDate EffectiveOn);

/// <param name="AdoptedOn">Null when the record does not know when the plan was adopted.</param>
public sealed record ActionPlan(string Id, string DialogueId, string Title, PartialDate PeriodFrom, PartialDate PeriodTo, PartialDate? AdoptedOn,
    IReadOnlyList<ActionPlanItem> Items, IReadOnlyList<Reaffirmation> Reaffirmations);

public static class ActionPlanDecider
{
    public static IReadOnlyList<object> Decide(AdoptActionPlan command, ActionPlan? state, DateOnly today)
    {
        if (command.EffectiveOn is { } adopted) Rules.NotInFuture(adopted, today, "adoption date");
        Rules.InOrder(new DateSpan(command.PeriodFrom, command.PeriodTo), "plan period's");
        return Rules.StartOnce(state,
            s => s.DialogueId == command.DialogueId && s.Title == command.Title && s.PeriodFrom == command.PeriodFrom
                 && s.PeriodTo == command.PeriodTo && s.AdoptedOn == command.EffectiveOn,
            new ActionPlanAdopted(command.PlanId, command.DialogueId, command.Title, command.PeriodFrom, command.PeriodTo, command.EffectiveOn),
            "plan-adopted-once", $"Action plan '{command.PlanId}' is already adopted with other details.");
    }

    public static IReadOnlyList<object> Decide(AddActionPlanItem command, ActionPlan? state, DateOnly today)
    {
        var plan = Rules.Exists(state, "action plan", command.PlanId);
        Rules.NotInFuture(command.EffectiveOn, today);
        NotBeforeAdoption(plan, command.EffectiveOn);
        var existing = plan.Items.FirstOrDefault(i => i.ItemId == command.ItemId);
        if (existing is null)
        {
            // The plan's period is known where its adoption date is not (the 2024–2027 plan): an item starts within it.
            Precedent[] follows = [new($"period of plan '{plan.Id}' starts", plan.PeriodFrom), .. command.Field is { } field ? [field] : Array.Empty<Precedent>()];
            Precedents.NotBefore(command.EffectiveOn, follows, "item-added-after-its-field-and-period-start", "an item cannot be added");
        }

        if (existing is not null)
        {
            return existing.FieldCode == command.FieldCode && existing.Text == command.Text
                ? Rules.None
                : throw new RuleBroken("plan-item-ids-unique", $"Item '{command.ItemId}' of plan '{command.PlanId}' already exists with other text.");
        }

        return [new ActionPlanItemAdded(command.PlanId, plan.DialogueId, command.ItemId, command.FieldCode, command.Text, command.EffectiveOn)];
    }

    public static IReadOnlyList<object> Decide(UpdateActionPlanItemProgress command, ActionPlan? state, DateOnly today)
    {
        var (plan, item) = OpenItem(state, command.PlanId, command.ItemId, command.EffectiveOn, today);
        if (command.Progress is ItemProgress.Completed or ItemProgress.Dropped)
            throw new RuleBroken("complete-or-drop-explicitly", "Completing or dropping an item is its own command, with its own reason.", RuleKind.Invalid);
        if (item.Progress == command.Progress && item.LastNote == command.Note) return Rules.None;
        return [new ActionPlanItemProgressUpdated(plan.Id, plan.DialogueId, item.ItemId, item.FieldCode, item.Progress, command.Progress, command.Note, command.EffectiveOn)];
    }

    public static IReadOnlyList<object> Decide(CompleteActionPlanItem command, ActionPlan? state, DateOnly today)
    {
        if (state?.Items.FirstOrDefault(i => i.ItemId == command.ItemId) is { Progress: ItemProgress.Completed }) return Rules.None;
        var (plan, item) = OpenItem(state, command.PlanId, command.ItemId, command.EffectiveOn, today);
        return [new ActionPlanItemCompleted(plan.Id, plan.DialogueId, item.ItemId, item.FieldCode, item.Progress, command.Note, command.EffectiveOn)];
    }

    public static IReadOnlyList<object> Decide(DropActionPlanItem command, ActionPlan? state, DateOnly today)
    {
        if (state?.Items.FirstOrDefault(i => i.ItemId == command.ItemId) is { Progress: ItemProgress.Dropped }) return Rules.None;
        var (plan, item) = OpenItem(state, command.PlanId, command.ItemId, command.EffectiveOn, today);
        return [new ActionPlanItemDropped(plan.Id, plan.DialogueId, item.ItemId, item.FieldCode, item.Progress, command.Reason, command.EffectiveOn)];
    }

    public static IReadOnlyList<object> Decide(ReaffirmActionPlan command, ActionPlan? state, DateOnly today)
    {
        var plan = Rules.Exists(state, "action plan", command.PlanId);
        Rules.NotInFuture(command.EffectiveOn, today);
        NotBeforeAdoption(plan, command.EffectiveOn);
        if (command.By.Kind is not (SourceKind.Meeting or SourceKind.Statement))
            throw new RuleBroken("reaffirmed-by-meeting-or-statement", "A plan is reaffirmed by a meeting or a statement.", RuleKind.Invalid);
        if (plan.Reaffirmations.Any(r => r.By == command.By)) return Rules.None;
        SourcesOnRecord.MeetingHeld(command.By, command.ByMeeting, command.EffectiveOn, "a plan is reaffirmed by");
        SourcesOnRecord.StatementAdopted(command.By, command.ByStatement, command.EffectiveOn, "a plan is reaffirmed by");
        return [new ActionPlanReaffirmed(plan.Id, plan.DialogueId, command.By, command.Note, command.EffectiveOn)];
    }

    private static void NotBeforeAdoption(ActionPlan plan, PartialDate effectiveOn)
    {
        if (plan.AdoptedOn is { } adopted && effectiveOn.IsCertainlyBefore(adopted))
            throw new RuleBroken("plan-changes-after-adoption", $"Nothing can happen to plan '{plan.Id}' before it was adopted ({plan.AdoptedOn}).", RuleKind.Invalid);
    }

    private static (ActionPlan Plan, ActionPlanItem Item) OpenItem(ActionPlan? state, string planId, string itemId, PartialDate effectiveOn, DateOnly today)
    {
        var plan = Rules.Exists(state, "action plan", planId);
        var item = plan.Items.FirstOrDefault(i => i.ItemId == itemId) ?? throw new RecordNotFound("action plan item", $"{planId}/{itemId}");
        Rules.NotInFuture(effectiveOn, today);
        if (!item.IsOpen)
            throw new RuleBroken("closed-items-stay-closed", $"Item '{itemId}' is {Describe(item.Progress)}; it cannot change any more.");
        if (effectiveOn.IsCertainlyBefore(item.AddedOn))
            throw new RuleBroken("item-changes-after-it-was-added", $"Item '{itemId}' was added on {item.AddedOn}; it cannot change before that.", RuleKind.Invalid);
        return (plan, item);
    }

    private static string Describe(ItemProgress progress) => Words.Spoken(progress);

    public static ActionPlan? Evolve(ActionPlan? state, object @event) => @event switch
    {
        ActionPlanAdopted e => new ActionPlan(e.PlanId, e.DialogueId, e.Title, e.PeriodFrom, e.PeriodTo, e.EffectiveOn, [], []),
        ActionPlanItemAdded e when state is not null => state with
        {
            Items = state.Items.With(new ActionPlanItem(e.ItemId, e.FieldCode, e.Text, ItemProgress.NotStarted, null, e.EffectiveOn, e.EffectiveOn)),
        },
        ActionPlanItemProgressUpdated e when state is not null => Change(state, e.ItemId, i => i with { Progress = e.To, LastNote = e.Note, LastChangedOn = e.EffectiveOn }),
        ActionPlanItemCompleted e when state is not null => Change(state, e.ItemId, i => i with { Progress = ItemProgress.Completed, LastNote = e.Note ?? i.LastNote, LastChangedOn = e.EffectiveOn }),
        ActionPlanItemDropped e when state is not null => Change(state, e.ItemId, i => i with { Progress = ItemProgress.Dropped, LastNote = e.Reason, LastChangedOn = e.EffectiveOn }),
        ActionPlanReaffirmed e when state is not null => state with { Reaffirmations = state.Reaffirmations.With(new Reaffirmation(e.By, e.Note, e.EffectiveOn)) },
        _ => ActionItemFollowUp.Evolve(state, @event),
    };

    private static ActionPlan Change(ActionPlan plan, string itemId, Func<ActionPlanItem, ActionPlanItem> change) =>
        plan with { Items = plan.Items.Replace(i => i.ItemId == itemId, change) };
}
