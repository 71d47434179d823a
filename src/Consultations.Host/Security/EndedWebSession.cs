using Microsoft.AspNetCore.Authentication.Cookies;

namespace Consultations.Host.Security;

/// <summary>
/// A web session that was signed out. Each sign-in carries its own session id (<see cref="Claim"/>); signing out stores it
/// here, and a cookie of that session is refused from then on, on every node, even if it was copied before.
/// </summary>
public sealed class EndedWebSession
{
    public const string Claim = "web-session";

    public string Id { get; set; } = "";
    public DateTimeOffset EndedAt { get; set; }

    /// <summary>Ends the signed-in person's session, if the cookie names one.</summary>
    public static async Task EndAsync(HttpContext http, CancellationToken ct)
    {
        if (http.User.FindFirst(Claim)?.Value is not { Length: > 0 } id) return;
        await using var session = http.RequestServices.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Store(new EndedWebSession { Id = id, EndedAt = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() });
        await session.SaveChangesAsync(ct);
    }

    /// <summary>The cookie's check on every request: a session that was signed out is not signed in.</summary>
    public static async Task RefuseEndedAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.FindFirst(Claim)?.Value is not { Length: > 0 } id) return;
        await using var read = context.HttpContext.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        if (await read.LoadAsync<EndedWebSession>(id, context.HttpContext.RequestAborted) is not null) context.RejectPrincipal();
    }
}
