using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Consultations.Host.Security;

/// <summary>
/// Who a token says its bearer is: exactly one non-empty <c>name</c> claim, or, with no <c>name</c>, exactly one <c>sub</c>;
/// one line of printable text of at most 200 characters. That is what every event the bearer records is stored under, so a
/// token that names no one, names several, or names someone in text the record cannot keep (NUL) is not accepted: 401.
/// </summary>
public static class Identity
{
    public const int MaxNameLength = 200;

    public static Task Require(TokenValidatedContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity) return Task.CompletedTask;
        if (Problem(identity) is { } problem)
        {
            context.Fail(problem);
            return Task.CompletedTask;
        }

        // A token from an identity provider that gives only "sub": the subject is who recorded it.
        if (!identity.HasClaim(c => c.Type == "name")) identity.AddClaim(new Claim("name", identity.FindFirst("sub")!.Value));
        return Task.CompletedTask;
    }

    /// <summary>Why the token's identity is not one user, or null when it is.</summary>
    public static string? Problem(ClaimsIdentity identity)
    {
        var names = identity.FindAll("name").ToList();
        var chosen = names.Count > 0 ? names : identity.FindAll("sub").ToList();
        var claim = names.Count > 0 ? "name" : "sub";
        if (chosen.Count == 0) return "The token names no user: it needs a 'name' (or 'sub') claim.";
        if (chosen.Count > 1) return $"The token names {chosen.Count} users in '{claim}': it must name exactly one.";
        var value = chosen[0].Value;
        if (string.IsNullOrWhiteSpace(value)) return $"The token's '{claim}' is empty.";
        if (value.Length > MaxNameLength) return $"The token's '{claim}' is longer than {MaxNameLength} characters.";
        if (TextRules.FirstUnreadable(value, prose: false) is not null) return $"The token's '{claim}' has a control character or broken Unicode.";
        return null;
    }
}
