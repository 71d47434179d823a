using Consultations.Domain.Corrections;

namespace Consultations.Host.Web;

/// <param name="NotVoidable">The entries a void would be refused on, with the rule that refuses it: their line offers no void button.</param>
public sealed record HistoryView(IReadOnlyList<HistoryEntry> Entries, bool CanRecord, long Version = 0, IReadOnlyDictionary<Guid, string>? NotVoidable = null)
{
    /// <summary>
    /// Which entries of a record a void would be refused on, decided by the same <see cref="EntryFixes.Decide(VoidEntry, string, IReadOnlyList{Entry}, IReadOnlyList{OtherRecord}?)"/>
    /// the void runs (within the record; a dependent in another record is still explained when the void is tried).
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> NotVoidableAsync(IQuerySession session, string stream, CancellationToken ct)
    {
        var entries = (await session.Events.FetchStreamAsync(stream, token: ct)).Select(e => new Entry(e.Id, e.Version, e.Data)).ToList();
        var refused = new Dictionary<Guid, string>();
        foreach (var entry in entries)
        {
            try
            {
                if (EntryFixes.Decide(new VoidEntry(entry.EventId, "-"), stream, entries).Count == 0) refused[entry.EventId] = "already-voided";
            }
            catch (RuleBroken e)
            {
                refused[entry.EventId] = e.Rule;
            }
        }

        return refused;
    }

    /// <summary>Why this entry offers no void, in the page's words; null when it may be voided.</summary>
    public string? WhyNoVoid(Guid eventId) => NotVoidable?.GetValueOrDefault(eventId) switch
    {
        null => null,
        "entry-has-dependents" => "Later entries depend on it: it cannot be voided.",
        "first-entry-stays" => "It opens the record: it cannot be voided.",
        "already-voided" => "Already voided.",
        _ => "It cannot be voided.",
    };
}
