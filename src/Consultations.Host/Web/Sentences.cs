using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Consultations.Host.Web;

/// <summary>A sentence the service writes in English with values in it; its English text is the resource key.</summary>
/// <param name="Words">The places of the values that are controlled words (a status, a kind), translated in turn; the others are kept.</param>
public sealed record Sentence(string Key, params int[] Words);

/// <summary>
/// The one way made-up English sentences with values in them are translated (input errors, the timeline's titles): each
/// sentence's key is its English template, <c>{0}</c> standing for a value, so the template is also the pattern that finds
/// the sentence in an English text and reads its values back. The first sentence that reads the text wins: list the
/// longer of two alike first.
/// </summary>
public sealed partial class Sentences(params Sentence[] sentences)
{
    private readonly (Regex Pattern, Sentence Sentence)[] _patterns = [.. sentences.Select(s => (PatternOf(s.Key), s))];

    /// <summary>The text in the page's language, its values as written (through <paramref name="kept"/>); null when no sentence reads it or the language lacks it.</summary>
    public string? Translate(IStringLocalizer<Text> text, string english, Func<string, string>? kept = null)
    {
        foreach (var (pattern, sentence) in _patterns)
        {
            var match = pattern.Match(english);
            if (!match.Success) continue;
            object[] values = [.. match.Groups.Values.Skip(1).Select((g, i) => sentence.Words.Contains(i) ? WebWords.Value(text, g.Value) : kept?.Invoke(g.Value) ?? g.Value)];
            var found = text[sentence.Key, values];
            return found.ResourceNotFound ? null : found.Value;
        }

        return null;
    }

    private static Regex PatternOf(string template) =>
        new("^" + Placeholder().Replace(Regex.Escape(template), "(.*?)") + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\\\{\d+}")]
    private static partial Regex Placeholder();
}
