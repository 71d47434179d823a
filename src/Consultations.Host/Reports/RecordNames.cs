using System.Text.RegularExpressions;

namespace Consultations.Host.Reports;

/// <summary>
/// What a person calls each record: a commitment by the first words of its text as made, an action item by the first words of
/// its text, a plan, statement, meeting, field or milestone by its title (ADR 0033). Titles a person reads are written
/// with these names; ids stay in links and in the members meant for machines.
/// </summary>
public sealed partial class RecordNames(IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, string> inTitles)
{
    public const int FirstWordsLength = 80;

    /// <summary>The names of the records now.</summary>
    public static async Task<RecordNames> LoadAsync(IQuerySession session, CancellationToken ct) => Build(
        await session.Query<Commitment>().ToListAsync(ct), await session.Query<ActionPlan>().ToListAsync(ct),
        await session.Query<JointStatement>().ToListAsync(ct), await session.Query<Meeting>().ToListAsync(ct),
        await session.Query<CooperationField>().ToListAsync(ct), await session.Query<Milestone>().ToListAsync(ct));

    /// <summary>The names of the records as replayed (an amended text is named as it then read); now when <paramref name="replay"/> is null.</summary>
    public static async Task<RecordNames> LoadAsync(IQuerySession session, RecordAsOf? replay, CancellationToken ct) =>
        replay is null ? await LoadAsync(session, ct) : Of(replay);

    public static RecordNames Of(RecordAsOf replay) => Build(
        replay.Records<Commitment>(CommitmentDecider.Evolve), replay.Records<ActionPlan>(ActionPlanDecider.Evolve),
        replay.Records<JointStatement>(JointStatementDecider.Evolve), replay.Records<Meeting>(MeetingDecider.Evolve),
        replay.Records<CooperationField>(CooperationFieldDecider.Evolve), replay.Records<Milestone>(MilestoneDecider.Evolve));

    private static RecordNames Build(IEnumerable<Commitment> commitments, IEnumerable<ActionPlan> plans, IEnumerable<JointStatement> statements,
        IEnumerable<Meeting> meetings, IEnumerable<CooperationField> fields, IEnumerable<Milestone> milestones)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var inTitles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in commitments)
        {
            // Named by its text as made, so an entry of June does not read November's amended words; typographic quotes
            // only around a text that quotes its source, a paraphrase said to be one.
            names[c.Id] = FirstWords(c.MadeText ?? c.Text);
            inTitles[c.Id] = (c.MadeText is null ? c.TextIs : c.MadeTextIs) switch
            {
                Wording.Quoted => $"“{names[c.Id]}”",
                Wording.Paraphrase => $"{names[c.Id]} (paraphrase)",
                _ => names[c.Id],
            };
        }

        foreach (var p in plans)
        {
            names[p.Id] = p.Title;
            // Item ids are unique within their plan only: titles name an item as "{planId} item {itemId}".
            foreach (var i in p.Items) inTitles[$"{p.Id} item {i.ItemId}"] = $"{p.Title} item “{FirstWords(i.Text)}”";
        }

        foreach (var s in statements) names[s.Id] = s.Title;
        foreach (var m in meetings) names[m.Id] = m.Title;
        foreach (var f in fields) names[f.Id] = f.Title;
        foreach (var m in milestones) names[m.Id] = m.Title;
        foreach (var (id, name) in names) inTitles.TryAdd(id, name);
        return new RecordNames(names, inTitles);
    }

    /// <summary>The record's name, or its id when it has none on record.</summary>
    public string Of(string id) => names.GetValueOrDefault(id, id);

    /// <summary>
    /// A title with every record id in it replaced by the record's name: "Commitment made: jpit-01-mutual-access" reads
    /// "Commitment made: “Japan and Italy are committed to facilitating mutual access to space.”", and a paraphrased
    /// commitment "Commitment made: Cooperation on space debris will include… (paraphrase)".
    /// </summary>
    public string Title(string title) =>
        Ids().Replace(title, m => inTitles.GetValueOrDefault(m.Value, m.Value));

    /// <summary>The first words of a text, up to <see cref="FirstWordsLength"/> characters, ended with "…" when cut.</summary>
    public static string FirstWords(string text)
    {
        var flat = Regex.Replace(text.Trim(), @"\s+", " ");
        if (flat.Length <= FirstWordsLength) return flat;
        var cut = flat.LastIndexOf(' ', FirstWordsLength);
        return flat[..(cut > 20 ? cut : FirstWordsLength)].TrimEnd(',', ';', ':') + "…";
    }

    // An id (a slug with at least one hyphen) or a plan item's "{planId} item {itemId}", the longer form first.
    [GeneratedRegex(@"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+ item [A-Za-z0-9]+(?:-[A-Za-z0-9]+)*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+")]
    private static partial Regex Ids();
}
