using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Consultations.Host.Security;

public static class Tokens
{
    /// <summary>Mints a bearer token signed with the local (or configured) symmetric key.</summary>
    public static string Mint(TokenSettings settings, string user, IEnumerable<string> roles, TimeSpan lifetime, DateTimeOffset now)
    {
        if (settings.SigningKey is null)
            throw new InvalidOperationException("Tokens come from the identity provider configured in Auth:Authority; this service cannot mint them.");
        var claims = new List<Claim> { new("name", user), new("sub", user) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.UtcDateTime.AddMinutes(-1),
            IssuedAt = now.UtcDateTime,
            Expires = now.Add(lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(settings.SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }
}
