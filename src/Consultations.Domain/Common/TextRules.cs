namespace Consultations.Domain.Common;

/// <summary>
/// What text the record keeps: no NUL or other control character (PostgreSQL cannot store NUL, and the rest only hide
/// or garble text), no broken UTF-16 (a lone surrogate); in prose a line break (LF, or CR LF) and a tab are allowed.
/// </summary>
public static class TextRules
{
    /// <summary>The index of the first character the record does not keep, or null when every one is fine.</summary>
    public static int? FirstUnreadable(string value, bool prose)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c)) return i;
            if (!char.IsControl(c)) continue;
            if (prose && (c == '\n' || c == '\t' || (c == '\r' && i + 1 < value.Length && value[i + 1] == '\n'))) continue;
            return i;
        }

        return null;
    }

    /// <summary>
    /// The text safe to quote in a message for a terminal or a log: every control character (ESC, BEL, line breaks too) and
    /// broken UTF-16 written as its escape (\u001B), so a value quoted back can never drive the terminal it is printed on.
    /// </summary>
    public static string Escaped(string value)
    {
        if (FirstUnreadable(value, prose: false) is null) return value;
        var text = new System.Text.StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
                continue;
            }

            if (char.IsControl(c) || char.IsSurrogate(c)) text.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            else text.Append(c);
        }

        return text.ToString();
    }
}
