using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using Marten;
using Consultations.Projections.Rebuilding;
using Marten.Events.Aggregation;

namespace Consultations.Projections.Records;

/// <summary>
/// Each record's state is the domain's own fold, stored inline as a snapshot. Marten's source generator cannot see into
/// the pure domain assembly, so the projection overrides DetermineActionAsync and calls the domain's Evolve, refolding
/// the record's live entries when a void or correction arrives (<see cref="Refolding"/>, ADR 0023). One subclass a record
/// kind, so each keeps its own projection name.
/// </summary>
public abstract class RecordProjection<T> : SingleStreamProjection<T, string>, IStreamFold where T : class
{
    private readonly Func<T?, object, T?> _evolve;
    private readonly HashSet<Type> _types;

    /// <summary>
    /// An overridden fold hides from Marten which events it reads, and a projection that reads every event loads its
    /// snapshot on every write to any record: each record kind names its own events (those declared beside it in the
    /// domain) and the fixes any record can hold (ADR 0036). Every record is written through the Recorder, which starts
    /// its stream as its own kind, and a record's fixes live in its own stream: so a rebuild reads only the streams of
    /// this kind (ADR 0037).
    /// </summary>
    protected RecordProjection(Func<T?, object, T?> evolve)
    {
        _evolve = evolve;
        _types = [.. EventsOf(typeof(T).Namespace)];
        foreach (var type in _types) IncludeType(type);
        FilterIncomingEventsOnStreamType(typeof(T));
    }

    public Type DocumentType => typeof(T);

    public object? Fold(string streamKey, IReadOnlyList<IEvent> live)
    {
        T? state = null;
        foreach (var e in live)
            if (_types.Contains(e.Data.GetType())) state = _evolve(state, e.Data);
        return state;
    }

    public static IEnumerable<Type> EventsOf(string? recordNamespace) =>
        RecordEvents.All.Where(t => t.Namespace == recordNamespace || t.Namespace == typeof(EntryVoided).Namespace);

    public override ValueTask<(T?, ActionType)> DetermineActionAsync(IQuerySession session, T? snapshot, string identity,
        IIdentitySetter<T, string> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
        Refolding.StreamAsync(session, snapshot, identity, events, (s, e) => _evolve(s, e.Data), cancellation);
}

public sealed class DialogueProjection() : RecordProjection<Dialogue>(DialogueDecider.Evolve);

public sealed class CooperationFieldProjection() : RecordProjection<CooperationField>(CooperationFieldDecider.Evolve);

public sealed class MeetingProjection() : RecordProjection<Meeting>(MeetingDecider.Evolve);

public sealed class JointStatementProjection() : RecordProjection<JointStatement>(JointStatementDecider.Evolve);

public sealed class ActionPlanProjection() : RecordProjection<ActionPlan>(ActionPlanDecider.Evolve);

public sealed class CommitmentProjection() : RecordProjection<Commitment>(CommitmentDecider.Evolve);

public sealed class DocumentProjection() : RecordProjection<Document>(DocumentDecider.Evolve);

public sealed class MilestoneProjection() : RecordProjection<Milestone>(MilestoneDecider.Evolve);

/// <summary>
/// A view folded from one record's own stream and stored under the record's id (a register row, a plan's progress), with
/// the same refolding of live entries as the records. Its fold is pure and shared with the auditors' replay: change it
/// there, never here. An overridden fold hides from Marten which events it reads, so they are named: the daemon loads only those.
/// </summary>
public abstract class StreamViewProjection<T> : SingleStreamProjection<T, string>, IStreamFold where T : class
{
    private readonly Func<T?, IEvent, T?> _evolve;
    private readonly Action<T, string> _identify;
    private readonly HashSet<Type> _types;

    protected StreamViewProjection(string name, IEnumerable<Type> eventTypes, Func<T?, IEvent, T?> evolve, Action<T, string> identify)
    {
        Name = name;
        (_evolve, _identify) = (evolve, identify);
        _types = [.. eventTypes];
        foreach (var type in _types) IncludeType(type);
    }

    public Type DocumentType => typeof(T);

    public object? Fold(string streamKey, IReadOnlyList<IEvent> live)
    {
        T? document = null;
        foreach (var e in live)
            if (_types.Contains(e.Data.GetType())) document = _evolve(document, e);
        if (document is not null) _identify(document, streamKey);
        return document;
    }

    public override async ValueTask<(T?, ActionType)> DetermineActionAsync(IQuerySession session, T? snapshot, string identity,
        IIdentitySetter<T, string> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var (document, action) = await Refolding.StreamAsync(session, snapshot, identity, events, _evolve, cancellation);
        if (document is not null) _identify(document, identity);
        return (document, action);
    }
}
