using Consultations.Domain.ActionPlans;
using Consultations.Domain.Commitments;
using Consultations.Domain.CooperationFields;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using Marten.Events.Projections;

namespace Consultations.Projections.Fields;

/// <summary>Folds every event that concerns a field into that field's status. Events carry their field codes.</summary>
public sealed partial class FieldStatusProjection : MultiStreamProjection<FieldStatus, string>
{
    public FieldStatusProjection()
    {
        Identity<CooperationFieldDefined>(e => e.FieldCode);
        Identity<CooperationFieldScopeRevised>(e => e.FieldCode);
        Identity<CommitmentMade>(e => e.FieldCode);
        Identity<CommitmentStatusChanged>(e => e.FieldCode);
        Identity<CommitmentAmended>(e => e.FieldCode);
        Identity<ClauseAdded>(e => e.FieldCode);
        Identities<JointStatementAdopted>(e => e.FieldCodes);
        Identities<MeetingOutcomeRecorded>(e => e.FieldCodes);
        Identity<ActionPlanItemAdded>(e => e.FieldCode);
        Identity<ActionPlanItemProgressUpdated>(e => e.FieldCode);
        Identity<ActionPlanItemCompleted>(e => e.FieldCode);
        Identity<ActionPlanItemDropped>(e => e.FieldCode);
    }

    public void Apply(FieldStatus s, CooperationFieldDefined e)
    {
        s.Id = e.FieldCode;
        s.DialogueId = e.DialogueId;
        s.Number = e.Number;
        s.Title = e.Title;
        s.Scope = e.Scope;
        s.Touched(e.EffectiveOn);
    }

    public void Apply(FieldStatus s, CooperationFieldScopeRevised e)
    {
        s.Title = e.Title;
        s.Scope = e.Scope;
        s.Touched(e.EffectiveOn);
    }

    public void Apply(FieldStatus s, CommitmentMade e)
    {
        s.Commitments.Add(e.Status, 1);
        foreach (var agency in e.Agencies.Where(a => !s.Agencies.Contains(a))) s.Agencies.Add(agency);
        foreach (var programme in e.Programmes.Where(p => !s.Programmes.Contains(p))) s.Programmes.Add(programme);
        s.Touched(e.EffectiveOn);
    }

    public void Apply(FieldStatus s, CommitmentStatusChanged e)
    {
        s.Commitments.Add(e.From, -1);
        s.Commitments.Add(e.To, 1);
        s.Touched(e.EffectiveOn);
    }

    public void Apply(FieldStatus s, CommitmentAmended e) => s.Touched(e.EffectiveOn);

    public void Apply(FieldStatus s, ClauseAdded e) => s.Touched(e.EffectiveOn);

    public void Apply(FieldStatus s, JointStatementAdopted e)
    {
        s.LatestStatement = FieldStatus.Later(s.LatestStatement, new Touch(e.StatementId, e.AdoptedOn));
        s.Touched(e.EffectiveOn);
    }

    public void Apply(FieldStatus s, MeetingOutcomeRecorded e)
    {
        s.LatestMeeting = FieldStatus.Later(s.LatestMeeting, new Touch(e.MeetingId, e.EffectiveOn));
        s.Touched(e.EffectiveOn);
    }

    public void Apply(FieldStatus s, ActionPlanItemAdded e)
    {
        s.ActionItems++;
        s.OpenActionItems++;
        s.Touched(e.EffectiveOn);
    }

    public void Apply(FieldStatus s, ActionPlanItemProgressUpdated e) => s.Touched(e.EffectiveOn);

    public void Apply(FieldStatus s, ActionPlanItemCompleted e)
    {
        s.OpenActionItems--;
        s.Touched(e.EffectiveOn);
    }

    public void Apply(FieldStatus s, ActionPlanItemDropped e)
    {
        s.OpenActionItems--;
        s.Touched(e.EffectiveOn);
    }
}
