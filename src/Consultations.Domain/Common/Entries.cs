using System.Text.Json;

namespace Consultations.Domain.Common;

/// <summary>One entry of a record as stored: the event's id, its version in the record's stream, and what it says.</summary>
public sealed record Entry(Guid EventId, long Version, object Data);

/// <summary>
/// An entry that fixes an earlier entry of the same record, named by <see cref="Fixes"/>: a void (<see cref="EntryVoided"/>)
/// or a value correction (<see cref="IValueCorrection"/>). It is appended to the fixed entry's own stream; every fold sees
/// the record through <see cref="Entries.Live{T}"/>, so nothing stored is ever edited (ADR 0023).
/// </summary>
public interface IEntryFix : IRecordEvent
{
    EventRef Fixes { get; }

    string Reason { get; }
}

/// <summary>A correction of a value of an entry (a status change's target, a meeting's place, an outcome's text).</summary>
public interface IValueCorrection : IEntryFix
{
    /// <summary>The corrected entry as it reads once this correction is applied.</summary>
    object Apply(object original);
}

/// <summary>An entry recorded in error: from now on the record reads as if it had never been recorded.</summary>
/// <param name="Kind">What the voided entry was (<see cref="Entries.Kind"/>), so the history reads without it.</param>
public sealed record EntryVoided(string StreamId, EventRef Voids, string Kind, string Reason) : IEntryFix
{
    public EventRef Fixes => Voids;
}

public static class Entries
{
    /// <summary>The kind of an entry as the API names it: <c>commitment-status-changed</c>.</summary>
    public static string Kind(object data) => JsonNamingPolicy.KebabCaseLower.ConvertName(data.GetType().Name);

    public static IReadOnlyList<Entry> Live(IEnumerable<Entry> entries) =>
        Live(entries, e => e.EventId, e => e.Data, (e, data) => e with { Data = data });

    /// <summary>
    /// The record as every view reads it: the entries in the order recorded, without the voided ones, with each value
    /// correction applied to the entry it corrects, and without the fixes themselves (nor the corrections of voided entries).
    /// A record's events in, the same record's live entries out: the one rule all folds and replays share.
    /// </summary>
    public static IReadOnlyList<T> Live<T>(IEnumerable<T> entries, Func<T, Guid> id, Func<T, object> data, Func<T, object, T> withData)
    {
        var all = entries as IReadOnlyList<T> ?? [.. entries];
        var voided = all.Select(data).OfType<EntryVoided>().Select(v => v.Voids.EventId).ToHashSet();
        if (voided.Count == 0 && !all.Any(e => data(e) is IEntryFix)) return all;

        var live = new List<T>();
        var at = new Dictionary<Guid, int>();
        foreach (var e in all)
        {
            switch (data(e))
            {
                case EntryVoided:
                    continue;
                case IValueCorrection c:
                    if (!voided.Contains(c.Fixes.EventId) && at.TryGetValue(c.Fixes.EventId, out var i)) live[i] = withData(live[i], c.Apply(data(live[i])));
                    continue;
                case ICorrection c when voided.Contains(c.Corrects.EventId):
                    continue;
            }

            if (voided.Contains(id(e))) continue;
            at[id(e)] = live.Count;
            live.Add(e);
        }

        return live;
    }

    /// <summary>True when the events hold a fix: a view folded incrementally must then be folded again from the record's live entries.</summary>
    public static bool HasFix(IEnumerable<object> data) => data.Any(d => d is IEntryFix);
}
