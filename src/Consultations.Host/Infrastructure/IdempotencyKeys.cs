using System.Security.Cryptography;

namespace Consultations.Host.Infrastructure;

/// <summary>A POST answered under an <c>Idempotency-Key</c>: kept in PostgreSQL, so a retry after a restart still gets it.</summary>
public sealed class IdempotentRequest
{
    public string Id { get; set; } = "";
    public string Method { get; set; } = "";
    public string Path { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public bool Completed { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public int Status { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public byte[] Body { get; set; } = [];
}

/// <summary>
/// <c>Idempotency-Key</c> on POSTs: the first request with a key is executed and its successful answer kept; a retry with
/// the same key and the same request gets that answer again (with <c>Idempotent-Replayed: true</c>) and appends nothing.
/// The same key with a different body is refused (422); a retry while the first is still running gets 409.
/// Failed answers are not kept, so a request refused for a stale version or a broken rule can be retried. A key belongs to
/// the authenticated user, the method and the route it was sent to, is honoured only on write routes, and expires after
/// <c>Consultations:IdempotencyKeyHours</c> (24).
/// </summary>
public sealed class IdempotencyKeys(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public const string LifetimeSetting = "Consultations:IdempotencyKeyHours";

    public async Task InvokeAsync(HttpContext context, IDocumentStore store, TimeProvider clock, IProblemDetailsService problems, IConfiguration configuration)
    {
        var key = context.Request.Headers[Header].ToString();
        // Only an authenticated write route keeps answers: anywhere else (health, documentation, a read) the key means
        // nothing and stores nothing, and an anonymous caller can never claim a key a user will send later.
        if (!HttpMethods.IsPost(context.Request.Method) || string.IsNullOrEmpty(key) || !IsAuthenticatedWrite(context))
        {
            await next(context);
            return;
        }

        if (key.Length > 200 || key.Any(char.IsControl))
        {
            await ProblemMapping.WriteAsync(context, problems, 400, "The Idempotency-Key is invalid.", "Use at most 200 printable characters.", "idempotency-key-invalid");
            return;
        }

        context.Request.EnableBuffering();
        var hash = await HashAsync(context.Request);
        var id = Scoped(context, key);
        var lifetime = TimeSpan.FromHours(configuration.GetValue(LifetimeSetting, 24.0));
        // A new key (the usual case) is claimed at once, in one transaction that also drops expired answers; only a key
        // already on record is read, to replay its answer or refuse the request (ADR 0036).
        while (!await ClaimAsync(store, id, context, hash, clock, lifetime))
        {
            await using var session = store.LightweightSession();
            var existing = await session.LoadAsync<IdempotentRequest>(id);
            if (existing is null) continue;
            if (existing.Method != context.Request.Method || existing.Path != context.Request.Path.Value || existing.RequestHash != hash)
            {
                await ProblemMapping.WriteAsync(context, problems, 422, "This Idempotency-Key was used for another request.",
                    $"The key was first used for {existing.Method} {existing.Path} with another body.", "idempotency-key-reused");
                return;
            }

            if (existing.Completed)
            {
                await Replay(context, existing);
                return;
            }

            if (clock.GetUtcNow() - existing.StartedAt < AbandonedAfter)
            {
                await ProblemMapping.WriteAsync(context, problems, 409, "A request with this Idempotency-Key is still being processed.",
                    "Retry in a moment.", "idempotency-key-in-progress");
                return;
            }

            // Abandoned by a request that never finished: taken over, unless another retry takes it over first.
            session.Delete(existing);
            await session.SaveChangesAsync();
            if (!await ClaimAsync(store, id, context, hash, clock, lifetime))
            {
                await ProblemMapping.WriteAsync(context, problems, 409, "A request with this Idempotency-Key is still being processed.",
                    "Retry in a moment.", "idempotency-key-in-progress");
                return;
            }

            break;
        }

        using var buffer = await BufferedResponse.CaptureAsync(context, next);

        await using (var session = store.LightweightSession())
        {
            if (context.Response.StatusCode is >= 200 and < 300)
            {
                session.Store(new IdempotentRequest
                {
                    Id = id, Method = context.Request.Method, Path = context.Request.Path.Value ?? "", RequestHash = hash, Completed = true,
                    StartedAt = clock.GetUtcNow(), Status = context.Response.StatusCode, ContentType = context.Response.ContentType,
                    Location = context.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
                    ETag = context.Response.Headers.ETag.ToString() is { Length: > 0 } e ? e : null,
                    Body = buffer.ToArray(),
                });
            }
            else
            {
                session.Delete<IdempotentRequest>(id);
            }

            await session.SaveChangesAsync();
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body);
    }

    /// <summary>A key is the caller's own, on one method and route: another user's same key is another key.</summary>
    private static string Scoped(HttpContext context, string key)
    {
        var scope = string.Join('\0', context.User.Identity?.Name ?? "", context.Request.Method, context.Request.Path.Value ?? "", key);
        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(scope))).ToLowerInvariant();
    }

    private static bool IsAuthenticatedWrite(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        && context.GetEndpoint()?.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
            .Any(a => a.Policy == Security.Roles.RecordPolicy) == true;

    private static async Task<bool> ClaimAsync(IDocumentStore store, string id, HttpContext context, string hash, TimeProvider clock, TimeSpan lifetime)
    {
        await using var session = store.LightweightSession();
        // Expired answers go as new keys come, so the table holds at most a lifetime's worth of them.
        var expired = clock.GetUtcNow() - lifetime;
        session.DeleteWhere<IdempotentRequest>(r => r.StartedAt <= expired);
        session.Insert(new IdempotentRequest
        {
            Id = id, Method = context.Request.Method, Path = context.Request.Path.Value ?? "", RequestHash = hash, StartedAt = clock.GetUtcNow(),
        });
        try
        {
            await session.SaveChangesAsync();
            return true;
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            return false;
        }
    }

    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.Body.Position = 0;
        var hash = Convert.ToHexString(await SHA256.HashDataAsync(request.Body)).ToLowerInvariant();
        request.Body.Position = 0;
        return hash;
    }

    private static async Task Replay(HttpContext context, IdempotentRequest kept)
    {
        context.Response.StatusCode = kept.Status;
        if (kept.ContentType is not null) context.Response.ContentType = kept.ContentType;
        if (kept.Location is not null) context.Response.Headers.Location = kept.Location;
        if (kept.ETag is not null) context.Response.Headers.ETag = kept.ETag;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        await context.Response.Body.WriteAsync(kept.Body);
    }
}
