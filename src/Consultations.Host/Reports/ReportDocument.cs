using System.Globalization;
using System.Text;
using Consultations.Domain.Commitments;
using Consultations.Projections.Fields;
using static Consultations.Host.Reports.Charts;

namespace Consultations.Host.Reports;

/// <summary>The status report as one self-contained HTML page (inline CSS and SVG), or as Markdown.</summary>
public static class ReportDocument
{
    public const string Css = """
            body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans JP",sans-serif;color:#111827;max-width:1040px;margin:2rem auto;padding:0 1.2rem;line-height:1.45}
            h1{font-size:1.7rem;margin:0 0 .2rem}h2{font-size:1.2rem;margin:2.2rem 0 .6rem;border-bottom:2px solid #e5e7eb;padding-bottom:.25rem}
            .sub{color:#4b5563;margin:0 0 1rem}.fresh{font-size:.85rem;color:#6b7280}
            .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:.7rem;margin:1.2rem 0}
            .card{border:1px solid #e5e7eb;border-radius:8px;padding:.7rem .9rem}.card b{display:block;font-size:1.6rem}.card span{color:#4b5563;font-size:.85rem}
            table{border-collapse:collapse;width:100%;font-size:.88rem}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e5e7eb;vertical-align:top}
            th{background:#f9fafb;font-weight:600}td.nw{white-space:nowrap}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .pill{display:inline-block;border-radius:999px;padding:0 .55rem;font-size:.78rem;font-weight:600}
            .active{background:#dcfce7;color:#166534}.stalled{background:#fef3c7;color:#92400e}.concluded{background:#e0e7ff;color:#3730a3}
            figure{margin:0;overflow-x:auto}figcaption{color:#4b5563;font-size:.85rem;margin-top:.3rem}
            .meeting{border-left:4px solid #2563eb;padding:.2rem .9rem;margin:.9rem 0}.meeting.cancelled{border-color:#9ca3af}.meeting h3{margin:.2rem 0;font-size:1rem}
            .muted{color:#6b7280}
            @media print{body{margin:0}h2{break-after:avoid}figure,table{break-inside:avoid}}
        """;

