using Consultations.Projections.Records;
using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using Marten;
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

    public override async ValueTask<(ActionPlanProgress?, ActionType)> DetermineActionAsync(IQuerySession session, ActionPlanProgress? snapshot, string identity,
        IIdentitySetter<ActionPlanProgress, string> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var (document, action) = await Refolding.StreamAsync(session, snapshot, identity, events, (s, e) => ActionPlanProgressFold.Evolve(s, e.Data), cancellation);
        if (document is not null) document.Id = identity;
        return (document, action);
    }
}
