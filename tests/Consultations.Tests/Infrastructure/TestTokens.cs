using Consultations.Host.Security;

namespace Consultations.Tests.Infrastructure;

/// <summary>Bearer tokens signed with the test hosts' key, as an identity provider would issue them.</summary>
public static class TestTokens
{
    public static readonly string SigningKey = Convert.ToBase64String("consultations-tests-signing-key-32bytes!"u8.ToArray());

    private static readonly TokenSettings Settings = new()
    {
        SigningKey = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(Convert.FromBase64String(SigningKey)),
    };

    public static string Everyone { get; } = For("test-secretariat", Roles.Secretariat, Roles.Auditor, Roles.Reporter);

    public static string For(string user, params string[] roles) => Tokens.Mint(Settings, user, roles, TimeSpan.FromHours(2), DateTimeOffset.UtcNow);

    public static string Bearer(string user, params string[] roles) => "Bearer " + For(user, roles);
}
