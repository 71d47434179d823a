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
        // Each event the timeline shows carries IOnTimeline; a void or correction goes to the entries of the entry it fixes,
        // which are then folded again (Refolding, ADR 0023).
        foreach (var type in RecordEvents.Marked<IOnTimeline>()) Routes.Add(this, type);
        foreach (var type in RecordEvents.Marked<IEntryFix>()) IncludeType(type);
        CustomGrouping((session, events, grouping) => Refolding.RouteFixesAsync(session, events, grouping, Ids));
    }

    private static IEnumerable<string> Ids(object e) => TimelineFold.EntryId(e) is { } id ? [id] : [];

    public override ValueTask<(TimelineEntry?, ActionType)> DetermineActionAsync(IQuerySession session, TimelineEntry? snapshot, string identity,
        IIdentitySetter<TimelineEntry, string> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
        // An entry is fed by one record's stream (ADR 0017), which the slice names.
        Refolding.DocumentAsync(session, snapshot, identity, events, Ids, TimelineFold.Evolve, _ => [], (entry, id) => entry.Id = id, cancellation);

    // An overridden Evolve hides from Marten which events it reads: each routed type is also named, so the daemon loads only those.
    private void Route<TEvent>() where TEvent : notnull
    {
        Identity<TEvent>(e => TimelineFold.EntryId(e)!);
        IncludeType<TEvent>();
    }

    private static readonly MarkedRoutes<TimelineProjection> Routes = new(nameof(Route));
}
