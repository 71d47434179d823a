using System.Globalization;
using System.Text;
using Consultations.Projections.Timeline;

namespace Consultations.Host.Reports;

/// <summary>Inline SVG charts of the status report: plain SVG, no script, readable printed or in a mail client.</summary>
public static class Charts
{
    public static readonly (CommitmentStatus Status, string Label, string Colour)[] StatusColours =
    [
        (CommitmentStatus.Proposed, "proposed", "#c4b5fd"),
        (CommitmentStatus.Agreed, "agreed", "#60a5fa"),
        (CommitmentStatus.InProgress, "in-progress", "#f59e0b"),
        (CommitmentStatus.Fulfilled, "fulfilled", "#16a34a"),
        (CommitmentStatus.Lapsed, "lapsed", "#9ca3af"),
        (CommitmentStatus.Withdrawn, "withdrawn", "#ef4444"),
        (CommitmentStatus.Superseded, "superseded", "#7c3aed"),
    ];

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Esc(string? text) => System.Net.WebUtility.HtmlEncode(text ?? "");

    /// <summary>One horizontal bar per field, its commitments stacked by status, with the count in each segment.</summary>
    public static string CommitmentsByStatus(IReadOnlyList<FieldLine> fields)
    {
        const int labelWidth = 330, barWidth = 480, rowHeight = 30, top = 58, barHeight = 20;
        var width = labelWidth + barWidth + 60;
        var height = top + Math.Max(1, fields.Count) * rowHeight + 30;
        var max = Math.Max(1, fields.Select(f => f.Field.Commitments.Total).DefaultIfEmpty(0).Max());
        var scale = (double)barWidth / max;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="cbs-title" font-family="system-ui, sans-serif" font-size="13">""");
        svg.Append("""<title id="cbs-title">Commitments by status in each cooperation field</title>""");

        // Legend: only the statuses that occur, so the reader is not asked to decode colours that are not there.
        var present = StatusColours.Where(s => fields.Any(f => Count(f, s.Status) > 0)).ToList();
        if (present.Count == 0) present = [.. StatusColours.Take(3)];
        var x = (double)labelWidth;
        foreach (var (_, label, colour) in present)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{N(x)}" y="12" width="14" height="14" rx="2" fill="{colour}"/><text x="{N(x + 19)}" y="24">{Esc(label)}</text>""");
            x += 26 + label.Length * 7.2;
        }

        // Grid lines at whole numbers of commitments.
        var step = max <= 10 ? 1 : max <= 25 ? 5 : 10;
        for (var t = 0; t <= max; t += step)
        {
            var gx = labelWidth + t * scale;
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{N(gx)}" y1="{top - 8}" x2="{N(gx)}" y2="{height - 26}" stroke="#e5e7eb"/><text x="{N(gx)}" y="{height - 10}" text-anchor="middle" fill="#6b7280" font-size="11">{t}</text>""");
        }

        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            var y = top + i * rowHeight;
            var label = $"{f.Field.Number}. {f.Field.Title}";
            if (label.Length > 44) label = label[..43] + "…";
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{labelWidth - 10}" y="{y + 15}" text-anchor="end"><title>{Esc(f.Field.Id + ": " + f.Field.Title)}</title>{Esc(label)}</text>""");
            var sx = (double)labelWidth;
            foreach (var (status, statusLabel, colour) in StatusColours)
            {
                var count = Count(f, status);
                if (count == 0) continue;
                var w = count * scale;
                svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{N(sx)}" y="{y}" width="{N(w)}" height="{barHeight}" fill="{colour}" stroke="#fff" stroke-width="1"><title>{Esc($"{f.Field.Id} {statusLabel}: {count}")}</title></rect>""");
                if (w >= 16)
                    svg.Append(CultureInfo.InvariantCulture, $"""<text x="{N(sx + w / 2)}" y="{y + 15}" text-anchor="middle" fill="#111827" font-size="12">{count}</text>""");
                sx += w;
            }

            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{N(sx + 6)}" y="{y + 15}" fill="#374151" font-weight="600">{f.Field.Commitments.Total}</text>""");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    public static int Count(FieldLine f, CommitmentStatus status) => status switch
    {
        CommitmentStatus.Proposed => f.Field.Commitments.Proposed,
        CommitmentStatus.Agreed => f.Field.Commitments.Agreed,
        CommitmentStatus.InProgress => f.Field.Commitments.InProgress,
        CommitmentStatus.Fulfilled => f.Field.Commitments.Fulfilled,
        CommitmentStatus.Lapsed => f.Field.Commitments.Lapsed,
        CommitmentStatus.Withdrawn => f.Field.Commitments.Withdrawn,
        _ => f.Field.Commitments.Superseded,
    };

    private sealed record Lane(string Label, string Colour, List<TimelineEntry> Entries, bool Aggregate);

    private static readonly Dictionary<string, (string Label, string Colour, int Order)> Kinds = new()
    {
        ["meeting"] = ("Meetings", "#2563eb", 0),
        ["statement"] = ("Statements", "#0f766e", 1),
        ["action-plan"] = ("Action plans", "#b45309", 2),
        ["action-item"] = ("Action items", "#d97706", 3),
        ["commitment-made"] = ("Commitments made", "#16a34a", 4),
        ["commitment-status"] = ("Status changes", "#7c3aed", 5),
        ["commitment-amended"] = ("Amendments", "#db2777", 6),
    };

    /// <summary>
    /// The dialogue on a date axis from the month it opened to today: one lane per meeting, statement and plan, and one
    /// lane per kind of commitment or item change with the number of changes on each date. A date known only to a month
    /// or year is drawn as a hatched range over that period; what happened before the axis sits in a gutter on the left,
    /// what has no date yet in a column on the right.
    /// </summary>
    public static string Timeline(IReadOnlyList<TimelineEntry> entries, PartialDate openedOn, DateOnly today)
    {
        var start = new DateOnly(openedOn.Year, openedOn.Month ?? 1, 1);
        var lastDated = entries.Where(e => e.EndDate is not null).Select(e => e.EndDate!.Value).DefaultIfEmpty(today).Max();
        var endDay = lastDated > today ? lastDated : today;
        var end = new DateOnly(endDay.Year, endDay.Month, 1).AddMonths(1);
        var months = (end.Year - start.Year) * 12 + end.Month - start.Month;

        const int labelWidth = 280, gutter = 70, undatedWidth = 90, laneHeight = 26, top = 46;
        var monthWidth = Math.Clamp(620.0 / Math.Max(1, months), 38, 110);
        var axisLeft = labelWidth + gutter;
        var axisWidth = months * monthWidth;
        var undatedLeft = axisLeft + axisWidth + 14;
        var width = (int)(undatedLeft + undatedWidth + 10);

        var lanes = new List<Lane>();
        foreach (var group in entries.Where(e => e.Kind is "meeting" or "statement" or "action-plan" or "action-plan-reaffirmed")
                     .GroupBy(e => (e.Kind == "action-plan-reaffirmed" ? "action-plan" : e.Kind, e.RecordId))
                     .OrderBy(g => Kinds[g.Key.Item1].Order)
                     .ThenBy(g => g.Min(e => e.SortDate ?? DateOnly.MaxValue)))
        {
            var main = group.FirstOrDefault(e => e.Kind == group.Key.Item1) ?? group.First();
            lanes.Add(new Lane(main.Title, Kinds[group.Key.Item1].Colour, [.. group], false));
        }

        foreach (var kind in new[] { "action-item", "commitment-made", "commitment-status", "commitment-amended" })
        {
            var list = entries.Where(e => e.Kind == kind).ToList();
            if (list.Count > 0) lanes.Add(new Lane(Kinds[kind].Label, Kinds[kind].Colour, list, true));
        }

        var height = top + Math.Max(1, lanes.Count) * laneHeight + 40;
        double X(DateOnly d) => axisLeft + (d.DayNumber - start.DayNumber) / (double)(end.DayNumber - start.DayNumber) * axisWidth;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="tl-title" font-family="system-ui, sans-serif" font-size="12">""");
        svg.Append("""<title id="tl-title">Timeline of the dialogue</title>""");
        svg.Append("""<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f3f4f6"/><line x1="0" y1="0" x2="0" y2="6" stroke="#9ca3af" stroke-width="2"/></pattern></defs>""");

        // Month grid, with the year on January and on the first month drawn.
        for (var m = 0; m <= months; m++)
        {
            var day = start.AddMonths(m);
            var gx = X(day);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{N(gx)}" y1="{top - 14}" x2="{N(gx)}" y2="{height - 30}" stroke="{(day.Month == 1 ? "#9ca3af" : "#e5e7eb")}"/>""");
            if (m < months)
            {
                var label = day.ToString(day.Month == 1 || m == 0 ? "MMM yyyy" : "MMM", CultureInfo.InvariantCulture);
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{N(gx + monthWidth / 2)}" y="{top - 20}" text-anchor="middle" fill="#374151" font-size="11">{label}</text>""");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{labelWidth + gutter / 2}" y="{top - 20}" text-anchor="middle" fill="#6b7280" font-size="11">earlier</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{N(undatedLeft)}" y="{top - 14}" width="{undatedWidth}" height="{height - 30 - top + 14}" fill="#f9fafb" stroke="#e5e7eb"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{N(undatedLeft + undatedWidth / 2.0)}" y="{top - 20}" text-anchor="middle" fill="#6b7280" font-size="11">no date yet</text>""");
        var todayX = X(today);
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{N(todayX)}" y1="{top - 14}" x2="{N(todayX)}" y2="{height - 30}" stroke="#dc2626" stroke-dasharray="4 3"/><text x="{N(todayX)}" y="{height - 16}" text-anchor="middle" fill="#dc2626" font-size="11">today {today:yyyy-MM-dd}</text>""");

        for (var i = 0; i < lanes.Count; i++)
        {
            var lane = lanes[i];
            var y = top + i * laneHeight;
            var cy = y + laneHeight / 2.0;
            if (i % 2 == 0) svg.Append(CultureInfo.InvariantCulture, $"""<rect x="0" y="{y}" width="{width}" height="{laneHeight}" fill="#f9fafb" opacity="0.6"/>""");
            var label = lane.Label.Length > 40 ? lane.Label[..39] + "…" : lane.Label;
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{labelWidth - 8}" y="{N(cy + 4)}" text-anchor="end" fill="{(lane.Aggregate ? "#374151" : "#111827")}" font-style="{(lane.Aggregate ? "italic" : "normal")}"><title>{Esc(lane.Label)}</title>{Esc(label)}</text>""");

            var marks = lane.Aggregate
                ? lane.Entries.GroupBy(e => e.Dates?.ToString() ?? "").Select(g => (Entry: g.First(), Count: g.Count()))
                : lane.Entries.Select(e => (Entry: e, Count: 1));
            foreach (var (entry, count) in marks)
                svg.Append(Mark(entry, count, lane, cy, start, undatedLeft + undatedWidth / 2.0, labelWidth + gutter / 2.0, X));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Mark(TimelineEntry e, int count, Lane lane, double cy, DateOnly start, double undatedX, double earlierX, Func<DateOnly, double> x)
    {
        var tip = Esc($"{e.Dates?.ToString() ?? "not yet fixed"} · {e.Title}{(count > 1 ? $" (+{count - 1} more that day)" : "")}{(e.Status is null ? "" : $" · {e.Status}")}");
        var colour = e.Status == "cancelled" ? "#9ca3af" : e.Kind == "action-plan-reaffirmed" ? "#f59e0b" : lane.Colour;
        var badge = count > 1 ? Badge(count) : "";
        if (e.Dates is null || e.SortDate is null || e.EndDate is null)
            return Dot(undatedX, cy, colour, tip, hollow: true) + Text(undatedX + 10, cy + 4, "?", "#6b7280");
        if (e.EndDate.Value < start)
            return Dot(earlierX, cy, colour, tip) + Text(earlierX + 9, cy + 4, e.Dates.ToString(), "#6b7280");

        var from = e.SortDate.Value < start ? start : e.SortDate.Value;
        var x1 = x(from);
        var x2 = x(e.EndDate.Value.AddDays(1));
        var isPartial = e.Dates.From.Precision != DatePrecision.Day;
        if (isPartial)
        {
            // Known only to a month or a year: the whole period it may fall in, hatched, with the date as the record has it.
            return FormattableString.Invariant($"""<g><title>{tip}</title><rect x="{N(x1)}" y="{N(cy - 7)}" width="{N(Math.Max(4, x2 - x1))}" height="14" rx="3" fill="url(#hatch)" stroke="{colour}" stroke-width="1.5"/><text x="{N(x1 + 4)}" y="{N(cy + 4)}" fill="#111827" font-size="10" font-weight="600">{Esc(e.Dates.ToString())}</text></g>""")
                   + (badge.Length > 0 ? Positioned(badge, x2 + 10, cy) : "");
        }

        if (e.Dates.To is not null || x2 - x1 > 8)
        {
            // Several days: a bar over them, never thinner than a dot so that two days still read as a span.
            var w = Math.Max(10, x2 - x1);
            return FormattableString.Invariant($"""<g><title>{tip}</title><rect x="{N((x1 + x2 - w) / 2)}" y="{N(cy - 6)}" width="{N(w)}" height="12" rx="3" fill="{colour}"/></g>""")
                   + (badge.Length > 0 ? Positioned(badge, x2 + 10, cy) : "");
        }

        var centre = (x1 + x2) / 2;
        return count > 1
            ? FormattableString.Invariant($"""<g><title>{tip}</title><circle cx="{N(centre)}" cy="{N(cy)}" r="{N(Math.Min(11, 6 + Math.Sqrt(count) * 1.2))}" fill="{colour}"/><text x="{N(centre)}" y="{N(cy + 4)}" text-anchor="middle" fill="#fff" font-size="10" font-weight="700">{count}</text></g>""")
            : Dot(centre, cy, colour, tip);
    }

    private static string Dot(double cx, double cy, string colour, string tip, bool hollow = false) =>
        FormattableString.Invariant($"""<g><title>{tip}</title><circle cx="{N(cx)}" cy="{N(cy)}" r="6" fill="{(hollow ? "#fff" : colour)}" stroke="{colour}" stroke-width="2"/></g>""");

    private static string Text(double x, double y, string text, string colour) =>
        FormattableString.Invariant($"""<text x="{N(x)}" y="{N(y)}" fill="{colour}" font-size="10">{Esc(text)}</text>""");

    private static string Badge(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Positioned(string badge, double x, double cy) =>
        FormattableString.Invariant($"""<text x="{N(x)}" y="{N(cy + 4)}" fill="#374151" font-size="10" font-weight="700">×{badge}</text>""");
}
