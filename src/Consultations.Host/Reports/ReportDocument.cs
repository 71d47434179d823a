using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using static Consultations.Host.Reports.Charts;

namespace Consultations.Host.Reports;

/// <summary>
/// The status report's <see cref="Outline"/> as one self-contained HTML page (inline CSS and SVG, printable on A4), or as
/// Markdown; <see cref="ReportWord"/> writes it as .docx and <see cref="ReportPrinter"/> prints the HTML to PDF.
/// </summary>
public static partial class ReportDocument
{
    private const string Css = """
            body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans JP",sans-serif;color:#111827;max-width:1040px;margin:2rem auto;padding:0 1.2rem;line-height:1.45}
            h1{font-size:1.7rem;margin:0 0 .2rem}h2{font-size:1.2rem;margin:2.2rem 0 .6rem;border-bottom:2px solid #e5e7eb;padding-bottom:.25rem}h3{font-size:1rem;margin:1.1rem 0 .2rem}
            .sub{color:#4b5563;margin:0 0 1rem}.fresh{font-size:.85rem;color:#6b7280}
            table{border-collapse:collapse;width:100%;font-size:.88rem}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e5e7eb;vertical-align:top}
            th{background:#f9fafb;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            figure{margin:0}figure svg{display:block;max-width:100%;height:auto}figcaption{color:#4b5563;font-size:.85rem;margin-top:.3rem}
            .muted{color:#6b7280}
            @media print{
              body{max-width:none;margin:0;padding:0;font-size:10pt}
              section{break-before:page}section:first-of-type{break-before:auto}
              h2,h3{break-after:avoid}figure,tr{break-inside:avoid}thead{display:table-header-group}
            }
        """;

    /// <summary>Each printed page: A4, headed with the record's name and the axes, numbered "page n of m" (Chromium's margin boxes).</summary>
    private static string PageCss(Outline o) => $$"""
            @page{size:A4;margin:18mm 14mm 16mm;
              @top-left{content:"{{CssString(o.Running)}}";font:9pt system-ui,sans-serif;color:#4b5563}
              @bottom-right{content:"Page " counter(page) " of " counter(pages);font:9pt system-ui,sans-serif;color:#4b5563} }
        """;

    public static string Html(StatusReport report)
    {
        var o = ReportOutline.Of(report);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Status report — {Esc(o.Running)}</title>
            <style>{Css}{PageCss(o)}</style></head><body>
            <header><h1>{Esc(o.Title)}</h1>
            <p class="sub">{Esc(o.Subtitle)}</p>
            <p class="fresh">{Esc(o.Freshness)}</p></header>

            """);
        foreach (var section in o.Sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section>\n<h2>{Esc(section.Title)}</h2>\n");
            foreach (var block in section.Blocks) html.Append(Html(block)).Append('\n');
            html.Append("</section>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<footer><p class=\"fresh\">{Esc(o.Footer)}</p></footer></body></html>\n");
        return html.ToString();
    }

    private static string Html(Block block) => block switch
    {
        Paragraph p => p.Muted ? $"<p class=\"muted\">{Esc(p.Text)}</p>" : $"<p>{Esc(p.Text)}</p>",
        Bullets b => $"<ul>{string.Concat(b.Items.Select(i => $"<li>{Esc(i)}</li>"))}</ul>",
        SubHeading h => $"<h3>{Esc(h.Text)}</h3>",
        Chart c => $"<figure>{c.Svg}<figcaption>{Esc(c.Caption)}</figcaption></figure>",
        Grid g => "<table><thead><tr>" + string.Concat(g.Headers.Select((h, i) => $"<th{Num(g, i)}>{Esc(h)}</th>")) + "</tr></thead><tbody>"
                  + string.Concat(g.Rows.Select(r => "<tr>" + string.Concat(r.Select((v, i) => $"<td{Num(g, i)}>{Esc(v)}</td>")) + "</tr>\n"))
                  + "</tbody></table>",
        _ => "",
    };

    private static string Num(Grid g, int column) => g.Numeric.Contains(column) ? " class=\"n\"" : "";

    private static string CssString(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("<", "\\3C ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    public static string Markdown(StatusReport report)
    {
        var o = ReportOutline.Of(report);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {Md(o.Title)}\n\n{Md(o.Subtitle)}\n\n_{Md(o.Freshness)}_\n\n");
        foreach (var section in o.Sections)
        {
            md.Append(CultureInfo.InvariantCulture, $"## {Md(section.Title)}\n\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph p: md.Append(p.Muted ? $"_{Md(p.Text)}_" : Md(p.Text)).Append("\n\n"); break;
                    case Bullets b: md.Append(string.Concat(b.Items.Select(i => $"- {Md(i)}\n"))).Append('\n'); break;
                    case SubHeading h: md.Append(CultureInfo.InvariantCulture, $"### {Md(h.Text)}\n\n"); break;
                    case Grid g:
                        md.Append("| ").Append(string.Join(" | ", g.Headers.Select(Md))).Append(" |\n|")
                            .Append(string.Concat(g.Headers.Select((_, i) => g.Numeric.Contains(i) ? "--:|" : "---|"))).Append('\n');
                        foreach (var row in g.Rows) md.Append("| ").Append(string.Join(" | ", row.Select(Md))).Append(" |\n");
                        md.Append('\n');
                        break;
                }
            }
        }

        md.Append(CultureInfo.InvariantCulture, $"_{Md(o.Footer)}_\n");
        return md.ToString();
    }

    /// <summary>
    /// Text as Markdown shows it and nothing more: HTML is escaped (a "&lt;script&gt;" in a record stays text), and so are the
    /// characters Markdown would read as emphasis, links or table cells; line breaks become spaces.
    /// </summary>
    public static string Md(string? text) =>
        MarkdownSpecials().Replace((text ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal), @"\$1");

    [GeneratedRegex(@"([\\`*_{}\[\]|#~])")]
    private static partial Regex MarkdownSpecials();
}
