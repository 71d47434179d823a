using Consultations.Domain.ActionPlans;
using Consultations.Domain.Commitments;
using Consultations.Domain.CooperationFields;
using Consultations.Domain.Dialogues;
using Consultations.Domain.Documents;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using Consultations.Domain.Milestones;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Consultations.Projections.Records;

// Each record's state is the domain's own fold, stored inline as a snapshot. Marten's source generator
// cannot see into the pure domain assembly, so the projections override Evolve and call the domain.

public sealed partial class DialogueProjection : SingleStreamProjection<Dialogue, string>
{
    public override Dialogue? Evolve(Dialogue? snapshot, string id, IEvent e) => DialogueDecider.Evolve(snapshot, e.Data);
}

public sealed partial class CooperationFieldProjection : SingleStreamProjection<CooperationField, string>
{
    public override CooperationField? Evolve(CooperationField? snapshot, string id, IEvent e) => CooperationFieldDecider.Evolve(snapshot, e.Data);
}

public sealed partial class MeetingProjection : SingleStreamProjection<Meeting, string>
{
    public override Meeting? Evolve(Meeting? snapshot, string id, IEvent e) => MeetingDecider.Evolve(snapshot, e.Data);
}

public sealed partial class JointStatementProjection : SingleStreamProjection<JointStatement, string>
{
    public override JointStatement? Evolve(JointStatement? snapshot, string id, IEvent e) => JointStatementDecider.Evolve(snapshot, e.Data);
}

public sealed partial class ActionPlanProjection : SingleStreamProjection<ActionPlan, string>
{
    public override ActionPlan? Evolve(ActionPlan? snapshot, string id, IEvent e) => ActionPlanDecider.Evolve(snapshot, e.Data);
}

public sealed partial class CommitmentProjection : SingleStreamProjection<Commitment, string>
{
    public override Commitment? Evolve(Commitment? snapshot, string id, IEvent e) => CommitmentDecider.Evolve(snapshot, e.Data);
}

public sealed partial class DocumentProjection : SingleStreamProjection<Document, string>
{
    public override Document? Evolve(Document? snapshot, string id, IEvent e) => DocumentDecider.Evolve(snapshot, e.Data);
}

public sealed partial class MilestoneProjection : SingleStreamProjection<Milestone, string>
{
    public override Milestone? Evolve(Milestone? snapshot, string id, IEvent e) => MilestoneDecider.Evolve(snapshot, e.Data);
}
