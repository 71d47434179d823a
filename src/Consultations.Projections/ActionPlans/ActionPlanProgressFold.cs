namespace Consultations.Projections.ActionPlans;

/// <summary>
/// How an action plan's events build its progress, as pure functions. The async <see cref="ActionPlanProgressProjection"/>
/// and the auditors' replay both call <see cref="Evolve"/>, so the two cannot disagree.
/// </summary>
public static class ActionPlanProgressFold
{
    /// <summary>The events the progress reads; the projection subscribes to these only.</summary>
    public static IReadOnlyList<Type> EventTypes { get; } =
    [
        typeof(ActionPlanAdopted), typeof(ActionPlanItemAdded), typeof(ActionPlanItemProgressUpdated), typeof(ActionPlanItemCompleted),
        typeof(ActionPlanItemDropped), typeof(ActionPlanReaffirmed), typeof(EntryVoided),
    ];

    /// <summary>
    /// One event's effect on the plan's progress, as Marten applied the conventional methods this replaced:
    /// <see cref="ActionPlanAdopted"/> starts it (and is ignored once started); a later event with nothing started yet starts an empty one.
    /// </summary>
    public static ActionPlanProgress? Evolve(ActionPlanProgress? p, object e)
    {
        switch (e)
        {
            case ActionPlanAdopted x: return p ?? Create(x);
            case ActionPlanItemAdded x: Apply(p ??= new ActionPlanProgress(), x); return p;
            case ActionPlanItemProgressUpdated x: Move(p ??= new ActionPlanProgress(), x.ItemId, x.FieldCode, x.From, x.To, x.EffectiveOn); return p;
            case ActionPlanItemCompleted x: Move(p ??= new ActionPlanProgress(), x.ItemId, x.FieldCode, x.From, ItemProgress.Completed, x.EffectiveOn); return p;
            case ActionPlanItemDropped x: Move(p ??= new ActionPlanProgress(), x.ItemId, x.FieldCode, x.From, ItemProgress.Dropped, x.EffectiveOn); return p;
            case ActionPlanReaffirmed x: Apply(p ??= new ActionPlanProgress(), x); return p;
            default: return p;
        }
    }

    public static ActionPlanProgress Create(ActionPlanAdopted e) => new()
    {
        Id = e.PlanId,
        DialogueId = e.DialogueId,
        Title = e.Title,
        PeriodFrom = e.PeriodFrom,
        PeriodTo = e.PeriodTo,
        AdoptedOn = e.EffectiveOn,
        LastActivityOn = e.EffectiveOn,
    };

    public static void Apply(ActionPlanProgress p, ActionPlanItemAdded e)
    {
        p.Items.Add(ItemProgress.NotStarted, 1);
        p.Field(e.FieldCode).Items.Add(ItemProgress.NotStarted, 1);
        p.ItemLines.Add(new ItemLine { ItemId = e.ItemId, FieldCode = e.FieldCode, Text = e.Text, Progress = ItemProgress.NotStarted, LastChangedOn = e.EffectiveOn });
        p.Touched(e.EffectiveOn);
    }

    public static void Apply(ActionPlanProgress p, ActionPlanReaffirmed e)
    {
        p.Reaffirmations++;
        p.Touched(e.EffectiveOn);
    }

    private static void Move(ActionPlanProgress p, string itemId, string fieldCode, ItemProgress from, ItemProgress to, PartialDate on)
    {
        p.Items.Move(from, to);
        p.Field(fieldCode).Items.Move(from, to);
        if (p.ItemLines.FirstOrDefault(i => i.ItemId == itemId) is { } line)
        {
            line.Progress = to;
            line.LastChangedOn = on;
        }

        p.Touched(on);
    }
}
