using System.Globalization;

namespace Consultations.Host.Infrastructure;

/// <summary>
/// What the caller expects of the record it writes to: the version it last read (<c>If-Match: "7"</c>, the ETag
/// the API returned). A write whose expectation is stale is refused with 409 and the current version.
/// </summary>
public sealed class WriteConditions(IHttpContextAccessor accessor)
{
    private long? _expected;
    private bool _read;

    public long? ExpectedVersion
    {
        get
        {
            if (_read) return _expected;
            _expected = accessor.HttpContext is { } http ? Read(http.Request) : null;
            _read = true;
            return _expected;
        }
    }

    /// <summary>Who is recording: the authenticated user's name (the token's <c>name</c> claim).</summary>
    public string? RecordedBy => accessor.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null;

    /// <summary>Reads <c>If-Match</c>; a header that is not a single version is a 400.</summary>
    private static long? Read(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return null;
        var text = header.Trim();
        // If-Match compares strongly (RFC 9110 §13.1.1): a weak tag never matches, so it cannot stand for a version.
        if (text.StartsWith("W/", StringComparison.OrdinalIgnoreCase))
            throw InvalidCommand.For("If-Match", "a weak ETag (W/\"…\") never matches: send the ETag the API returned, e.g. \"3\".");
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"') text = text[1..^1];
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            throw InvalidCommand.For("If-Match", $"'{header}' is not a record version: send the ETag the API returned, e.g. \"3\".");
        return version;
    }
}

/// <summary>The caller wrote against a version of the record that is no longer current.</summary>
public sealed class StaleVersion(string id, long expected, long current)
    : Exception($"Record '{id}' is at version {current}, not {expected}: it changed since it was read. Read it again and retry.")
{
    public string Id { get; } = id;
    public long Expected { get; } = expected;
    public long Current { get; } = current;
}
