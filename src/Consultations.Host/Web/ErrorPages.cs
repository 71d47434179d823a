using System.Reflection;

namespace Consultations.Host.Web;

/// <summary>
/// A refusal of a page (400, 403, 404, …) is a page in the person's language with the reason, never the API's JSON: a
/// bodiless failure on a web path is re-executed as <c>/error/{code}</c>, which shows the explanation the page left in
/// <see cref="HttpContext.Items"/>. The API (and its reference and health checks) keeps its ProblemDetails.
/// </summary>
public static class ErrorPages
{
    public const string Explanation = "web-error-explanation";

    /// <summary>Why a form over the body limit (<see cref="Infrastructure.RequestLimits.MaxBodyBytes"/>) is refused; translated by the error page.</summary>
    public const string TooLarge = "The form sent more than 1 MiB: shorten the text and submit it again.";

    /// <summary>Why a post without the session's antiforgery token is refused; translated by the error page.</summary>
    public const string Forged = "The form did not carry this session's antiforgery token: open the form again from this site and submit it from there.";

    /// <summary>For a refused form (<see cref="Forged"/>), the address of the form, to open it again.</summary>
    public const string FormAddress = "web-error-form";

    public static bool IsWeb(PathString path) =>
        !(path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/scalar") || path.StartsWithSegments("/health"));

    public static IApplicationBuilder UseConsultationsStatusPages(this IApplicationBuilder app)
    {
        // On the application itself (not in a UseWhen branch, whose builder has no route builder to re-route /error with).
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.Use((context, next) =>
        {
            if (!IsWeb(context.Request.Path)) context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()!.Enabled = false;
            return next(context);
        });
        return app.UseWhen(c => !IsWeb(c.Request.Path), api => api.UseStatusCodePages());
    }
}

/// <summary>The query parameters a page reads are its <c>[BindProperty(SupportsGet = true)]</c> properties, and no others (ADR 0016).</summary>
public static class StrictQuery
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, HashSet<string>> Read = new();

    public static IReadOnlySet<string> Of(Type page) => Read.GetOrAdd(page, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is { SupportsGet: true })
        .Select(p => p.GetCustomAttribute<BindPropertyAttribute>()!.Name ?? p.Name)
        .ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>Why the query is refused (naming the parameter), or null.</summary>
    public static string? Unread(Type page, IQueryCollection query)
    {
        var reads = Of(page);
        foreach (var (name, values) in query)
        {
            if (!reads.Contains(name))
            {
                var takes = reads.Count == 0 ? "it takes none" : "it takes: " + string.Join(", ", reads.Select(Camel).Order(StringComparer.Ordinal));
                return $"{name}: is not a parameter of this page; {takes}.";
            }

            if (values.Count > 1) return $"{name}: is given {values.Count} times; this page reads one value.";
        }

        return null;
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
