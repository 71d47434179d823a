using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Consultations.Host.Security;

/// <summary>
/// How a person signs in to the web pages (ADR 0031). The API keeps its bearer tokens: a request to <c>/api</c>, or one that
/// brings a bearer token, is authenticated by JWT exactly as before; every other request by a cookie (HttpOnly, SameSite=Lax).
/// The cookie is issued by OpenID Connect when <c>Web:Oidc:Authority</c> is configured, else by the local sign-in page,
/// where a person picks a name and roles. The roles are the API's (<see cref="Roles"/>), read from <c>role</c> claims.
/// </summary>
public static class WebSignIn
{
    public const string Scheme = "web-or-api";
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string Oidc = OpenIdConnectDefaults.AuthenticationScheme;

    public static bool UsesOidc(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Web:Oidc:Authority"]);

    public static AuthenticationBuilder AddWebSignIn(this AuthenticationBuilder auth, IConfiguration configuration)
    {
        auth.AddPolicyScheme(Scheme, "The API's bearer token or the web pages' cookie", o => o.ForwardDefaultSelector = context =>
            UsesBearer(context.Request) ? JwtBearerDefaults.AuthenticationScheme : Cookie);

        auth.AddCookie(Cookie, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // A session signed out is over on every node: its cookie, copied before, is refused from then on.
            o.Events.OnValidatePrincipal = EndedWebSession.RefuseEndedAsync;
            // A signed-in person without the role gets a plain 403, not a redirect to a page that does not exist.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        if (UsesOidc(configuration))
        {
            auth.AddOpenIdConnect(Oidc, o =>
            {
                o.SignInScheme = Cookie;
                o.Authority = configuration["Web:Oidc:Authority"];
                o.ClientId = configuration["Web:Oidc:ClientId"];
                o.ClientSecret = configuration["Web:Oidc:ClientSecret"];
                o.ResponseType = "code";
                o.UsePkce = true;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.RequireHttpsMetadata = !(o.Authority ?? "").StartsWith("http://localhost", StringComparison.OrdinalIgnoreCase);
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = "role";
                o.Scope.Add("profile");
                o.Events.OnTokenValidated = context =>
                {
                    (context.Principal!.Identity as ClaimsIdentity)?.AddClaim(new Claim(EndedWebSession.Claim, Guid.NewGuid().ToString("N")));
                    return Task.CompletedTask;
                };
            });
        }

        return auth;
    }

    /// <summary>
    /// A request with a bearer token, and every API request, uses the bearer token, except one: a GET of the API by a signed-in
    /// browser without a token (the reports page's downloads), which reads with the person's cookie and roles. API writes never
    /// take the cookie, so no cross-site form can write through it.
    /// </summary>
    public static bool UsesBearer(HttpRequest request)
    {
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return true;
        if (!request.Path.StartsWithSegments("/api")) return false;
        return !(HttpMethods.IsGet(request.Method) && request.Cookies.ContainsKey(CookieName));
    }

    public const string CookieName = "consultations.signin";

    /// <summary>The identity the local sign-in page issues: the name given and the roles picked, as the API's tokens carry them.</summary>
    public static ClaimsPrincipal Local(string name, IEnumerable<string> roles)
    {
        var claims = new List<Claim> { new("name", name), new("sub", name), new("amr", "local"), new(EndedWebSession.Claim, Guid.NewGuid().ToString("N")) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Cookie, "name", "role"));
    }
}
