using Consultations.Domain.ActionPlans;
using Consultations.Domain.Commitments;
using Consultations.Domain.CooperationFields;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using Marten.Events.Projections;

namespace Consultations.Projections.Fields;

/// <summary>
/// Folds every event that concerns a field into that field's status. Events carry their field codes. The fold
/// itself is <see cref="FieldStatusFold"/>, shared with the auditors' replay: change how an event moves a field
/// there, never here, or replays and the stored status would disagree.
/// </summary>
public sealed partial class FieldStatusProjection : MultiStreamProjection<FieldStatus, string>
{
    public FieldStatusProjection()
    {
        Identities<CooperationFieldDefined>(FieldStatusFold.FieldCodes);
        Identities<CooperationFieldScopeRevised>(FieldStatusFold.FieldCodes);
        Identities<CommitmentMade>(FieldStatusFold.FieldCodes);
        Identities<CommitmentStatusChanged>(FieldStatusFold.FieldCodes);
        Identities<CommitmentStatusChangeCorrected>(FieldStatusFold.FieldCodes);
        Identities<CommitmentAmended>(FieldStatusFold.FieldCodes);
        Identities<ClauseAdded>(FieldStatusFold.FieldCodes);
        Identities<JointStatementAdopted>(FieldStatusFold.FieldCodes);
        Identities<MeetingOutcomeRecorded>(FieldStatusFold.FieldCodes);
        Identities<ActionPlanItemAdded>(FieldStatusFold.FieldCodes);
        Identities<ActionPlanItemProgressUpdated>(FieldStatusFold.FieldCodes);
        Identities<ActionPlanItemCompleted>(FieldStatusFold.FieldCodes);
        Identities<ActionPlanItemDropped>(FieldStatusFold.FieldCodes);
    }

    public void Apply(FieldStatus s, CooperationFieldDefined e) => FieldStatusFold.Apply(s, e);

    public void Apply(FieldStatus s, CooperationFieldScopeRevised e) => FieldStatusFold.Apply(s, e);

    public void Apply(FieldStatus s, CommitmentMade e) => FieldStatusFold.Apply(s, e);

    public void Apply(FieldStatus s, CommitmentStatusChanged e) => FieldStatusFold.Apply(s, e);

    public void Apply(FieldStatus s, CommitmentStatusChangeCorrected e) => FieldStatusFold.Apply(s, e);

    public void Apply(FieldStatus s, CommitmentAmended e) => FieldStatusFold.Apply(s, e);

    public void Apply(FieldStatus s, ClauseAdded e) => FieldStatusFold.Apply(s, e);

    public void Apply(FieldStatus s, JointStatementAdopted e) => FieldStatusFold.Apply(s, e);

    public void Apply(FieldStatus s, MeetingOutcomeRecorded e) => FieldStatusFold.Apply(s, e);

    public void Apply(FieldStatus s, ActionPlanItemAdded e) => FieldStatusFold.Apply(s, e);

    public void Apply(FieldStatus s, ActionPlanItemProgressUpdated e) => FieldStatusFold.Apply(s, e);

    public void Apply(FieldStatus s, ActionPlanItemCompleted e) => FieldStatusFold.Apply(s, e);

    public void Apply(FieldStatus s, ActionPlanItemDropped e) => FieldStatusFold.Apply(s, e);
}
