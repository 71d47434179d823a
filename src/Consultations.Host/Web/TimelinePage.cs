using System.Globalization;
using Consultations.Host.Timeline;
using Consultations.Projections.Timeline;

namespace Consultations.Host.Web;

/// <summary>One bar of the timeline picture: where it is drawn, and whether its date is known only to a month or a year.</summary>
public sealed record TimelineBar(TimelineEntry Entry, double X, double Width, double Y, bool Partial, string Link);

public sealed record TimelineTick(double X, string Label);

/// <summary>
/// The timeline drawn as SVG from the same entries the API lists: each entry a bar from the first to the last day it can
/// be, so a date known to a year is drawn as that year and a two-day meeting as its two days; entries with no date are
/// listed, not drawn.
/// </summary>
public static class TimelinePage
{
    public const double Left = 10, Width = 900, Row = 28, Top = 30;

    public static string Link(TimelineEntry e) => $"/{TimelineQueries.Collection(e.RecordKind)}/{e.RecordId}";

    public static (IReadOnlyList<TimelineBar> Bars, IReadOnlyList<TimelineTick> Ticks, double Height) Layout(IReadOnlyList<TimelineEntry> entries)
    {
        var dated = entries.Where(e => e.SortDate is not null).ToList();
        if (dated.Count == 0) return ([], [], Top + Row);
        var start = new DateOnly(dated.Min(e => e.SortDate!.Value).Year, 1, 1);
        var end = new DateOnly(dated.Max(e => (e.EndDate ?? e.SortDate)!.Value).Year + 1, 1, 1);
        double span = end.DayNumber - start.DayNumber;
        double X(DateOnly d) => Left + (d.DayNumber - start.DayNumber) / span * Width;

        var bars = dated.Select((e, i) =>
        {
            var from = X(e.SortDate!.Value);
            var to = X((e.EndDate ?? e.SortDate!.Value).AddDays(1));
            return new TimelineBar(e, from, Math.Max(4, to - from), Top + i * Row, (e.EndDate ?? e.SortDate) != e.SortDate && e.Dates?.From.ToString().Length < 10, Link(e));
        }).ToList();
        var ticks = Enumerable.Range(start.Year, end.Year - start.Year + 1)
            .Select(y => new TimelineTick(X(new DateOnly(y, 1, 1)), y.ToString(CultureInfo.InvariantCulture))).ToList();
        return (bars, ticks, Top + bars.Count * Row + 10);
    }

    // Razor reads <text> as its own tag, so SVG text is written here, encoded.
    public static Microsoft.AspNetCore.Html.HtmlString Text(double x, double y, string cssClass, string content, bool before = false) =>
        new($"<text x=\"{F(x)}\" y=\"{F(y)}\" class=\"{cssClass}\"{(before ? " text-anchor=\"end\"" : "")}>{System.Net.WebUtility.HtmlEncode(content)}</text>");

    /// <summary>A bar's label: after the bar, or before it when the bar reaches the right half.</summary>
    public static Microsoft.AspNetCore.Html.HtmlString Label(TimelineBar b) =>
        b.Width > 300 ? Text(b.X + 6, b.Y + 13, "bar-label-inside", b.Entry.Title)
        : b.X + b.Width > Left + Width * 0.55
            ? Text(Math.Max(b.X - 4, 120), b.Y + 13, "bar-label", b.Entry.Title, before: true)
            : Text(b.X + b.Width + 4, b.Y + 13, "bar-label", b.Entry.Title);

    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
