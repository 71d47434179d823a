namespace Consultations.Host.Infrastructure;

/// <summary>
/// A second layer under the antiforgery token (ADR 0064): a write (POST, PUT, PATCH, DELETE) that a browser says comes from
/// another site is 403 before anything reads it — an <c>Origin</c> that is not this site's or is <c>null</c>, a
/// <c>Sec-Fetch-Site: cross-site</c> (or <c>same-site</c>), or, without an <c>Origin</c>, a <c>Referer</c> from another site. A request that says
/// nothing (curl, a record-file client) passes, and so does one carrying an <c>Authorization</c> header: a bearer token is
/// not sent by a browser on its own, so another site cannot make a browser use it.
/// </summary>
public sealed class SameOriginWrites(RequestDelegate next)
{
    public const string Foreign = "The form was sent from another site: open it on this site and submit it from there.";

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || request.Headers.Authorization.Count > 0 || IsSameSite(request)
            // The error page this refusal is re-executed as (ErrorPages) carries the same headers.
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        if (Web.ErrorPages.IsWeb(request.Path))
        {
            context.Items[Web.ErrorPages.Explanation] = Foreign;
            context.Items[Web.ErrorPages.FormAddress] = request.PathBase + request.Path + request.QueryString;
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await ProblemMapping.WriteAsync(context, problems, StatusCodes.Status403Forbidden, "The request comes from another site.",
            "A write from a browser must come from this site's own pages.");
    }

    public static bool IsSameSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Equals("cross-site", StringComparison.OrdinalIgnoreCase) || site.Equals("same-site", StringComparison.OrdinalIgnoreCase)) return false;
        var origin = request.Headers.Origin.ToString();
        // Under this site's Referrer-Policy (no-referrer) a browser sends "Origin: null" on its own forms' posts, and says
        // "Sec-Fetch-Site: same-origin" with it; "null" without that is a sandboxed frame or a data: page.
        if (origin == "null") return site.Equals("same-origin", StringComparison.OrdinalIgnoreCase);
        if (origin.Length > 0) return Ours(origin, request);
        var referer = request.Headers.Referer.ToString();
        return referer.Length == 0 || Ours(referer, request);
    }

    // Same host and port as the request was sent to; "null" (a sandboxed frame, a data: page) is no one's.
    private static bool Ours(string address, HttpRequest request) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
