using Consultations.Projections.Timeline;
using Microsoft.Extensions.Localization;

namespace Consultations.Host.Web;

/// <summary>
/// The timeline's own words in the person's language: the titles and summaries the timeline makes up ("Commitment made: …",
/// "Period 2024–2027; adoption date not on record.") are translated by pattern, with the record's content (a commitment's
/// text, a title) kept as recorded; a status word (<c>adopted</c>, <c>in-progress</c>) by its translation.
/// </summary>
public static class TimelineWords
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
    public static string Made(IStringLocalizer<Text> text, string made) => Titles.Translate(text, made, v => Paraphrase(text, v)) ?? made;

    // A commitment named by its paraphrase ends "(paraphrase)": that word is the page's own.
    private static string Paraphrase(IStringLocalizer<Text> text, string value) =>
        value.EndsWith(" (paraphrase)", StringComparison.Ordinal) ? $"{value[..^" (paraphrase)".Length]} ({text["paraphrase"].Value})" : value;

    // The places of the controlled words (a status, a kind) follow each sentence. "Period …; adoption date not on record." is
    // read before "Period ….", which would also read it.
    private static readonly Sentences Titles = new(
        new("Commitment made: {0}"),
        new("Commitment {0} amended"),
        new("Commitment {0}: {1} → {2}", 1, 2),
        new("Action plan reaffirmed by {0} {1}", 0),
        new("Period {0}–{1}; adoption date not on record."),
        new("Period {0}–{1}."));
}
