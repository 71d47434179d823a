using System.Globalization;

namespace Consultations.Host.Web;

/// <summary>
/// An error shown next to its input begins with the input's label: "is required: …" reads "Adopted on is required: …", a
/// sentence of its own reads "Dates held: Give the first day too." (the label and a colon, full-width in Japanese).
/// </summary>
public static class ErrorText
{
    /// <param name="label">The input's label as shown (translated); its explanation in brackets is left out.</param>
    public static string? WithSubject(string label, string? error)
    {
        if (string.IsNullOrWhiteSpace(error)) return null;
        error = error.Trim();
        var cut = label.IndexOfAny(['(', '（']);
        var subject = (cut > 0 ? label[..cut] : label).Trim();
        if (subject.Length == 0 || error.StartsWith(subject, StringComparison.CurrentCultureIgnoreCase)) return error;
        var japanese = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja";
        if (char.IsLower(error[0])) return subject + " " + error;
        // A Japanese predicate begins with its particle: 「件名」+「は必須です。」 reads 「件名は必須です。」.
        if (japanese && error[0] is 'は' or 'に' or 'を' or 'が') return subject + error;
        return subject + (japanese ? "：" : ": ") + error;
    }
}
