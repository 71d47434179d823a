using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Consultations.Host.Web;

/// <summary>Ids of new records made from what the person names them, so a form never asks for an id.</summary>
public static partial class WebIds
{
    /// <summary>
    /// "Space consultations 3, Tokyo" → "space-consultations-3-tokyo" (at most 80 characters). A name with letters an id cannot
    /// spell (Japanese, Greek…) ends in a short hash of the name (ADR 0064): "日伊作業部会" and "第2回日伊作業部会" are two ids, and
    /// a name never reads as empty because it is not written in Latin letters.
    /// </summary>
    public static string Slug(string? text)
    {
        var name = (text ?? "").Trim().Normalize(NormalizationForm.FormC);
        var slug = NotSlug().Replace(name.ToLowerInvariant(), "-").Trim('-');
        if (!Unspellable(name)) return Cut(slug, 80);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return slug.Length == 0 ? hash : $"{Cut(slug, 71)}-{hash}";
    }

    private static string Cut(string slug, int max) => slug.Length > max ? slug[..max].TrimEnd('-') : slug;

    // Letters or digits that are not a–z/0–9 even without their accents: "attività" spells "attivit…", "協力" nothing.
    private static bool Unspellable(string name) =>
        name.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Any(c => char.IsLetterOrDigit(c) && !char.IsAsciiLetterOrDigit(c));

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
