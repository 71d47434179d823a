using Consultations.Domain.ActionPlans;
using Consultations.Domain.Commitments;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using Consultations.Domain.Milestones;
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
        Route<MeetingScheduled>();
        Route<MeetingRescheduled>();
        Route<MeetingHeld>();
        Route<MeetingHeldCorrected>();
        Route<MeetingOutcomeRecorded>();
        Route<MeetingCancelled>();
        Route<JointStatementDrafted>();
        Route<ClauseAdded>();
        Route<JointStatementAdopted>();
        Route<ActionPlanAdopted>();
        Route<ActionPlanReaffirmed>();
        Route<ActionPlanItemAdded>();
        Route<ActionPlanItemProgressUpdated>();
        Route<ActionPlanItemCompleted>();
        Route<ActionPlanItemDropped>();
        Route<CommitmentMade>();
        Route<CommitmentStatusChanged>();
        Route<CommitmentStatusChangeCorrected>();
        Route<CommitmentAmended>();
        Route<MilestoneRecorded>();
    }

    public override TimelineEntry? Evolve(TimelineEntry? snapshot, string id, IEvent e)
    {
        var entry = TimelineFold.Evolve(snapshot, e.Data);
        if (entry is not null) entry.Id = id;
        return entry;
    }

    // An overridden Evolve hides from Marten which events it reads: each routed type is also named, so the daemon loads only those.
    private void Route<TEvent>() where TEvent : notnull
    {
        Identity<TEvent>(e => TimelineFold.EntryId(e)!);
        IncludeType<TEvent>();
    }
}
