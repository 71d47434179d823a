using System.Reflection;

namespace Consultations.Projections.Records;

/// <summary>
/// Calls a projection's private generic <c>Route&lt;TEvent&gt;()</c> for an event type known only at run time: a multi-stream
/// view routes every event type that carries its mark (<see cref="IOnTimeline"/>, <see cref="ITouchesMeeting"/>), so a new
/// event reaches it by the interface it declares, not by a line here (ADR 0058).
/// </summary>
public sealed class MarkedRoutes<TProjection>(string method)
{
    private readonly MethodInfo _route = typeof(TProjection).GetMethod(method, BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException($"{typeof(TProjection).Name} has no private {method}<TEvent>().");

    public void Add(TProjection projection, Type eventType) => _route.MakeGenericMethod(eventType).Invoke(projection, null);
}
