using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Consultations.Host.Web;

/// <summary>A record as the API answers it (its JSON), shown as nested lists, every value encoded.</summary>
public static class JsonHtml
{
    /// <param name="text">Translates the member names (the page's words); the values are the record's and shown as recorded.</param>
    public static HtmlString Render(JsonNode? node, IStringLocalizer<Text>? text = null)
    {
        var html = new StringBuilder();
        Write(html, node, 0, text);
        return new HtmlString(html.ToString());
    }

    private static void Write(StringBuilder html, JsonNode? node, int depth, IStringLocalizer<Text>? text)
    {
        switch (node)
        {
            case JsonObject o:
                html.Append(depth == 0 ? "<dl class=\"record\">" : "<dl>");
                foreach (var (key, value) in o.Where(p => p.Value is not null && !(p.Value is JsonArray { Count: 0 })))
                {
                    html.Append("<dt>").Append(Encode(text?[Words(key)].Value ?? Words(key))).Append("</dt><dd>");
                    Write(html, value, depth + 1, text);
                    html.Append("</dd>");
                }

                html.Append("</dl>");
                break;
            case JsonArray a:
                html.Append("<ul>");
                foreach (var item in a)
                {
                    html.Append("<li>");
                    Write(html, item, depth + 1, text);
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
    public static string Words(string name)
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
