using System.Text.Json;
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
    /// <param name="titles">Names each other record linked to by its title (its id then a hint); without, the id is the link.</param>
    /// <param name="keep">Keeps the page's axes on each link (a replay stays a replay).</param>
    public static HtmlString Render(JsonNode? node, IStringLocalizer<Text>? text = null, RecordTitles? titles = null, Func<string, string>? keep = null)
    {
        var html = new StringBuilder();
        Write(html, node, 0, text, titles ?? RecordTitles.None, keep);
        return new HtmlString(html.ToString());
    }

    /// <summary>Every other record the JSON links to, as (collection, id): the titles to load before rendering it.</summary>
    public static IEnumerable<(string Collection, string Id)> Links(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (value is JsonValue v && v.TryGetValue(out string? id) && LinkTo(key, o, id) is { } link) yield return link;
                    else foreach (var inner in Links(value)) yield return inner;
                }

                break;
            case JsonArray a:
                foreach (var inner in a.SelectMany(Links)) yield return inner;
                break;
        }
    }

    private static void Write(StringBuilder html, JsonNode? node, int depth, IStringLocalizer<Text>? text, RecordTitles titles, Func<string, string>? keep)
    {
        switch (node)
        {
            case JsonObject o:
                html.Append(depth == 0 ? "<dl class=\"record\">" : "<dl>");
                foreach (var (key, value) in o.Where(p => (p.Value is not null || UnknownWhenNull.Contains(p.Key)) && !(p.Value is JsonArray { Count: 0 })))
                {
                    if (value is null)
                    {
                        // A date the source does not give is said to be unknown, not left out (ADR 0056).
                        html.Append("<dt>").Append(Encode(text?[Words(key)].Value ?? Words(key))).Append("</dt><dd class=\"unknown\">")
                            .Append(Encode(text?["not on record"].Value ?? "not on record")).Append("</dd>");
                        continue;
                    }

                    var page = value is JsonValue v && v.TryGetValue(out string? id) ? LinkTo(key, o, id) : null;
                    var label = page is null || key.Length <= 2 || key == "supersededBy" ? Words(key) : Words(key[..^(key.EndsWith("Code", StringComparison.Ordinal) ? 4 : 2)]);
                    html.Append("<dt>").Append(Encode(text?[label].Value ?? label)).Append("</dt><dd>");
                    if (page is { } link) html.Append(titles.Link(link.Collection, link.Id, keep).Value);
                    else Write(html, value, depth + 1, text, titles, keep);
                    html.Append("</dd>");
                }

                html.Append("</dl>");
                break;
            case JsonArray a:
                html.Append("<ul>");
                foreach (var item in a)
                {
                    html.Append("<li>");
                    Write(html, item, depth + 1, text, titles, keep);
                    html.Append("</li>");
                }

                html.Append("</ul>");
                break;
            case null:
                html.Append('—');
                break;
            case JsonValue v when v.TryGetValue(out bool yes):
                var word = yes ? "yes" : "no";
                html.Append(Encode(text?[word].Value ?? word));
                break;
            case JsonValue v when text is not null && v.TryGetValue(out string? value) && ControlledWords.TryGetValue(value, out var name)
                                  && (text[value] is { ResourceNotFound: false } byWord ? byWord : text[name]) is { ResourceNotFound: false } translated:
                // A controlled value (a status, a kind, "paraphrase"): in the reader's language; record content stays as recorded.
                html.Append(Encode(translated.Value));
                break;
            default:
                html.Append(Encode(node.ToString()));
                break;
        }
    }

    // Members whose null means "the record does not know" rather than "none": shown as such.
    private static readonly HashSet<string> UnknownWhenNull = new(StringComparer.Ordinal) { "draftedOn" };

    // Every domain enum's API word ("in-progress") → its C# name ("InProgress"), the key its translation is under.
    private static readonly Dictionary<string, string> ControlledWords = typeof(Words).Assembly.GetTypes()
        .Where(t => t.IsEnum && t.IsPublic)
        .SelectMany(t => Enum.GetNames(t))
        .DistinctBy(n => JsonNamingPolicy.KebabCaseLower.ConvertName(n))
        .ToDictionary(n => JsonNamingPolicy.KebabCaseLower.ConvertName(n), n => n, StringComparer.Ordinal);

    // Another record's id, shown as a link to its page: "dialogueId" → /dialogues/{id}; a source { kind, id } by its kind.
    private static readonly Dictionary<string, string> Pages = new(StringComparer.Ordinal)
    {
        ["dialogue"] = "dialogues", ["commitment"] = "commitments", ["milestone"] = "milestones", ["document"] = "documents",
        ["meeting"] = "meetings", ["statement"] = "statements", ["actionPlan"] = "action-plans", ["plan"] = "action-plans",
        ["field"] = "fields", ["clause"] = "statements", ["plan-item"] = "action-plans",
    };

    // A "milestoneId" names a commitment's or an item's own milestone, shown on that page, not a stand-alone milestone
    // (whose record says "id"): it links nowhere (issue 11, third review, finding 12).
    private const string OwnMilestone = "milestone";

    private static (string Collection, string Id)? LinkTo(string key, JsonObject owner, string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Contains('#', StringComparison.Ordinal)) return null;
        // A superseded commitment names its successor by id: a commitment, linked by its words (third review, finding 31).
        if (key == "supersededBy") return ("commitments", id);
        if (key == "id")
            return owner["kind"] is JsonValue k && k.TryGetValue(out string? kind) && Pages.TryGetValue(kind, out var byKind) ? (byKind, id) : null;
        var stem = key.EndsWith("Id", StringComparison.Ordinal) ? key[..^2] : key.EndsWith("Code", StringComparison.Ordinal) ? key[..^4] : null;
        return stem is not null && stem != OwnMilestone && Pages.TryGetValue(stem, out var collection) ? (collection, id) : null;
    }

    /// <summary>The collection of the record a history change's value names (<c>meetingId</c>, <c>evidence</c>…), null when it names none.</summary>
    public static string? CollectionOf(string field) => field switch
    {
        "evidence" => "documents",
        "supersededBy" => "commitments",
        "actionPlanId" => "action-plans",
        _ when field.EndsWith("Id", StringComparison.Ordinal) && field is not ("itemId" or "milestoneId") && Pages.TryGetValue(field[..^2], out var c) => c,
        _ when field.EndsWith("Code", StringComparison.Ordinal) && Pages.TryGetValue(field[..^4], out var c) => c,
        _ => null,
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    // "effectiveOn" → "effective on": the API's member names, readable.
    public static string Words(string name)
    {
        if (name == "isAdopted") return "Adopted";
        var words = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0) words.Append(' ');
            words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
