using Microsoft.IdentityModel.Tokens;

namespace Consultations.Host.Security;

/// <summary>
/// Token settings from configuration (<c>Auth:Issuer</c>, <c>Auth:Audience</c>, and <c>Auth:SigningKey</c> (base64) or
/// <c>Auth:Authority</c> for an OpenID Connect identity provider). Without either, a key is generated once and kept in the
/// local data folder, so that <c>token</c> can mint tokens the local service accepts.
/// </summary>
public sealed class TokenSettings
{
    public string Issuer { get; init; } = "consultations-local";
    public string Audience { get; init; } = "consultations";
    public string? Authority { get; init; }
    public SymmetricSecurityKey? SigningKey { get; init; }
    public string? KeyFile { get; init; }

    public static TokenSettings From(IConfiguration configuration, string contentRoot)
    {
        var issuer = configuration["Auth:Issuer"] ?? "consultations-local";
        var audience = configuration["Auth:Audience"] ?? "consultations";
        var authority = configuration["Auth:Authority"];
        if (!string.IsNullOrWhiteSpace(authority))
            return new TokenSettings { Issuer = configuration["Auth:Issuer"] ?? authority, Audience = audience, Authority = authority };

        if (configuration["Auth:SigningKey"] is { Length: > 0 } configured)
            return new TokenSettings { Issuer = issuer, Audience = audience, SigningKey = new SymmetricSecurityKey(Convert.FromBase64String(configured)) };

        var file = LocalKeys.FileOf(contentRoot, "jwt-signing.key");
        return new TokenSettings { Issuer = issuer, Audience = audience, SigningKey = new SymmetricSecurityKey(LocalKeys.LoadOrCreate(file)), KeyFile = file };
    }
}
