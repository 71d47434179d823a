using Consultations.Domain.ActionPlans;
using Consultations.Domain.Commitments;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Consultations.Projections.Timeline;

/// <summary>
/// The dialogue's timeline: one entry per meeting (placed at the dates it was held, else planned), per
/// statement, per action plan and its reaffirmations and item changes, and per commitment made or changed.
/// The fold itself is <see cref="TimelineFold"/>, shared with the auditors' replay: change it there, never here.
/// </summary>
public sealed partial class TimelineProjection : MultiStreamProjection<TimelineEntry, string>
{
    public TimelineProjection()
    {
        Identity<MeetingScheduled>(e => TimelineFold.EntryId(e)!);
        Identity<MeetingRescheduled>(e => TimelineFold.EntryId(e)!);
        Identity<MeetingHeld>(e => TimelineFold.EntryId(e)!);
        Identity<MeetingHeldCorrected>(e => TimelineFold.EntryId(e)!);
        Identity<MeetingOutcomeRecorded>(e => TimelineFold.EntryId(e)!);
        Identity<MeetingCancelled>(e => TimelineFold.EntryId(e)!);
        Identity<JointStatementDrafted>(e => TimelineFold.EntryId(e)!);
        Identity<ClauseAdded>(e => TimelineFold.EntryId(e)!);
        Identity<JointStatementAdopted>(e => TimelineFold.EntryId(e)!);
        Identity<ActionPlanAdopted>(e => TimelineFold.EntryId(e)!);
        Identity<ActionPlanReaffirmed>(e => TimelineFold.EntryId(e)!);
        Identity<ActionPlanItemAdded>(e => TimelineFold.EntryId(e)!);
        Identity<ActionPlanItemProgressUpdated>(e => TimelineFold.EntryId(e)!);
        Identity<ActionPlanItemCompleted>(e => TimelineFold.EntryId(e)!);
        Identity<ActionPlanItemDropped>(e => TimelineFold.EntryId(e)!);
        Identity<CommitmentMade>(e => TimelineFold.EntryId(e)!);
        Identity<CommitmentStatusChanged>(e => TimelineFold.EntryId(e)!);
        Identity<CommitmentStatusChangeCorrected>(e => TimelineFold.EntryId(e)!);
        Identity<CommitmentAmended>(e => TimelineFold.EntryId(e)!);
    }

    public TimelineEntry Create(IEvent<MeetingScheduled> e) => TimelineFold.Create(e.Data);

    public void Apply(TimelineEntry entry, MeetingRescheduled e) => TimelineFold.Apply(entry, e);

    public void Apply(TimelineEntry entry, MeetingHeld e) => TimelineFold.Apply(entry, e);

    public void Apply(TimelineEntry entry, MeetingHeldCorrected e) => TimelineFold.Apply(entry, e);

    public void Apply(TimelineEntry entry, MeetingOutcomeRecorded e) => TimelineFold.Apply(entry, e);

    public void Apply(TimelineEntry entry, MeetingCancelled e) => TimelineFold.Apply(entry, e);

    public TimelineEntry Create(IEvent<JointStatementDrafted> e) => TimelineFold.Create(e.Data);

    public void Apply(TimelineEntry entry, ClauseAdded e) => TimelineFold.Apply(entry, e);

    public void Apply(TimelineEntry entry, JointStatementAdopted e) => TimelineFold.Apply(entry, e);

    public TimelineEntry Create(IEvent<ActionPlanAdopted> e) => TimelineFold.Create(e.Data);

    public TimelineEntry Create(IEvent<ActionPlanReaffirmed> e) => TimelineFold.Create(e.Data);

    public TimelineEntry Create(IEvent<ActionPlanItemAdded> e) => TimelineFold.Create(e.Data);

    public TimelineEntry Create(IEvent<ActionPlanItemProgressUpdated> e) => TimelineFold.Create(e.Data);

    public TimelineEntry Create(IEvent<ActionPlanItemCompleted> e) => TimelineFold.Create(e.Data);

    public TimelineEntry Create(IEvent<ActionPlanItemDropped> e) => TimelineFold.Create(e.Data);

    public TimelineEntry Create(IEvent<CommitmentMade> e) => TimelineFold.Create(e.Data);

    public TimelineEntry Create(IEvent<CommitmentStatusChanged> e) => TimelineFold.Create(e.Data);

    public void Apply(TimelineEntry entry, CommitmentStatusChangeCorrected e) => TimelineFold.Apply(entry, e);

    public TimelineEntry Create(IEvent<CommitmentAmended> e) => TimelineFold.Create(e.Data);
}
