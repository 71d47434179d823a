namespace Consultations.Host.Web;

/// <summary>The web pages' own words, translated in Text.it.resx and Text.ja.resx (the key is the English text); record content is shown as recorded.</summary>
public sealed class Text;

/// <summary>How a state word (a status) is shown: its translation, or else the API's own word (<c>in-progress</c>), never the C# name.</summary>
public static class TextWords
{
    public static string Word<T>(this Microsoft.Extensions.Localization.IStringLocalizer<Text> text, T value) where T : struct, Enum
    {
        var translated = text[value.ToString()];
        return translated.ResourceNotFound ? Consultations.Domain.Common.Words.Of(value) : translated.Value;
    }
}

public static class TextOptions
{
    /// <summary>A choice in a list (a kind, a status): its translation, else in words ("Working group", "In progress"), never a spelling.</summary>
    public static string Option<T>(this Microsoft.Extensions.Localization.IStringLocalizer<Text> text, T value) where T : struct, Enum
    {
        var translated = text[value.ToString()];
        if (!translated.ResourceNotFound) return translated.Value;
        var word = Consultations.Domain.Common.Words.Of(value);
        if (text[word] is { ResourceNotFound: false } byWord) return byWord.Value;
        var words = word.Replace('-', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}

public static class WebWords
{
    /// <summary>A controlled value as the API spells it (<c>in-progress</c>, <c>adopted</c>): its translation, else the word as it is.</summary>
    public static string Value(Microsoft.Extensions.Localization.IStringLocalizer<Text> text, string word)
    {
        var pascal = string.Concat(word.Split('-').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
        var translated = text[pascal];
        if (!translated.ResourceNotFound) return translated.Value;
        translated = text[word];
        return translated.ResourceNotFound ? word : translated.Value;
    }

    /// <summary>An entry's kind (<c>commitment-status-changed</c>): its translation, else the API's name in words ("Commitment status changed").</summary>
    public static string Kind(Microsoft.Extensions.Localization.IStringLocalizer<Text> text, string kind)
    {
        var translated = text[kind];
        if (!translated.ResourceNotFound) return translated.Value;
        var words = kind.Replace('-', ' ');
        words = words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
        // Resource names differ in more than case: "statement" is translated under "Statement".
        return text[words] is { ResourceNotFound: false } byWords ? byWords.Value : words;
    }
}