    public static string Html(StatusReport r)
    {
        var d = r.Dialogue;
        var c = Totals(r);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Status report — {{Esc(d.Title)}}</title>
            <style>{{Css}}</style></head><body>
            <h1>{{Esc(d.Title)}}</h1>
            <p class="sub">{{Esc(string.Join(" – ", d.Parties))}}{{(d.Subject is null ? "" : " · " + Esc(d.Subject))}} · opened {{d.OpenedOn}} · status on {{r.Today:yyyy-MM-dd}}</p>
            <p class="fresh">{{Esc(FreshnessLine(r))}}</p>
            <div class="cards">
            <div class="card"><b>{{r.Fields.Count}}</b><span>cooperation fields — {{c.Active}} active, {{c.Stalled}} stalled, {{c.Concluded}} concluded</span></div>
            <div class="card"><b>{{c.Commitments}}</b><span>commitments — {{c.OpenCommitments}} open, {{c.Fulfilled}} fulfilled</span></div>
            <div class="card"><b>{{c.Held}}</b><span>meetings held, {{c.Scheduled}} scheduled</span></div>
            <div class="card"><b>{{c.OpenItems}} / {{c.Items}}</b><span>action-plan items open</span></div>
            <div class="card"><b>{{Score(c.Compliance.Average)}}</b><span>average compliance (-1 to +1) over {{c.Compliance.Reviews}} latest party reviews</span></div>
            <div class="card"><b>{{c.Overdue}}</b><span>commitments with a milestone overdue, {{c.DueSoon}} due within {{r.DueSoonDays}} days</span></div>
            </div>
            <h2>Commitments by status in each field</h2>
            <figure>{{CommitmentsByStatus(r.Fields)}}<figcaption>Each bar is one cooperation field; its segments count the field's commitments in each status.</figcaption></figure>
            <h2>Timeline</h2>
            <figure>{{Charts.Timeline(r.Timeline, d.OpenedOn, r.Today)}}<figcaption>Days are dots (a number: that many on the day), several days a bar; a date known only to a month or year is a hatched range over it. Before the dialogue opened: left gutter; not yet dated: right column.</figcaption></figure>
            <h2>Cooperation fields</h2>
            <table><thead><tr><th>Field</th><th>Health</th><th class="n">Commitments</th><th class="n">Open</th><th class="n">Fulfilled</th><th class="n">Action items open</th><th class="n">Compliance</th><th>Last activity</th><th>Agencies</th></tr></thead><tbody>
            """);
        foreach (var f in r.Fields)
        {
            var s = f.Field;
            html.Append(CultureInfo.InvariantCulture, $"""<tr><td>{Esc(s.Id)} · {Esc(s.Title)}</td><td><span class="pill {Word(f.Health)}">{Word(f.Health)}</span></td><td class="n">{s.Commitments.Total}</td><td class="n">{s.Commitments.Open}</td><td class="n">{s.Commitments.Fulfilled}</td><td class="n">{s.OpenActionItems} / {s.ActionItems}</td><td class="n">{Score(s.Compliance.Average)}</td><td>{s.LastActivityOn}</td><td>{Esc(string.Join(", ", s.Agencies))}</td></tr>""");
            html.Append('\n');
        }

        html.Append(CultureInfo.InvariantCulture, $"""</tbody></table><p class="muted">Stalled: nothing happened in the field for more than {r.StalledAfterDays} days. Concluded: every commitment is final and no action item is open.</p>""");
        html.Append("\n<h2>Meetings</h2>\n");
        foreach (var m in r.Meetings)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<div class="meeting {Word(m.Status)}"><h3>{Esc(m.Title)}</h3><p class="muted">{Esc(m.Date)} · {Esc(m.Place)} · {Word(m.Kind)} · {Word(m.Status)}</p>""");
            if (m.Outcome is not null) html.Append(CultureInfo.InvariantCulture, $"<p>{Esc(m.Outcome)}</p>");
            if (m.CancellationReason is not null) html.Append(CultureInfo.InvariantCulture, $"<p>Cancelled: {Esc(m.CancellationReason)}</p>");
            if (m.Decisions.Count > 0) html.Append("<ul>").Append(string.Concat(m.Decisions.Select(x => $"<li>{Esc(x)}</li>"))).Append("</ul>");
            foreach (var st in m.StatementsAdopted)
                html.Append(CultureInfo.InvariantCulture, $"<p>Adopted: <b>{Esc(st.Title ?? st.Id)}</b> ({st.AdoptedOn}; {Esc(string.Join(", ", st.Signatories))})</p>");
            if (m.CommitmentCount > 0)
            {
                var byStatus = m.CommitmentsMade.GroupBy(x => x.Status).Select(g => $"{g.Count()} {(g.Key is { } k ? CommitmentDecider.Describe(k) : "?")}");
                html.Append(CultureInfo.InvariantCulture, $"<p>{m.CommitmentCount} commitments made at it or drawn from its statements: {Esc(string.Join(", ", byStatus))}.</p>");
            }

