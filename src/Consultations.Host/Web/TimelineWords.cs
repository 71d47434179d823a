using System.Text.RegularExpressions;
using Consultations.Projections.Timeline;
using Microsoft.Extensions.Localization;

namespace Consultations.Host.Web;

/// <summary>
/// The timeline's own words in the person's language: the titles and summaries the timeline makes up ("Commitment made: …",
/// "Period 2024–2027; adoption date not on record.") are translated by pattern, with the record's content (a commitment's
/// text, a title) kept as recorded; a status word (<c>adopted</c>, <c>in-progress</c>) by its translation.
/// </summary>
public static partial class TimelineWords
{
    /// <summary>Copies of the entries with their made-up words translated (the entries themselves are left as built).</summary>
    public static IReadOnlyList<TimelineEntry> Of(IStringLocalizer<Text> text, IReadOnlyList<TimelineEntry> entries) =>
        [.. entries.Select(e => new TimelineEntry
        {
            Id = e.Id, DialogueId = e.DialogueId, Kind = e.Kind, Title = Made(text, e.Title), Place = e.Place, Status = e.Status,
            Summary = e.Summary is null ? null : Made(text, e.Summary), Dates = e.Dates, SortDate = e.SortDate, EndDate = e.EndDate,
            RecordKind = e.RecordKind, RecordId = e.RecordId, FieldCodes = e.FieldCodes, Parties = e.Parties,
        })];

    /// <summary>A made-up title or summary translated when the language has its sentence; else as it is.</summary>
    public static string Made(IStringLocalizer<Text> text, string made)
    {
        foreach (var (pattern, key, words) in Patterns)
        {
            var match = pattern.Match(made);
            if (!match.Success) continue;
            var values = match.Groups.Values.Skip(1).Select((g, i) => words.Contains(i) ? (object)WebWords.Value(text, g.Value) : Paraphrase(text, g.Value)).ToArray();
            var found = text[key, values];
            return found.ResourceNotFound ? made : found.Value;
        }

        return made;
    }

    // A commitment named by its paraphrase ends "(paraphrase)": that word is the page's own.
    private static string Paraphrase(IStringLocalizer<Text> text, string value) =>
        value.EndsWith(" (paraphrase)", StringComparison.Ordinal) ? $"{value[..^" (paraphrase)".Length]} ({text["paraphrase"].Value})" : value;

    // Each pattern, the sentence's key, and which of its values are controlled words (a status, a kind) to translate.
    private static readonly (Regex Pattern, string Key, int[] Words)[] Patterns =
    [
        (CommitmentMade(), "Commitment made: {0}", []),
        (CommitmentAmended(), "Commitment {0} amended", []),
        (CommitmentStatus(), "Commitment {0}: {1} → {2}", [1, 2]),
        (Reaffirmed(), "Action plan reaffirmed by {0} {1}", [0]),
        (PeriodUnknown(), "Period {0}–{1}; adoption date not on record.", []),
        (Period(), "Period {0}–{1}.", []),
    ];

    [GeneratedRegex(@"^Commitment made: (.*)$", RegexOptions.Singleline)]
    private static partial Regex CommitmentMade();

    [GeneratedRegex(@"^Commitment (.*) amended$", RegexOptions.Singleline)]
    private static partial Regex CommitmentAmended();

    [GeneratedRegex(@"^Commitment (.*): ([a-z-]+) → ([a-z-]+)$", RegexOptions.Singleline)]
    private static partial Regex CommitmentStatus();

    [GeneratedRegex(@"^Action plan reaffirmed by (statement|meeting|clause|actionplan) (.*)$", RegexOptions.Singleline)]
    private static partial Regex Reaffirmed();

    [GeneratedRegex(@"^Period (\S+)–(\S+); adoption date not on record\.$")]
    private static partial Regex PeriodUnknown();

    [GeneratedRegex(@"^Period (\S+)–(\S+)\.$")]
    private static partial Regex Period();
}
