using System.Text.RegularExpressions;
using Consultations.Host.Security;
using Microsoft.AspNetCore.Routing;

namespace Consultations.Tests.Security;

/// <summary>
/// Every route the app maps is found from its endpoint table, so a new endpoint cannot be left open by accident:
/// without a token 401; with a token whose roles do not allow the route 403; health endpoints are the only anonymous ones.
/// </summary>
public class AccessTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private IAlbaHost? _anonymous;

    /// <summary>A second host on the same schema whose requests carry no token unless they bring one.</summary>
    private async Task<IAlbaHost> AnonymousAsync() => _anonymous ??= await AppFixture.StartHostAsync(Fixture.Schema, authenticate: false);

    public override async Task DisposeAsync()
    {
        if (_anonymous is not null) await _anonymous.DisposeAsync();
    }

    private sealed record Route(string Method, string Pattern, string Url);

    private IReadOnlyList<Route> Routes()
    {
        var sources = Host.Services.GetServices<EndpointDataSource>();
        return
        [
            .. sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
                .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api", StringComparison.Ordinal) == true)
                .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                    .Select(m => new Route(m, e.RoutePattern.RawText!, Fill(e.RoutePattern.RawText!))))
                .DistinctBy(r => (r.Method, r.Pattern)),
        ];
    }

    private static string Fill(string pattern) => "/" + Regex.Replace(pattern.TrimStart('/'), "{[^}]+}", "jpit-06-solar-c");

    private async Task<int> SendAsync(Route route, string? bearer)
    {
        var host = await AnonymousAsync();
        var result = await host.Scenario(x =>
        {
            if (route.Method == "GET") x.Get.Url(route.Url);
            else x.Post.Json(new { }).ToUrl(route.Url);
            if (bearer is not null) x.WithRequestHeader("Authorization", bearer);
            x.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }

    [Fact]
    public async Task The_route_table_is_found()
    {
        var routes = Routes();
        Assert.Contains(routes, r => r.Method == "POST" && r.Pattern.Contains("commitments/{id}/status", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Method == "GET" && r.Pattern.EndsWith("api/fields", StringComparison.Ordinal));
        Assert.True(routes.Count > 30, $"Only {routes.Count} routes found.");
    }

    [Fact]
    public async Task Every_api_route_refuses_a_request_without_a_token()
    {
        var open = new List<string>();
        foreach (var route in Routes())
        {
            var status = await SendAsync(route, null);
            if (status != 401) open.Add($"{route.Method} {route.Pattern} -> {status}");
        }

        Assert.True(open.Count == 0, "Routes that did not answer 401 without a token:\n" + string.Join("\n", open));
    }

    [Fact]
    public async Task Every_write_refuses_readers_and_auditors()
    {
        var reporter = TestTokens.Bearer("a-reporter", Roles.Reporter);
        var auditor = TestTokens.Bearer("an-auditor", Roles.Auditor);
        var wrong = new List<string>();
        foreach (var route in Routes().Where(r => r.Method != "GET"))
        {
            foreach (var (who, token) in new[] { ("reporter", reporter), ("auditor", auditor) })
            {
                var status = await SendAsync(route, token);
                if (status != 403) wrong.Add($"{route.Method} {route.Pattern} as {who} -> {status}");
            }
        }

        Assert.True(wrong.Count == 0, "Writes that did not answer 403:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_read_refuses_a_token_without_a_known_role_and_audit_routes_refuse_reporters()
    {
        var stranger = TestTokens.Bearer("a-stranger", "visitor");
        var reporter = TestTokens.Bearer("a-reporter", Roles.Reporter);
        var wrong = new List<string>();
        foreach (var route in Routes().Where(r => r.Method == "GET"))
        {
            var status = await SendAsync(route, stranger);
            if (status != 403) wrong.Add($"GET {route.Pattern} as a stranger -> {status}");

            var isAudit = AuthSetup.PolicyFor(["GET"], route.Pattern) == Roles.AuditPolicy;
            var asReporter = await SendAsync(route, reporter);
            if (isAudit && asReporter != 403) wrong.Add($"GET {route.Pattern} as a reporter -> {asReporter}");
            if (!isAudit && asReporter is 401 or 403) wrong.Add($"GET {route.Pattern} as a reporter -> {asReporter} (should be readable)");
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Replaying_the_record_to_another_date_is_for_auditors()
    {
        await SeedAsync();
        var reporter = TestTokens.Bearer("a-reporter", Roles.Reporter);
        var auditor = TestTokens.Bearer("an-auditor", Roles.Auditor);
        var asReporter = await SendAsync(new Route("GET", "api/fields", "/api/fields?effectiveOn=2026-06-01"), reporter);
        var asAuditor = await SendAsync(new Route("GET", "api/fields", "/api/fields?effectiveOn=2026-06-01"), auditor);

        Assert.Equal(403, asReporter);
        Assert.Equal(200, asAuditor);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var forged = Tokens.Mint(new TokenSettings
        {
            SigningKey = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey("another-key-another-key-another-key!!"u8.ToArray()),
        }, "mallory", [Roles.Secretariat], TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

        Assert.Equal(401, await SendAsync(new Route("GET", "api/fields", "/api/fields"), "Bearer " + forged));
    }

    [Theory]
    [InlineData(null, "/api/fields", 401)]
    [InlineData("Bearer not-a-token", "/api/fields", 401)]
    [InlineData("reporter", "/api/audit?record=jpit-07-litebird", 403)]
    public async Task A_refusal_for_who_is_asking_is_a_problem_document(string? who, string url, int status)
    {
        var authorization = who switch { null => null, "reporter" => TestTokens.Bearer("a-reporter", Roles.Reporter), _ => who };
        var host = await AnonymousAsync();
        var result = await host.Scenario(x =>
        {
            x.Get.Url(url);
            if (authorization is not null) x.WithRequestHeader("Authorization", authorization);
            x.IgnoreStatusCode();
        });

        Assert.Equal(status, result.Context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", result.Context.Response.ContentType);
        Assert.Equal(status, System.Text.Json.Nodes.JsonNode.Parse(await result.ReadAsTextAsync())!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Health_and_the_api_documentation_are_open_to_everyone()
    {
        foreach (var url in new[] { "/health/live", "/health/ready", "/openapi/v1.json" })
        {
            var host = await AnonymousAsync();
            var result = await host.Scenario(x =>
            {
                x.Get.Url(url);
                x.IgnoreStatusCode();
            });
            Assert.Equal(200, result.Context.Response.StatusCode);
        }
    }

    [Fact]
    public async Task The_authenticated_user_is_recorded_as_who_recorded_each_event()
    {
        await SeedAsync();
        var result = await Host.Scenario(x =>
        {
            x.Post.Json(new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Delivered." }).ToUrl("/api/commitments/jpit-06-solar-c/status");
            x.WithRequestHeader("Authorization", TestTokens.Bearer("Rossi, Giulia (Secretariat)", Roles.Secretariat));
        });
        Assert.Equal(200, result.Context.Response.StatusCode);

        await using var session = Store.QuerySession();
        var stream = await session.Events.FetchStreamAsync("jpit-06-solar-c");
        Assert.Equal("Rossi, Giulia (Secretariat)", stream[^1].UserName);
    }
}