            if (m.PlansReaffirmed.Count > 0) html.Append(CultureInfo.InvariantCulture, $"<p>Reaffirmed: {Esc(string.Join(", ", m.PlansReaffirmed))}</p>");
            html.Append("</div>\n");
        }

        html.Append("<h2>Action-plan progress</h2>\n<table><thead><tr><th>Plan / field</th><th class=\"n\">Not started</th><th class=\"n\">On track</th><th class=\"n\">Delayed</th><th class=\"n\">Completed</th><th class=\"n\">Dropped</th><th class=\"n\">Done</th></tr></thead><tbody>\n");
        foreach (var p in r.Plans)
        {
            var name = p.FieldCode is null ? $"<b>{Esc(p.PlanTitle)}</b> <span class=\"muted\">{Esc(p.Period)}</span>" : $"&nbsp;&nbsp;{Esc(p.FieldCode)}";
            html.Append(CultureInfo.InvariantCulture, $"""<tr><td>{name}</td><td class="n">{p.Items.NotStarted}</td><td class="n">{p.Items.OnTrack}</td><td class="n">{p.Items.Delayed}</td><td class="n">{p.Items.Completed}</td><td class="n">{p.Items.Dropped}</td><td class="n">{p.PercentDone}%</td></tr>""");
            html.Append('\n');
        }

        if (r.Plans.Count == 0) html.Append("<tr><td colspan=\"7\" class=\"muted\">No action plan on record.</td></tr>");
        html.Append("</tbody></table>\n<h2>Commitment register</h2>\n<table><thead><tr><th>Commitment</th><th>Field</th><th>Status</th><th>Since</th><th class=\"n\">Days</th><th>Fora and agreements</th><th>Text</th></tr></thead><tbody>\n");
        foreach (var row in r.Register)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<tr><td>{Esc(row.Id)}</td><td class="nw">{Esc(row.FieldCode)}</td><td class="nw">{Esc(CommitmentDecider.Describe(row.Status))}</td><td class="nw">{row.StatusSince}</td><td class="n">{row.DaysInStatus}</td><td>{Esc(string.Join(", ", row.Fora.Concat(row.Agreements)))}</td><td>{Esc(Short(row.Text, 160))}</td></tr>""");
            html.Append('\n');
        }

        html.Append(CultureInfo.InvariantCulture, $"""</tbody></table><p class="fresh">Generated {r.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC from the {(r.Freshness is null ? "events" : "projections")}. Days in status count from the earliest day the status can have begun.</p></body></html>""");
        html.Append('\n');
        return html.ToString();
    }

    public static string Markdown(StatusReport r)
    {
        var d = r.Dialogue;
        var c = Totals(r);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {Md(d.Title)}\n\n{Md(string.Join(" – ", d.Parties))} · opened {d.OpenedOn} · status on {r.Today:yyyy-MM-dd}\n\n_{FreshnessLine(r)}_\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- **{r.Fields.Count}** cooperation fields: {c.Active} active, {c.Stalled} stalled, {c.Concluded} concluded\n");
        md.Append(CultureInfo.InvariantCulture, $"- **{c.Commitments}** commitments: {c.OpenCommitments} open, {c.Fulfilled} fulfilled\n");
        md.Append(CultureInfo.InvariantCulture, $"- **{c.Held}** meetings held, {c.Scheduled} scheduled\n- **{c.OpenItems} / {c.Items}** action-plan items open\n");
        md.Append(CultureInfo.InvariantCulture, $"- **{Score(c.Compliance.Average)}** average compliance (-1 to +1) over {c.Compliance.Reviews} latest party reviews\n");
        md.Append(CultureInfo.InvariantCulture, $"- **{c.Overdue}** commitments with a milestone overdue, {c.DueSoon} due within {r.DueSoonDays} days\n\n");
        md.Append("## Commitments by status in each field\n\n| Field | Health | ");
        md.Append(string.Join(" | ", StatusColours.Select(s => s.Label))).Append(" | Total |\n|---|---|").Append(string.Concat(StatusColours.Select(_ => "--:|"))).Append("--:|\n");
        foreach (var f in r.Fields)
        {
            var counts = f.Field.Commitments;
            int[] values = [counts.Proposed, counts.Agreed, counts.InProgress, counts.Fulfilled, counts.Lapsed, counts.Withdrawn, counts.Superseded];
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(f.Field.Id + " " + f.Field.Title)} | {Word(f.Health)} | {string.Join(" | ", values)} | {counts.Total} |\n");
        }

        md.Append("\n## Timeline\n\n| Date | Kind | What | Place | Status |\n|---|---|---|---|---|\n");
        foreach (var e in r.Timeline)
            md.Append(CultureInfo.InvariantCulture, $"| {e.Dates?.ToString() ?? "not yet fixed"} | {e.Kind} | {Cell(e.Title)} | {Cell(e.Place)} | {Cell(e.Status)} |\n");
        md.Append("\n## Meetings\n\n");
        foreach (var m in r.Meetings)
        {
            md.Append(CultureInfo.InvariantCulture, $"### {Md(m.Title)}\n\n{m.Date} · {Md(m.Place)} · {Word(m.Status)}\n\n");
            if (m.Outcome is not null) md.Append(Md(m.Outcome)).Append("\n\n");
            foreach (var st in m.StatementsAdopted) md.Append(CultureInfo.InvariantCulture, $"- Adopted: {Md(st.Title ?? st.Id)} ({st.AdoptedOn})\n");
            if (m.CommitmentCount > 0) md.Append(CultureInfo.InvariantCulture, $"- {m.CommitmentCount} commitments made at it or drawn from its statements\n");
            md.Append('\n');
        }

        md.Append("## Action-plan progress\n\n| Plan / field | Not started | On track | Delayed | Completed | Dropped | Done |\n|---|--:|--:|--:|--:|--:|--:|\n");
        foreach (var p in r.Plans)
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(p.FieldCode ?? p.PlanTitle)} | {p.Items.NotStarted} | {p.Items.OnTrack} | {p.Items.Delayed} | {p.Items.Completed} | {p.Items.Dropped} | {p.PercentDone}% |\n");
        md.Append("\n## Commitment register\n\n| Commitment | Field | Status | Since | Days | Fora and agreements |\n|---|---|---|---|--:|---|\n");
        foreach (var row in r.Register)
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(row.Id)} | {Cell(row.FieldCode)} | {CommitmentDecider.Describe(row.Status)} | {row.StatusSince} | {row.DaysInStatus} | {Cell(string.Join(", ", row.Fora.Concat(row.Agreements)))} |\n");
        return md.ToString();
    }

    private sealed record Figures(int Active, int Stalled, int Concluded, int Commitments, int OpenCommitments, int Fulfilled, int Held, int Scheduled, int OpenItems, int Items,
        ComplianceTally Compliance, int Overdue, int DueSoon);

    /// <summary>A compliance average as the report prints it: "+0.50", "-1.00", or "—" when nothing was assessed.</summary>
    private static string Score(double? average) => average is { } a ? a.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "—";

    private static Figures Totals(StatusReport r) => new(
        r.Fields.Count(f => f.Health == FieldHealth.Active),
        r.Fields.Count(f => f.Health == FieldHealth.Stalled),
        r.Fields.Count(f => f.Health == FieldHealth.Concluded),
        r.Fields.Sum(f => f.Field.Commitments.Total),
        r.Fields.Sum(f => f.Field.Commitments.Open),
        r.Fields.Sum(f => f.Field.Commitments.Fulfilled),
        r.Meetings.Count(m => m.Status == Domain.Meetings.MeetingStatus.Held),
        r.Meetings.Count(m => m.Status == Domain.Meetings.MeetingStatus.Scheduled),
        r.Fields.Sum(f => f.Field.OpenActionItems),
        r.Fields.Sum(f => f.Field.ActionItems),
        ComplianceTally.Of(r.Fields.Select(f => f.Field.Compliance)),
        r.Register.Count(x => x.Overdue),
        r.Register.Count(x => x.DueSoon));

    /// <summary>What the report was computed from: the projections and how far they have come, or the axes it was replayed on.</summary>
    private static string FreshnessLine(StatusReport r) => r.Freshness switch
    {
        null => $"The record {r.Axes}, replayed from its events.",
        { IsCurrent: true } f => $"Reflects every event recorded (up to #{f.Sequence}).",
        var f => $"Reporting views reflect events up to #{f.Sequence} of #{f.HighWaterMark}"
                 + (f.AsOf is { } asOf ? $" (recorded up to {asOf.UtcDateTime:yyyy-MM-dd HH:mm} UTC)." : "."),
    };

    private static string Word<T>(T value) where T : struct, Enum => Words.Of(value);

    private static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Cell(string? text) => Md(text).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>
    /// Recorded text as Markdown shows it and nothing more: HTML is escaped (a title "&lt;script&gt;" stays text in any
    /// renderer) and Markdown's own punctuation is backslash-escaped, so no text becomes a link, an image or a table cell.
    /// </summary>
    private static string Md(string? text)
    {
        var md = new StringBuilder();
        foreach (var c in text ?? "")
        {
            switch (c)
            {
                case '<': md.Append("&lt;"); break;
                case '>': md.Append("&gt;"); break;
                case '&': md.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|':
                    md.Append('\\').Append(c);
                    break;
                default: md.Append(c); break;
            }
        }

        return md.ToString();
    }
}
