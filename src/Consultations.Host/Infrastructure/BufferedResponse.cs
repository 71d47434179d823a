namespace Consultations.Host.Infrastructure;

/// <summary>
/// Runs the rest of the pipeline with the response body kept in memory, for a middleware that reads or rewrites the answer
/// before it is sent (the stored idempotent answer, the security headers of an HTML page). The real body is put back
/// whatever happens; the caller writes the buffer to it.
/// </summary>
public static class BufferedResponse
{
    public static async Task<MemoryStream> CaptureAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            await buffer.DisposeAsync();
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        return buffer;
    }
}
