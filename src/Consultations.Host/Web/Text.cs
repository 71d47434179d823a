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

public static class WebWords
{
    /// <summary>An entry's kind (<c>commitment-status-changed</c>): its translation, else the API's name in words ("Commitment status changed").</summary>
    public static string Kind(Microsoft.Extensions.Localization.IStringLocalizer<Text> text, string kind)
    {
        var translated = text[kind];
        if (!translated.ResourceNotFound) return translated.Value;
        var words = kind.Replace('-', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
