using System.Collections.Concurrent;
using System.Reflection;
using JasperFx.Events;

namespace Consultations.Host.Auditing;

/// <summary>What every event of the record says about itself: when it took effect, why, and what it corrects.</summary>
public static class EventFacts
{
    private static readonly ConcurrentDictionary<(Type, string), PropertyInfo?> Properties = new();

    /// <summary>The event's own effective date; null for the one event that may not know it (a meeting whose arrangement date is unknown): see <see cref="EffectiveDays"/>.</summary>
    public static PartialDate? EffectiveOn(object data) => Read(data, "EffectiveOn") switch
    {
        PartialDate date => date,
        _ => null,
    };

    public static string? Reason(object data) => Read(data, "Reason") as string;

    /// <summary>The event a correction corrects or a void voids (ADR 0011, 0023).</summary>
    public static EventRef? Corrects(object data) => (data as ICorrection)?.Corrects ?? (data as IEntryFix)?.Fixes;

    /// <summary>
    /// The day each event counts from on the effective axis (ADR 0011). An event's own effective date, as corrected by
    /// the corrections among <paramref name="recorded"/>, counts from its earliest day. An event that does not know its
    /// date (a meeting whose arrangement date is unknown) counts from the earliest day of any event after it in its
    /// stream, since what followed cannot have preceded it (a meeting was arranged before it was held), from the day it
    /// says it had taken effect by (<see cref="IInEffectBy"/>: the statement that announced the meeting, the first day of
    /// a plan's period) if that is earlier, and never later than the day it was recorded. <paramref name="recorded"/> must hold whole streams, in the order recorded.
    /// </summary>
    public static Dictionary<IEvent, DateOnly> EffectiveDays(IReadOnlyList<IEvent> recorded)
    {
        var corrected = Corrections(recorded);
        var days = new Dictionary<IEvent, DateOnly>(ReferenceEqualityComparer.Instance);
        foreach (var stream in recorded.GroupBy(e => e.StreamKey))
        {
            var following = DateOnly.MaxValue;
            foreach (var e in stream.OrderByDescending(e => e.Version))
            {
                var own = corrected.TryGetValue((e.StreamKey!, e.Version), out var fixedDate) ? fixedDate : EffectiveOn(e.Data);
                var recordedDay = DateOnly.FromDateTime(e.Timestamp.UtcDateTime);
                var day = own?.Earliest ?? Earliest(following, recordedDay, (e.Data as IInEffectBy)?.InEffectBy ?? DateOnly.MaxValue);
                days[e] = day;
                if (day < following) following = day;
            }
        }

        return days;
    }

    private static DateOnly Earliest(params ReadOnlySpan<DateOnly> days)
    {
        var earliest = DateOnly.MaxValue;
        foreach (var day in days) if (day < earliest) earliest = day;
        return earliest;
    }

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
