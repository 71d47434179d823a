using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Consultations.Host.Infrastructure;

/// <summary>
/// Headers every answer carries, errors included: <c>X-Content-Type-Options: nosniff</c> (a JSON or CSV answer is never
/// run as a page) and <c>Referrer-Policy: no-referrer</c> (record ids in URLs do not leak to other sites). An HTML answer
/// also gets the one <see cref="ContentSecurityPolicy"/> of the service: scripts, styles and images from the service
/// itself only, no inline script, no framing, forms posted only back to it. Pages must fit it: their scripts and styles
/// are files served by the service, never inline. Two exceptions are allowed by hash, never by <c>'unsafe-inline'</c>:
/// the status report's style sheets (self-contained so it can be saved and printed; its page headers name the record),
/// and the API reference's (Scalar's) start-up script, each hashed as it is served (the reference's pages also take
/// inline styles, which its script sets).
/// </summary>
public sealed partial class SecurityHeaders(RequestDelegate next)
{
    /// <summary>The service's single Content-Security-Policy for HTML; the only place it is written.</summary>
    public static string ContentSecurityPolicy { get; } = Policy([], [], inlineStyles: false);

    public const string ReferrerPolicy = "no-referrer";

    private const string ApiReference = "/scalar";

    private const string StatusReport = "/api/reports/status";

    public async Task InvokeAsync(HttpContext context)
    {
        // Set as the answer starts, after anything (the exception handler) that clears headers.
        context.Response.OnStarting(static state =>
        {
            var response = ((HttpContext)state).Response;
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = ReferrerPolicy;
            if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                if (response.Headers.ContentSecurityPolicy.Count == 0) response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                response.Headers.XFrameOptions = "DENY";
            }

            return Task.CompletedTask;
        }, context);

        var reference = context.Request.Path.StartsWithSegments(ApiReference);
        if (!reference && !context.Request.Path.StartsWithSegments(StatusReport))
        {
            await next(context);
            return;
        }

        using var buffer = await BufferedResponse.CaptureAsync(context, next);

        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(buffer.ToArray());
            context.Response.Headers.ContentSecurityPolicy = reference
                ? Policy([.. InlineScript().Matches(html).Select(m => Hash(m.Groups[1].Value))], [], inlineStyles: true)
                : Policy([], [.. InlineStyle().Matches(html).Select(m => Hash(m.Groups[1].Value))], inlineStyles: false);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    // Scalar's bundle sets styles from its script, which style-src 'self' alone would block: on its pages only, styles
    // (never scripts) may be inline.
    private static string Policy(IReadOnlyList<string> scriptHashes, IReadOnlyList<string> styleHashes, bool inlineStyles) =>
        $"default-src 'self'; script-src 'self'{string.Concat(scriptHashes.Select(h => " " + h))}; "
        + $"style-src 'self'{(inlineStyles ? " 'unsafe-inline'" : string.Concat(styleHashes.Select(h => " " + h)))}; img-src 'self' data:; "
        + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();

    private static string Hash(string inline) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)))}'";
}
