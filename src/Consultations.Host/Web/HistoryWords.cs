using Microsoft.Extensions.Localization;

namespace Consultations.Host.Web;

/// <summary>
/// A history line's words, the same on a record's history and in the audit trail: the label translated ("partyProgress.Japan"
/// → "Party progress (Japan)", the party as recorded); a controlled value (a status, a kind, a progress) translated; record
/// content as recorded.
/// </summary>
public static class HistoryWords
{
    // The changes whose values the record takes from a fixed list.
    private static readonly HashSet<string> Controlled = new(StringComparer.Ordinal) { "status", "to", "kind", "progress", "partyProgress", "certainty" };

    /// <summary>The label of a change: another record's id is named by the record's kind ("meetingId" → "Meeting", "fieldCode" → "Field").</summary>
    public static string Field(IStringLocalizer<Text> text, string field)
    {
        var cut = field.IndexOfAny(['.', '[']);
        var name = cut > 0 ? field[..cut] : field;
        name = name.EndsWith("Id", StringComparison.Ordinal) && name.Length > 2 ? name[..^2] : name.EndsWith("Code", StringComparison.Ordinal) ? name[..^4] : name;
        var words = JsonHtml.Words(name);
        // Resource names differ in more than case: "Clause" may be translated under "clause" only.
        var label = text[words] is { ResourceNotFound: false } found ? found.Value
            : text[words.ToLowerInvariant()] is { ResourceNotFound: false } lower ? lower.Value : words;
        return cut > 0 && field[cut] == '.' ? $"{label} ({field[(cut + 1)..]})" : label + (cut > 0 ? field[cut..] : "");
    }

    /// <summary>A value that names no other record: a controlled word translated, an entry's kind in words, else as recorded.</summary>
    public static string Value(IStringLocalizer<Text> text, string field, string value)
    {
        var cut = field.IndexOf('.');
        var name = cut > 0 ? field[..cut] : field;
        if (value == "—") return value;
        if (name == "entry") return WebWords.Kind(text, value);
        return Controlled.Contains(name) ? WebWords.Value(text, value) : value;
    }
}
