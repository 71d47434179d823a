using Consultations.Domain.ActionPlans;
using Marten.Events.Aggregation;

namespace Consultations.Projections.ActionPlans;

/// <summary>Folds an action plan's stream into its progress. Every item event carries its field, so no look-ups.</summary>
public sealed partial class ActionPlanProgressProjection : SingleStreamProjection<ActionPlanProgress, string>
{
    public ActionPlanProgressProjection() => Name = "ActionPlanProgress";

    public ActionPlanProgress Create(ActionPlanAdopted e) => new()
    {
        Id = e.PlanId,
        DialogueId = e.DialogueId,
        Title = e.Title,
        PeriodFrom = e.PeriodFrom,
        PeriodTo = e.PeriodTo,
        AdoptedOn = e.EffectiveOn,
        LastActivityOn = e.EffectiveOn,
    };

    public void Apply(ActionPlanProgress p, ActionPlanItemAdded e)
    {
        p.Items.Add(ItemProgress.NotStarted, 1);
        p.Field(e.FieldCode).Items.Add(ItemProgress.NotStarted, 1);
        p.ItemLines.Add(new ItemLine { ItemId = e.ItemId, FieldCode = e.FieldCode, Text = e.Text, Progress = ItemProgress.NotStarted, LastChangedOn = e.EffectiveOn });
        p.Touched(e.EffectiveOn);
    }

    public void Apply(ActionPlanProgress p, ActionPlanItemProgressUpdated e) => Move(p, e.ItemId, e.FieldCode, e.From, e.To, e.EffectiveOn);

    public void Apply(ActionPlanProgress p, ActionPlanItemCompleted e) => Move(p, e.ItemId, e.FieldCode, e.From, ItemProgress.Completed, e.EffectiveOn);

    public void Apply(ActionPlanProgress p, ActionPlanItemDropped e) => Move(p, e.ItemId, e.FieldCode, e.From, ItemProgress.Dropped, e.EffectiveOn);

    public void Apply(ActionPlanProgress p, ActionPlanReaffirmed e)
    {
        p.Reaffirmations++;
        p.Touched(e.EffectiveOn);
    }

    private static void Move(ActionPlanProgress p, string itemId, string fieldCode, ItemProgress from, ItemProgress to, Domain.Common.PartialDate on)
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
