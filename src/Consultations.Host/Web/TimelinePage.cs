using System.Globalization;
using Consultations.Host.Timeline;
using Consultations.Projections.Timeline;

namespace Consultations.Host.Web;

/// <summary>
/// One bar of the timeline picture: where it is drawn, and whether its date is known only to a month or a year, or not
/// at all (<see cref="Undated"/>: drawn in the "not yet fixed" lane below the dated ones).
/// </summary>
public sealed record TimelineBar(TimelineEntry Entry, double X, double Width, double Y, bool Partial, string Link, bool Undated = false);

public sealed record TimelineTick(double X, string Label);

/// <summary>
/// The timeline drawn as SVG from the same entries the API lists: each entry a bar from the first to the last day it can
/// be, so a date known to a year is drawn as that year and a two-day meeting as its two days; entries with no date are
/// drawn in a lane of their own below the others, as a hollow mark at the right edge, labelled "not yet fixed" (as the status
/// report's chart has a "no date yet" column).
/// </summary>
public static class TimelinePage
{
    public const double Left = 10, Width = 1100, Row = 44, Top = 30, BarHeight = 16, LabelSize = 14;

    /// <summary>The drawing's own width in CSS pixels: drawn at that size (never scaled down), scrolled sideways on a narrow screen.</summary>
    public const double Drawing = Left * 2 + Width;

    /// <summary>The entry's record page; an action item's entry, keyed "plan-item:{plan}:{item}:…", links to the item's own page.</summary>
    public static string Link(TimelineEntry e) =>
        e.Kind == TimelineVocabulary.ActionItem && e.Id.Split(':') is ["plan-item", var plan, var item, ..] && plan == e.RecordId
            ? $"/action-plans/{Uri.EscapeDataString(plan)}/items/{Uri.EscapeDataString(item)}"
            : $"/{TimelineQueries.Collection(e.RecordKind)}/{e.RecordId}";

    /// <summary>The width of an undated entry's hollow mark, at the drawing's right edge.</summary>
    public const double UndatedMark = 60;

    /// <returns>The bars (undated ones last), the year ticks, the drawing's height, and where the undated lane starts (null with none).</returns>
    public static (IReadOnlyList<TimelineBar> Bars, IReadOnlyList<TimelineTick> Ticks, double Height, double? UndatedLane) Layout(IReadOnlyList<TimelineEntry> entries)
    {
        var dated = entries.Where(e => e.SortDate is not null).ToList();
        var undated = entries.Where(e => e.SortDate is null).ToList();
        if (dated.Count == 0 && undated.Count == 0) return ([], [], Top + Row, null);
        if (dated.Count == 0) return Undated(undated, [], [], Top);
        var start = new DateOnly(dated.Min(e => e.SortDate!.Value).Year, 1, 1);
        var end = new DateOnly(dated.Max(e => (e.EndDate ?? e.SortDate)!.Value).Year + 1, 1, 1);
        double span = end.DayNumber - start.DayNumber;
        double X(DateOnly d) => Left + (d.DayNumber - start.DayNumber) / span * Width;

        var bars = dated.Select((e, i) =>
        {
            var from = X(e.SortDate!.Value);
            var to = X((e.EndDate ?? e.SortDate!.Value).AddDays(1));
            return new TimelineBar(e, from, Math.Max(4, to - from), Top + i * Row + LabelSize + 6, (e.EndDate ?? e.SortDate) != e.SortDate && e.Dates?.From.ToString().Length < 10, Link(e));
        }).ToList();
        var ticks = Enumerable.Range(start.Year, end.Year - start.Year + 1)
            .Select(y => new TimelineTick(X(new DateOnly(y, 1, 1)), y.ToString(CultureInfo.InvariantCulture))).ToList();
        return undated.Count == 0 ? (bars, ticks, Top + bars.Count * Row + 10, null) : Undated(undated, bars, ticks, Top + bars.Count * Row);
    }

    // The lane of entries with no date: a caption row, then one row per entry, its hollow mark at the right edge.
    private static (IReadOnlyList<TimelineBar>, IReadOnlyList<TimelineTick>, double, double?) Undated(
        List<TimelineEntry> undated, List<TimelineBar> bars, List<TimelineTick> ticks, double lane)
    {
        var first = lane + Row;
        bars.AddRange(undated.Select((e, i) =>
            new TimelineBar(e, Left + Width - UndatedMark, UndatedMark, first + i * Row + LabelSize + 6, false, Link(e), Undated: true)));
        return (bars, ticks, first + undated.Count * Row + 10, lane);
    }

    // Razor reads <text> as its own tag, so SVG text is written here, encoded.
    public static Microsoft.AspNetCore.Html.HtmlString Text(double x, double y, string cssClass, string content, bool before = false) =>
        new($"<text x=\"{F(x)}\" y=\"{F(y)}\" class=\"{cssClass}\"{(before ? " text-anchor=\"end\"" : "")}>{System.Net.WebUtility.HtmlEncode(content)}</text>");

    /// <summary>A year's label just right of its line; the last year's, at the drawing's right edge, ends just left of it instead.</summary>
    public static Microsoft.AspNetCore.Html.HtmlString TickLabel(TimelineTick t) =>
        t.X + 3 + LabelWidth(t.Label) > Drawing ? Text(t.X - 3, 14, "tick-label", t.Label, before: true) : Text(t.X + 3, 14, "tick-label", t.Label);

    /// <summary>
    /// A bar's label, on its own line just above the bar: it starts where the bar starts, moved left only as far as needed for
    /// the whole label to fit in the drawing, so no label is cut off and none overlaps another entry's.
    /// </summary>
    public static Microsoft.AspNetCore.Html.HtmlString Label(TimelineBar b, string notFixed = "not yet fixed")
    {
        var text = LabelText(b, notFixed);
        var x = Math.Max(Left, Math.Min(b.X, Left + Width - LabelWidth(text)));
        return Text(x, b.Y - 6, "bar-label", text);
    }

    /// <summary>An invisible area over the label and the bar, so a click anywhere on the entry's row part follows its link.</summary>
    public static Microsoft.AspNetCore.Html.HtmlString Hit(TimelineBar b, string notFixed = "not yet fixed")
    {
        var text = LabelText(b, notFixed);
        var labelX = Math.Max(Left, Math.Min(b.X, Left + Width - LabelWidth(text)));
        var x = Math.Min(labelX, b.X);
        var right = Math.Min(Left + Width, Math.Max(labelX + LabelWidth(text), b.X + b.Width));
        return new($"<rect x=\"{F(x)}\" y=\"{F(b.Y - LabelSize - 6)}\" width=\"{F(right - x)}\" height=\"{F(LabelSize + 6 + BarHeight)}\" class=\"bar-hit\" />");
    }

    private static string LabelText(TimelineBar b, string notFixed) => b.Entry.Title + $" ({b.Entry.Dates?.ToString() ?? notFixed})";

    /// <summary>A generous estimate of the label's width at <see cref="LabelSize"/> (wide characters count double).</summary>
    public static double LabelWidth(string text) => text.Sum(c => c > '\u2E80' ? LabelSize : LabelSize * 0.6);

    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
