using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Consultations.Projections.ActionPlans;

/// <summary>
/// Folds an action plan's stream into its progress. Every item event carries its field, so no look-ups. The fold itself is
/// <see cref="ActionPlanProgressFold"/>, shared with the auditors' replay: change it there, never here.
/// </summary>
public sealed partial class ActionPlanProgressProjection : SingleStreamProjection<ActionPlanProgress, string>
{
    public ActionPlanProgressProjection()
    {
        Name = "ActionPlanProgress";
        // An overridden Evolve hides from Marten which events it reads: name them, so the daemon loads only those.
        foreach (var type in ActionPlanProgressFold.EventTypes) IncludeType(type);
    }

    public override ActionPlanProgress? Evolve(ActionPlanProgress? snapshot, string id, IEvent e) => ActionPlanProgressFold.Evolve(snapshot, e.Data);
}
