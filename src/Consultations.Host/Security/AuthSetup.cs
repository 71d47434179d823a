using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Consultations.Host.Security;

public static class AuthSetup
{
    public static TokenSettings AddConsultationsAuth(this WebApplicationBuilder builder)
    {
        var settings = TokenSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);
        builder.Services.AddAuthentication(WebSignIn.Scheme).AddWebSignIn(builder.Configuration).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            if (settings.Authority is not null)
            {
                o.Authority = settings.Authority;
                o.RequireHttpsMetadata = !settings.Authority.StartsWith("http://localhost", StringComparison.OrdinalIgnoreCase);
            }

            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                IssuerSigningKey = settings.SigningKey,
                ValidateIssuerSigningKey = settings.SigningKey is not null,
                NameClaimType = "name",
                RoleClaimType = "role",
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            o.Events = new JwtBearerEvents { OnTokenValidated = Identity.Require };
        });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.RecordPolicy, p => p.RequireRole(Roles.Secretariat))
            .AddPolicy(Roles.ReadPolicy, p => p.RequireRole(Roles.All))
            .AddPolicy(Roles.AuditPolicy, p => p.RequireRole(Roles.Auditor));
        return settings;
    }

    /// <summary>
    /// Every API route needs a token: writes need the secretariat, the audit trail, ledger and change history need an auditor,
    /// and reads need any of the three roles. A replay (<c>recordedAt</c>/<c>effectiveOn</c>) of a read route is an audit.
    /// </summary>
    public static void RequireRoles(WolverineHttpOptions options) =>
        options.ConfigureEndpoints(chain => chain.RequireAuthorization(PolicyFor(chain.HttpMethods, chain.RoutePattern?.RawText ?? "")));

    public static string PolicyFor(IEnumerable<string> methods, string route)
    {
        if (methods.Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m))) return Roles.RecordPolicy;
        var path = "/" + route.TrimStart('/');
        return path.StartsWith("/api/audit", StringComparison.Ordinal) || path.StartsWith("/api/ledger", StringComparison.Ordinal)
               || path.StartsWith("/api/changes", StringComparison.Ordinal)
            ? Roles.AuditPolicy
            : Roles.ReadPolicy;
    }

    /// <summary>Replaying the record to another date is an auditor's act, whatever read route it goes through.</summary>
    public static IApplicationBuilder UseReplayNeedsAuditor(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var query = context.Request.Query;
        if (context.Request.Path.StartsWithSegments("/api") && (query.ContainsKey("recordedAt") || query.ContainsKey("effectiveOn"))
            && context.User.Identity?.IsAuthenticated == true && !context.User.IsInRole(Roles.Auditor))
        {
            await Infrastructure.ProblemMapping.WriteAsync(context, context.RequestServices.GetRequiredService<IProblemDetailsService>(),
                StatusCodes.Status403Forbidden, "Replaying the record is for auditors.",
                "recordedAt and effectiveOn replay the record to another date; that needs the auditor role.");
            return;
        }

        await next(context);
    });
}
