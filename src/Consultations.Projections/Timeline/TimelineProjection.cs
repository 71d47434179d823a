using Consultations.Projections.Records;
using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using Marten;
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
        // Each event the timeline shows carries IOnTimeline (ADR 0058): one identity rule for them all keeps a slice's events in
        // the order recorded. An overridden Evolve hides from Marten which events it reads, so each type is also named, and the
        // daemon loads only those. A void or correction goes to the entries of the entry it fixes, which are then folded
        // again (Refolding, ADR 0023).
        Identity<IOnTimeline>(e => TimelineFold.EntryId(e)!);
        foreach (var type in RecordEvents.Marked<IOnTimeline>().Concat(RecordEvents.Marked<IEntryFix>())) IncludeType(type);
        CustomGrouping((session, events, grouping) => Refolding.RouteFixesAsync(session, events, grouping, Ids));
    }

    private static IEnumerable<string> Ids(object e) => TimelineFold.EntryId(e) is { } id ? [id] : [];

    public override ValueTask<(TimelineEntry?, ActionType)> DetermineActionAsync(IQuerySession session, TimelineEntry? snapshot, string identity,
        IIdentitySetter<TimelineEntry, string> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
        // An entry is fed by one record's stream (ADR 0017), which the slice names.
        Refolding.DocumentAsync(session, snapshot, identity, events, Ids, TimelineFold.Evolve, _ => [], (entry, id) => entry.Id = id, cancellation);
}
