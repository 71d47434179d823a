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
