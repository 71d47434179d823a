using System.Globalization;

namespace Consultations.Host.Auditing;

/// <summary>
/// The two time axes of the record. <see cref="RecordedAt"/>: the record as it stood at that instant (Marten's
/// event timestamp is when a fact was recorded). <see cref="EffectiveOn"/>: the world as it was on that day
/// according to what is known (an event counts from the earliest day its partial effective date can be).
/// Neither set: the record as it stands now.
/// </summary>
public sealed record Axes(DateTimeOffset? RecordedAt, DateOnly? EffectiveOn)
{
    public static Axes Now { get; } = new(null, null);

    public bool IsNow => RecordedAt is null && EffectiveOn is null;

    /// <summary>Reads the query parameters <c>recordedAt</c> and <c>effectiveOn</c>; unreadable or future values are a 400 naming the parameter.</summary>
    public static Axes Read(string? recordedAt, string? effectiveOn, TimeProvider clock) =>
        new(Instant("recordedAt", recordedAt, clock), Day("effectiveOn", effectiveOn, clock));

    public static DateTimeOffset? Instant(string name, string? value, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        // A '+' in an unencoded query string arrives as a space: "2026-06-01T10:00:00 02:00".
        var text = value.Trim().Replace(' ', '+');
        if (!text.Contains('T', StringComparison.Ordinal) || !HasOffset(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
            throw InvalidCommand.For(name, $"'{value}' is not an instant: use ISO-8601 with a time and offset, e.g. 2026-06-01T12:00:00Z.");
        if (instant > clock.GetUtcNow())
            throw InvalidCommand.For(name, $"'{value}' is in the future; the record can only be replayed as it stood up to now.");
        return instant;
    }

    // An instant names its offset ("Z" or "+02:00"): a bare local time would be read as UTC without the caller knowing.
    private static bool HasOffset(string text)
    {
        var time = text[(text.IndexOf('T', StringComparison.Ordinal) + 1)..];
        return time.EndsWith('Z') || time.EndsWith('z') || time.Contains('+', StringComparison.Ordinal) || time.Contains('-', StringComparison.Ordinal);
    }

    public static DateOnly? Day(string name, string? value, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw InvalidCommand.For(name, $"'{value}' is not a date: use yyyy-MM-dd.");
        if (day > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            throw InvalidCommand.For(name, $"'{value}' is in the future; the record holds what has happened.");
        return day;
    }

    /// <summary>The axes a request asks for, or null when it asks for none or for unreadable ones (the endpoint refuses those).</summary>
    public static Axes? Requested(IQueryCollection query, TimeProvider clock)
    {
        if (!query.ContainsKey("recordedAt") && !query.ContainsKey("effectiveOn")) return null;
        try
        {
            var axes = Read(query["recordedAt"], query["effectiveOn"], clock);
            return axes.IsNow ? null : axes;
        }
        catch (InvalidCommand)
        {
            return null;
        }
    }

    /// <summary>The axes as the <c>X-Record-Axes</c> header states them: <c>recordedAt=…; effectiveOn=…</c>.</summary>
    public string Header => string.Join("; ", new[]
    {
        RecordedAt is { } r ? $"recordedAt={r.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}" : null,
        EffectiveOn is { } d ? $"effectiveOn={d:yyyy-MM-dd}" : null,
    }.OfType<string>());

    /// <summary>The axes in a file name: <c>-recorded-20260601T120000Z-effective-2026-06-01</c>.</summary>
    public string FileSuffix => string.Concat(
        RecordedAt is { } r ? $"-recorded-{r.UtcDateTime:yyyyMMddTHHmmss.fffffffZ}" : "",
        EffectiveOn is { } d ? $"-effective-{d:yyyy-MM-dd}" : "");

    public override string ToString() =>
        IsNow ? "now" : string.Join(", ",
            new[] { RecordedAt is { } r ? $"as recorded at {Instant(r)}" : null, EffectiveOn is { } d ? $"as in effect on {d:yyyy-MM-dd}" : null }
                .OfType<string>());

    /// <summary>An instant as a person reads it: UTC to the second, with a fraction only when one was given (<c>2026-12-02T02:39:10Z</c>).</summary>
    public static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture) + "Z";
}

public static class ReplayedAnswers
{
    /// <summary>A replayed answer says which axes it was computed for (<c>X-Record-Axes</c>), so that a saved answer can be traced.</summary>
    public static IApplicationBuilder UseReplayedAxesHeader(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Axes.Requested(context.Request.Query, context.RequestServices.GetRequiredService<TimeProvider>()) is { } axes)
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode < 300) context.Response.Headers["X-Record-Axes"] = axes.Header;
                return Task.CompletedTask;
            });
        }

        await next(context);
    });
}
