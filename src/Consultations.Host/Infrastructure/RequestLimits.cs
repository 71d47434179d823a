using Microsoft.AspNetCore.Http.Features;

namespace Consultations.Host.Infrastructure;

/// <summary>
/// Refuses request bodies over <see cref="MaxBodyBytes"/> (413), an Accept header that is not a list of media types
/// (400) and writes that are not JSON (415), as ProblemDetails, before anything reads them or the caller is even authenticated.
/// </summary>
public sealed class RequestLimits(RequestDelegate next)
{
    public const long MaxBodyBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var request = context.Request;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;

        if (request.ContentLength > MaxBodyBytes)
        {
            if (Web.ErrorPages.IsWeb(request.Path))
            {
                // A form: the page in the person's language (ErrorPages), not the API's JSON.
                context.Items[Web.ErrorPages.Explanation] = Web.ErrorPages.TooLarge;
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            await ProblemMapping.WriteAsync(context, problems, StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
                $"Bodies are limited to {MaxBodyBytes / 1024} KiB.");
            return;
        }

        // An Accept header no one can parse is refused here, before content negotiation (ours or the framework's) trips on it.
        if (request.Headers.Accept.Count > 0 && !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParseStrictList(request.Headers.Accept, out _))
        {
            var accept = request.Headers.Accept.ToString();
            request.Headers.Remove("Accept"); // else the ProblemDetails writer would trip on it in turn
            await ProblemMapping.WriteAsync(context, problems, Consultations.Domain.Common.InvalidCommand.For("Accept",
                $"'{(accept.Length > 100 ? accept[..100] + "…" : accept)}' is not a list of media types, e.g. application/json or text/csv."));
            return;
        }

        var isWrite = HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method);
        if (isWrite && request.Path.StartsWithSegments("/api") && (request.ContentLength ?? 1) > 0 && !request.HasJsonContentType())
        {
            await ProblemMapping.WriteAsync(context, problems, StatusCodes.Status415UnsupportedMediaType, "The request body must be JSON.",
                "Send Content-Type: application/json.");
            return;
        }

        await next(context);
    }
}
