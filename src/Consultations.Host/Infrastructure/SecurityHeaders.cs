using System.Security.Cryptography;
using System.Text;

namespace Consultations.Host.Infrastructure;

/// <summary>
/// Headers every answer carries, errors included: <c>X-Content-Type-Options: nosniff</c> (a JSON or CSV answer is never
/// run as a page) and <c>Referrer-Policy: no-referrer</c> (record ids in URLs do not leak to other sites). An HTML answer
/// also gets the one <see cref="ContentSecurityPolicy"/> of the service: scripts, styles and images from the service
/// itself only, no inline script, no framing, forms posted only back to it. Pages must fit it: their scripts and styles
/// are files served by the service, never inline. The status report's one inline style sheet is allowed by its hash.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>The service's single Content-Security-Policy for HTML; the only place it is written.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'self'; script-src 'self'; style-src 'self' {Hash(Reports.ReportDocument.Css)}; img-src 'self' data:; "
        + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public const string ReferrerPolicy = "no-referrer";

    public Task InvokeAsync(HttpContext context)
    {
        // Set as the answer starts, after anything (the exception handler) that clears headers.
        context.Response.OnStarting(static state =>
        {
            var response = ((HttpContext)state).Response;
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = ReferrerPolicy;
            if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                response.Headers.XFrameOptions = "DENY";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private static string Hash(string inline) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)))}'";
}
