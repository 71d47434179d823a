namespace Consultations.Host.Web;

/// <param name="NotVoidable">The entries a void would be refused on, with the rule that refuses it: their line offers no void button.</param>
/// <param name="Titles">The titles of the records the changes name (a meeting, a document…), shown in place of their ids.</param>
public sealed record HistoryView(IReadOnlyList<HistoryEntry> Entries, bool CanRecord, long Version = 0, VoidChecks? NotVoidable = null,
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
    /// the void runs, with the other records that refer to this one: an entry another record depends on (a statement's
    /// adoption that commitments come from) offers no void either, and its line names those records (third review, finding 16).
    /// </summary>
    public static async Task<VoidChecks> NotVoidableAsync(IQuerySession session, string stream, CancellationToken ct)
    {
        var entries = (await session.Events.FetchStreamAsync(stream, token: ct)).Select(e => new Entry(e.Id, e.Version, e.Data)).ToList();
        var others = await Corrections.ReferringRecords.LoadAsync(session, stream, ct);
        var refused = new Dictionary<Guid, string>();
        var heldBy = new Dictionary<Guid, IReadOnlyList<(string Collection, string Id)>>();
        var first = entries.Count == 0 ? 0 : entries.Min(e => e.Version);
        foreach (var entry in entries)
        {
            try
            {
                if (EntryFixes.Decide(new VoidEntry(entry.EventId, "-"), stream, entries, others).Count == 0) refused[entry.EventId] = "already-voided";
            }
            catch (RuleBroken e)
            {
                refused[entry.EventId] = e.Rule;
                var records = DependentRecords(stream, entry, entry.Version == first, others);
                if (e.Rule != "entry-has-dependents" || records.Count == 0 || EntryFixes.Dependents(entry, entries).Count > 0) continue;
                if (entry.Version == first) refused[entry.EventId] = "first-entry-stays";
                else
                {
                    refused[entry.EventId] = "held-by-other-records";
                    heldBy[entry.EventId] = records;
                }
            }
        }

        var titles = await RecordTitles.LoadAsync(session, heldBy.Values.SelectMany(r => r), ct);
        return new VoidChecks(refused, heldBy, titles);
    }

    /// <summary>The other records (as collection and id) whose live entries depend on <paramref name="entry"/>.</summary>
    public static IReadOnlyList<(string Collection, string Id)> DependentRecords(string stream, Entry entry, bool opens, IReadOnlyList<OtherRecord> others) =>
    [
        .. RecordReferences.Dependents(stream, entry, opens, others).Select(d => d.Record).Distinct()
            .Select(id => others.First(o => o.Id == id))
            .Select(o => (Collection: (RecordPages.Of(o.Entries.OrderBy(x => x.Version).First().Data, o.Id) ?? "/records/" + o.Id).Split('/')[1], o.Id)),
    ];

    /// <summary>Why this entry offers no void, in the page's words; null when it may be voided.</summary>
    public string? WhyNoVoid(Guid eventId) => NotVoidable?.Rules.GetValueOrDefault(eventId) switch
    {
        null => null,
        "held-by-other-records" => "Other records depend on it: it cannot be voided.",
        "entry-has-dependents" => "Later entries depend on it: it cannot be voided.",
        "first-entry-stays" => "It opens the record: it cannot be voided.",
        "already-voided" => "Already voided.",
        _ => "It cannot be voided.",
    };
}

/// <param name="Rules">The entries a void would be refused on, with the rule that refuses it.</param>
/// <param name="HeldBy">Of those, the ones only other records depend on, with those records (their titles in <paramref name="Titles"/>).</param>
public sealed record VoidChecks(IReadOnlyDictionary<Guid, string> Rules, IReadOnlyDictionary<Guid, IReadOnlyList<(string Collection, string Id)>> HeldBy, RecordTitles Titles);
