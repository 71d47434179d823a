using System.Text.RegularExpressions;
using Marten;

namespace Consultations.Host.Infrastructure;

/// <summary>
/// Reads of one record answer with its version as an ETag, so a client can send it back as <c>If-Match</c> when it writes
/// and be told (409) if someone else wrote in between.
/// </summary>
public sealed partial class RecordETags(RequestDelegate next)
{
    [GeneratedRegex("^/api/(dialogues|fields|meetings|statements|action-plans|commitments)/([^/]+)$")]
    private static partial Regex SingleRecord();

    public async Task InvokeAsync(HttpContext context, IDocumentStore store)
    {
        var match = SingleRecord().Match(context.Request.Path.Value ?? "");
        if (HttpMethods.IsGet(context.Request.Method) && match.Success && !context.Request.Query.ContainsKey("recordedAt")
            && !context.Request.Query.ContainsKey("effectiveOn"))
        {
            var id = Uri.UnescapeDataString(match.Groups[2].Value);
            context.Response.OnStarting(async () =>
            {
                if (context.Response.StatusCode != StatusCodes.Status200OK) return;
                await using var session = store.QuerySession();
                var state = await session.Events.FetchStreamStateAsync(id, context.RequestAborted);
                if (state is not null) context.Response.Headers.ETag = $"\"{state.Version}\"";
            });
        }

        await next(context);
    }
}
