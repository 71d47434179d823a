using Consultations.Projections.Records;

namespace Consultations.Projections.ActionPlans;

/// <summary>Folds an action plan's stream into its progress (<see cref="ActionPlanProgressFold"/>). Every item event carries its field, so no look-ups.</summary>
public sealed class ActionPlanProgressProjection() : StreamViewProjection<ActionPlanProgress>("ActionPlanProgress",
    ActionPlanProgressFold.EventTypes, (s, e) => ActionPlanProgressFold.Evolve(s, e.Data), (d, id) => d.Id = id);
