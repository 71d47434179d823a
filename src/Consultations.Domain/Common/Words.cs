using System.Text.Json;

namespace Consultations.Domain.Common;

/// <summary>
/// The one place enum values become words: <see cref="Of{T}"/> as the API spells them (<c>in-progress</c>,
/// <c>plan-item</c>), <see cref="Spoken{T}"/> as a sentence says them (<c>in progress</c>).
/// </summary>
public static class Words
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static string Spoken<T>(T value) where T : struct, Enum => Of(value).Replace('-', ' ');

    /// <summary>A value before a noun, with its article: <c>an in-progress</c> (commitment), <c>a fulfilled</c> (one).</summary>
    public static string Before<T>(T value, bool capital = false) where T : struct, Enum => WithArticle(Of(value), capital);

    /// <summary>A word with its indefinite article: <c>an action-plan-item-added</c>, <c>a meeting-held</c>.</summary>
    public static string WithArticle(string word, bool capital = false)
    {
        var article = word.Length > 0 && "aeiou".Contains(char.ToLowerInvariant(word[0]), StringComparison.Ordinal) ? "an" : "a";
        return $"{(capital ? char.ToUpperInvariant(article[0]) + article[1..] : article)} {word}";
    }
}
