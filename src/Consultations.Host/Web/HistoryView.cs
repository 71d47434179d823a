namespace Consultations.Host.Web;

/// <param name="NotVoidable">The entries a void would be refused on, with the rule that refuses it: their line offers no void button.</param>
/// <param name="Titles">The titles of the records the changes name (a meeting, a document…), shown in place of their ids.</param>
public sealed record HistoryView(IReadOnlyList<HistoryEntry> Entries, bool CanRecord, long Version = 0, IReadOnlyDictionary<Guid, string>? NotVoidable = null,
    RecordTitles? Titles = null)
{
    /// <summary>The other records the entries' changes name, as (collection, id): the titles to load for the page.</summary>
    public static IEnumerable<(string Collection, string Id)> Links(IEnumerable<HistoryEntry> entries) =>
        from e in entries
        from c in e.Changes
        let collection = JsonHtml.CollectionOf(c.Field)
        where collection is not null
        from value in new[] { c.Was, c.Now }
        where value is not null
        from id in Ids(value)
        select (collection, id);

    /// <summary>The ids a change's value holds: one, or several joined by "; " (a list of evidence).</summary>
    public static IEnumerable<string> Ids(string value) => value.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The entry of this history a void or correction fixes (its line), null when it is not shown here.</summary>
    public HistoryEntry? Line(Guid eventId) => Entries.FirstOrDefault(e => e.EventId == eventId);

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
