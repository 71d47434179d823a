using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Consultations.Host.Web;

public static class WebLinks
{
    public static readonly string[] AxisNames = ["recordedAt", "effectiveOn"];

    /// <summary>The path with the auditor's axes of the current request kept, so a replay stays a replay while navigating.</summary>
    public static string Keep(this HttpContext context, string path)
    {
        var kept = AxisNames.Where(n => !string.IsNullOrWhiteSpace(context.Request.Query[n])).ToDictionary(n => n, n => (string?)context.Request.Query[n].ToString());
        return kept.Count == 0 ? path : QueryHelpers.AddQueryString(path, kept);
    }

    /// <summary>
    /// <see cref="Keep"/> and the dialogue picked on this page, so the header's links (dashboard, timeline, reports, audit
    /// trail, ledger) stay on it.
    /// </summary>
    public static string KeepDialogue(this HttpContext context, string path)
    {
        var dialogue = context.Request.Query["dialogue"].ToString();
        return string.IsNullOrWhiteSpace(dialogue) ? context.Keep(path) : QueryHelpers.AddQueryString(context.Keep(path), "dialogue", dialogue);
    }

    /// <summary>The query string without an auditor's axis sent empty (the as-of bar sends both inputs); null when none was.</summary>
    public static string? WithoutEmptyAxes(this HttpContext context)
    {
        var query = context.Request.Query;
        if (!AxisNames.Any(n => query.ContainsKey(n) && string.IsNullOrWhiteSpace(query[n]))) return null;
        var kept = query.Where(q => !(AxisNames.Contains(q.Key) && string.IsNullOrWhiteSpace(q.Value)))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        return QueryHelpers.AddQueryString(context.Request.PathBase + context.Request.Path, kept);
    }

    /// <summary>The query's parameters other than the auditor's axes, each value as given: what the as-of bar keeps when the axes change.</summary>
    public static IEnumerable<(string Name, string Value)> OtherParameters(this HttpContext context) =>
        context.Request.Query.Where(q => !AxisNames.Contains(q.Key, StringComparer.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => (q.Key, v ?? "")));

    public static bool IsReplay(this HttpContext context) => AxisNames.Any(n => !string.IsNullOrWhiteSpace(context.Request.Query[n]));

    /// <summary>
    /// A browser's <c>datetime-local</c> input sends "2026-06-01T12:00" with no offset: the auditor bar says it is UTC, so it
    /// is read as UTC. A full ISO-8601 instant is kept as it is.
    /// </summary>
    public static string? Instant(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return value;
        return DateTime.TryParseExact(value.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? value.Trim() + "Z"
            : value;
    }

    /// <summary>
    /// The replay's instant as the page reads it, in UTC as the bar is labelled and the API's <c>X-Record-Axes</c> states it
    /// ("2026-12-01T22:20:00Z"), and whether it was given with no offset and so read as UTC (third review, finding 10).
    /// </summary>
    public static (string Utc, bool ReadAsUtc)? RecordedAtShown(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var instant = Instant(value)!.Trim().Replace(' ', '+');
        if (!DateTimeOffset.TryParse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)) return null;
        return (at.UtcDateTime.ToString(at.Millisecond == 0 && at.UtcDateTime.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-ddTHH:mm:ss'Z'" : "yyyy-MM-ddTHH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            instant != value.Trim().Replace(' ', '+'));
    }

    public static string Record(string kind, string id) => kind switch
    {
        "meeting" => $"/meetings/{id}",
        "field" or "cooperation-field" => $"/fields/{id}",
        _ => $"/records/{kind}/{id}",
    };
}

public static class ApiLinks
{
    /// <summary>The web page of a record the API links to: the same path without <c>/api</c>.</summary>
    public static string ToPage(string apiLink) => apiLink.StartsWith("/api/", StringComparison.Ordinal) ? apiLink[4..] : apiLink;
}
