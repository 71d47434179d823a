using System.Text;
using System.Text.Encodings.Web;
using Consultations.Projections.Search;
using Microsoft.AspNetCore.Html;

namespace Consultations.Host.Web;

/// <summary>
/// A search snippet as HTML: the matched words (between <see cref="SearchText.StartMark"/> and <see cref="SearchText.StopMark"/>,
/// which the snippet's own text never holds: the search turns them into plain quotes first) in <c>&lt;mark&gt;</c>, and every
/// character of the record's text encoded, so markup recorded in a title or a clause is shown as text, never run.
/// </summary>
public static class Snippets
{
    public static IHtmlContent Marked(string snippet)
    {
        var html = new StringBuilder();
        var rest = snippet.AsSpan();
        while (rest.Length > 0)
        {
            var start = rest.IndexOf(SearchText.StartMark, StringComparison.Ordinal);
            if (start < 0) break;
            var stop = rest[(start + 1)..].IndexOf(SearchText.StopMark, StringComparison.Ordinal);
            if (stop < 0) break;
            html.Append(HtmlEncoder.Default.Encode(rest[..start].ToString()));
            html.Append("<mark>").Append(HtmlEncoder.Default.Encode(rest.Slice(start + 1, stop).ToString())).Append("</mark>");
            rest = rest[(start + 1 + stop + 1)..];
        }

        html.Append(HtmlEncoder.Default.Encode(rest.ToString()));
        return new HtmlString(html.ToString());
    }
}
