using System.Collections.Concurrent;
using System.Reflection;
using Consultations.Domain.Common;
using JasperFx.Events;

namespace Consultations.Host.Auditing;

/// <summary>What every event of the record says about itself: when it took effect, why, and what it corrects.</summary>
public static class EventFacts
{
    private static readonly ConcurrentDictionary<(Type, string), PropertyInfo?> Properties = new();

    /// <summary>The event's own effective date; null for the one event that may not know it (a meeting whose arrangement date is unknown).</summary>
    public static PartialDate? EffectiveOn(object data) => Read(data, "EffectiveOn") switch
    {
        PartialDate date => date,
        _ => null,
    };

    public static string? Reason(object data) => Read(data, "Reason") as string;

    public static EventRef? Corrects(object data) => (data as ICorrection)?.Corrects;

    /// <summary>
    /// The day an event counts from on the effective axis: its effective date as corrected by the corrections in
    /// <paramref name="corrected"/>, or, when the record does not know it, the day it was recorded.
    /// </summary>
    public static DateOnly EffectiveDay(IEvent e, IReadOnlyDictionary<(string, long), PartialDate> corrected) =>
        corrected.TryGetValue((e.StreamKey!, e.Version), out var fixedDate)
            ? fixedDate.Earliest
            : EffectiveOn(e.Data)?.Earliest ?? DateOnly.FromDateTime(e.Timestamp.UtcDateTime);

    /// <summary>The effective date each corrected event has once its corrections (in the order recorded) are applied.</summary>
    public static IReadOnlyDictionary<(string, long), PartialDate> Corrections(IEnumerable<IEvent> events)
    {
        var corrected = new Dictionary<(string, long), PartialDate>();
        foreach (var e in events)
        {
            if (e.Data is ICorrection c) corrected[(c.Corrects.StreamId, c.Corrects.Version)] = c.EffectiveOn;
        }

        return corrected;
    }

    private static object? Read(object data, string name) =>
        Properties.GetOrAdd((data.GetType(), name), key => key.Item1.GetProperty(key.Item2))?.GetValue(data);
}
