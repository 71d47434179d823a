using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Html;

namespace Consultations.Host.Web;

/// <summary>A record as the API answers it (its JSON), shown as nested lists, every value encoded.</summary>
public static class JsonHtml
{
    public static HtmlString Render(JsonNode? node)
    {
        var html = new StringBuilder();
        Write(html, node, 0);
        return new HtmlString(html.ToString());
    }

    private static void Write(StringBuilder html, JsonNode? node, int depth)
    {
        switch (node)
        {
            case JsonObject o:
                html.Append(depth == 0 ? "<dl class=\"record\">" : "<dl>");
                foreach (var (key, value) in o.Where(p => p.Value is not null && !(p.Value is JsonArray { Count: 0 })))
                {
                    html.Append("<dt>").Append(Encode(Words(key))).Append("</dt><dd>");
                    Write(html, value, depth + 1);
                    html.Append("</dd>");
                }

                html.Append("</dl>");
                break;
            case JsonArray a:
                html.Append("<ul>");
                foreach (var item in a)
                {
                    html.Append("<li>");
                    Write(html, item, depth + 1);
                    html.Append("</li>");
                }

                html.Append("</ul>");
                break;
            case null:
                html.Append('—');
                break;
            default:
                html.Append(Encode(node.ToString()));
                break;
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    // "effectiveOn" → "effective on": the API's member names, readable.
    private static string Words(string name)
    {
        var words = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0) words.Append(' ');
            words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
