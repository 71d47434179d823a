using Consultations.Domain.ActionPlans;
using Consultations.Domain.Commitments;
using Consultations.Domain.Common;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using Marten.Events.Projections;

namespace Consultations.Projections.Meetings;

/// <summary>Each meeting with what came of it, gathered from the meeting's stream and from the events that name it.</summary>
public sealed partial class MeetingRecordProjection : MultiStreamProjection<MeetingRecord, string>
{
    public MeetingRecordProjection()
    {
        Name = "MeetingRecord";
        Identity<MeetingScheduled>(e => e.MeetingId);
        Identity<MeetingRescheduled>(e => e.MeetingId);
        Identity<MeetingHeld>(e => e.MeetingId);
        Identity<MeetingOutcomeRecorded>(e => e.MeetingId);
        Identity<MeetingCancelled>(e => e.MeetingId);
        Identity<MeetingHeldCorrected>(e => e.MeetingId);
        Identity<JointStatementAdopted>(e => e.MeetingId);
        Identities<CommitmentMade>(e => e.Source.Kind == SourceKind.Meeting ? [e.Source.Id] : []);
        Identities<ActionPlanReaffirmed>(e => e.By.Kind == SourceKind.Meeting ? [e.By.Id] : []);
    }

    public MeetingRecord Create(MeetingScheduled e) => new()
    {
        Id = e.MeetingId,
        DialogueId = e.DialogueId,
        Kind = e.Kind,
        Title = e.Title,
        Place = e.Place,
        Status = MeetingStatus.Scheduled,
        Dates = e.PlannedDates,
        Parties = [.. e.Parties],
    };

    public void Apply(MeetingRecord m, MeetingRescheduled e)
    {
        m.Place = e.Place;
        m.Dates = e.PlannedDates;
    }

    public void Apply(MeetingRecord m, MeetingHeld e)
    {
        m.Status = MeetingStatus.Held;
        m.Place = e.Place;
        m.Dates = e.Dates;
        m.Participants = [.. e.Participants.Select(d => d.Head is null ? d.Party : $"{d.Party}: {d.Head}")];
    }

    public void Apply(MeetingRecord m, MeetingHeldCorrected e) => m.Dates = e.Dates;

    public void Apply(MeetingRecord m, MeetingOutcomeRecorded e)
    {
        m.OutcomeSummary = e.Summary;
        m.Decisions = [.. e.Decisions];
        m.FieldCodes = [.. e.FieldCodes];
    }

    public void Apply(MeetingRecord m, MeetingCancelled e)
    {
        m.Status = MeetingStatus.Cancelled;
        m.CancellationReason = e.Reason;
    }

    public void Apply(MeetingRecord m, JointStatementAdopted e)
    {
        if (m.StatementsAdopted.All(s => s.StatementId != e.StatementId))
            m.StatementsAdopted.Add(new AdoptedStatement(e.StatementId, e.AdoptedOn, [.. e.Signatories]));
    }

    public void Apply(MeetingRecord m, CommitmentMade e)
    {
        if (m.CommitmentsMade.All(c => c.CommitmentId != e.CommitmentId))
            m.CommitmentsMade.Add(new MadeCommitment(e.CommitmentId, e.FieldCode, e.Text));
    }

    public void Apply(MeetingRecord m, ActionPlanReaffirmed e)
    {
        if (m.PlansReaffirmed.All(p => p.PlanId != e.PlanId))
            m.PlansReaffirmed.Add(new ReaffirmedPlan(e.PlanId, e.EffectiveOn));
    }
}
