using Consultations.Projections.Records;
using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using Marten;
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
        // One identity rule for every event that carries ITouchesMeeting keeps a slice in the order recorded (ADR 0058); each
        // type is also named, since an overridden Evolve hides from Marten which events it reads.
        Identities<ITouchesMeeting>(e => MeetingRecordFold.Ids(e));
        foreach (var type in RecordEvents.Marked<ITouchesMeeting>().Concat(RecordEvents.Marked<IEntryFix>())) IncludeType(type);
        CustomGrouping((session, events, grouping) => Refolding.RouteFixesAsync(session, events, grouping, MeetingRecordFold.Ids));
    }

    public override ValueTask<(MeetingRecord?, ActionType)> DetermineActionAsync(IQuerySession session, MeetingRecord? snapshot, string identity,
        IIdentitySetter<MeetingRecord, string> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
        Refolding.DocumentAsync(session, snapshot, identity, events, MeetingRecordFold.Ids, MeetingRecordFold.Evolve, Feeders, (m, id) => m.Id = id, cancellation);

    // The streams whose events a meeting's record gathers: its own, and those of the statements, commitments and plans that name it.
    private static IEnumerable<string> Feeders(MeetingRecord m) =>
        [m.Id, .. m.StatementsAdopted.Select(s => s.StatementId), .. m.CommitmentsMade.Select(c => c.CommitmentId), .. m.PlansReaffirmed.Select(p => p.PlanId)];
}
