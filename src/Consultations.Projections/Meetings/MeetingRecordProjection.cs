using Consultations.Domain.ActionPlans;
using Consultations.Domain.Commitments;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Consultations.Projections.Meetings;

/// <summary>
/// Each meeting with what came of it, gathered from the meeting's stream and from the events that name it. The identity
/// rules and the fold are <see cref="MeetingRecordFold"/>, shared with the auditors' replay: change them there, never here.
/// </summary>
public sealed partial class MeetingRecordProjection : MultiStreamProjection<MeetingRecord, string>
{
    public MeetingRecordProjection()
    {
        Name = "MeetingRecord";
        Route<MeetingScheduled>();
        Route<MeetingRescheduled>();
        Route<MeetingHeld>();
        Route<MeetingOutcomeRecorded>();
        Route<MeetingCancelled>();
        Route<MeetingHeldCorrected>();
        Route<JointStatementAdopted>();
        Route<CommitmentMade>();
        Route<ActionPlanReaffirmed>();
    }

    public override MeetingRecord? Evolve(MeetingRecord? snapshot, string id, IEvent e) => MeetingRecordFold.Evolve(snapshot, e.Data);

    // An overridden Evolve hides from Marten which events it reads: each routed type is also named, so the daemon loads only those.
    private void Route<TEvent>() where TEvent : notnull
    {
        Identities<TEvent>(e => MeetingRecordFold.Ids(e));
        IncludeType<TEvent>();
    }
}
