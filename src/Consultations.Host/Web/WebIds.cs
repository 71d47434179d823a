using System.Text.RegularExpressions;

namespace Consultations.Host.Web;

/// <summary>Ids of new records made from what the person names them, so a form never asks for an id.</summary>
public static partial class WebIds
{
    /// <summary>"Space consultations 3, Tokyo" → "space-consultations-3-tokyo" (at most 80 characters).</summary>
    public static string Slug(string? text)
    {
        var slug = NotSlug().Replace((text ?? "").ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
