using Consultations.Domain.ActionPlans;
using Consultations.Domain.Commitments;
using Consultations.Domain.CooperationFields;
using Consultations.Domain.Dialogues;
using Consultations.Domain.Documents;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using Consultations.Domain.Milestones;
using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events.Aggregation;

namespace Consultations.Projections.Records;

// Each record's state is the domain's own fold, stored inline as a snapshot. Marten's source generator
// cannot see into the pure domain assembly, so the projections override DetermineActionAsync and call the domain,
// refolding the record's live entries when a void or correction arrives (Refolding, ADR 0023).

public sealed partial class DialogueProjection : SingleStreamProjection<Dialogue, string>
{
    public override ValueTask<(Dialogue?, ActionType)> DetermineActionAsync(IQuerySession session, Dialogue? snapshot, string identity,
        IIdentitySetter<Dialogue, string> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
        Refolding.StreamAsync(session, snapshot, identity, events, (s, e) => DialogueDecider.Evolve(s, e.Data), cancellation);
}

public sealed partial class CooperationFieldProjection : SingleStreamProjection<CooperationField, string>
{
    public override ValueTask<(CooperationField?, ActionType)> DetermineActionAsync(IQuerySession session, CooperationField? snapshot, string identity,
        IIdentitySetter<CooperationField, string> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
        Refolding.StreamAsync(session, snapshot, identity, events, (s, e) => CooperationFieldDecider.Evolve(s, e.Data), cancellation);
}

public sealed partial class MeetingProjection : SingleStreamProjection<Meeting, string>
{
    public override ValueTask<(Meeting?, ActionType)> DetermineActionAsync(IQuerySession session, Meeting? snapshot, string identity,
        IIdentitySetter<Meeting, string> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
        Refolding.StreamAsync(session, snapshot, identity, events, (s, e) => MeetingDecider.Evolve(s, e.Data), cancellation);
}

public sealed partial class JointStatementProjection : SingleStreamProjection<JointStatement, string>
{
    public override ValueTask<(JointStatement?, ActionType)> DetermineActionAsync(IQuerySession session, JointStatement? snapshot, string identity,
        IIdentitySetter<JointStatement, string> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
        Refolding.StreamAsync(session, snapshot, identity, events, (s, e) => JointStatementDecider.Evolve(s, e.Data), cancellation);
}

public sealed partial class ActionPlanProjection : SingleStreamProjection<ActionPlan, string>
{
    public override ValueTask<(ActionPlan?, ActionType)> DetermineActionAsync(IQuerySession session, ActionPlan? snapshot, string identity,
        IIdentitySetter<ActionPlan, string> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
        Refolding.StreamAsync(session, snapshot, identity, events, (s, e) => ActionPlanDecider.Evolve(s, e.Data), cancellation);
}

public sealed partial class CommitmentProjection : SingleStreamProjection<Commitment, string>
{
    public override ValueTask<(Commitment?, ActionType)> DetermineActionAsync(IQuerySession session, Commitment? snapshot, string identity,
        IIdentitySetter<Commitment, string> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
        Refolding.StreamAsync(session, snapshot, identity, events, (s, e) => CommitmentDecider.Evolve(s, e.Data), cancellation);
}

public sealed partial class DocumentProjection : SingleStreamProjection<Document, string>
{
    public override ValueTask<(Document?, ActionType)> DetermineActionAsync(IQuerySession session, Document? snapshot, string identity,
        IIdentitySetter<Document, string> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
        Refolding.StreamAsync(session, snapshot, identity, events, (s, e) => DocumentDecider.Evolve(s, e.Data), cancellation);
}

public sealed partial class MilestoneProjection : SingleStreamProjection<Milestone, string>
{
    public override ValueTask<(Milestone?, ActionType)> DetermineActionAsync(IQuerySession session, Milestone? snapshot, string identity,
        IIdentitySetter<Milestone, string> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
        Refolding.StreamAsync(session, snapshot, identity, events, (s, e) => MilestoneDecider.Evolve(s, e.Data), cancellation);
}
