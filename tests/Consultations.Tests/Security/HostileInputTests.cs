using System.Security.Claims;
using Consultations.Host.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Consultations.Tests.Security;

/// <summary>
/// What a hostile or careless caller sends (issue 13 §2–§4): ids with a trailing newline, NUL anywhere, tokens that name
/// no one or several, weak ETags, lists of thousands. Each is a 4xx ProblemDetails and nothing is stored.
/// </summary>
public class HostileInputTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static string Field(string code) =>
        $$"""{"fieldCode":"{{code}}","dialogueId":"japan-italy-space","number":11,"title":"T","scope":"S","effectiveOn":"2026-06-15"}""";

    [Fact]
    public async Task An_id_or_code_ending_in_a_newline_is_refused_and_not_stored()
    {
        await SeedAsync();
        var before = await EventCountAsync();

        var (status, body) = await PostAsync("/api/fields", Field("JPIT-05\\n"));
        Assert.Equal(400, status);
        AssertFieldError(body, "fieldCode");

        (status, body) = await PostAsync("/api/dialogues",
            """{"dialogueId":"x\n","title":"T","parties":["A","B"],"subject":null,"effectiveOn":"2026-01-01"}""");
        Assert.Equal(400, status);
        AssertFieldError(body, "dialogueId");

        Assert.Equal(before, await EventCountAsync());
        var (_, fields) = await GetAsync("/api/fields");
        Assert.Single(fields!.AsArray(), f => f!["code"]!.GetValue<string>() == "JPIT-05");
    }

    [Theory]
    [InlineData("title")]
    [InlineData("scope")]
    public async Task NUL_or_a_control_character_in_a_body_string_is_a_400_naming_the_field(string member)
    {
        await SeedAsync();
        var before = await EventCountAsync();
        foreach (var bad in new[] { "a\\u0000b", "bell\\u0007", "esc\\u001b[31m", "\\ud800 lone" })
        {
            var json = Field("FZ-09").Replace($"\"{member}\":\"{(member == "title" ? "T" : "S")}\"", $"\"{member}\":\"{bad}\"", StringComparison.Ordinal);
            var (status, body) = await PostAsync("/api/fields", json);
            Assert.Equal(400, status);
            AssertFieldError(body, member);
        }

        Assert.Equal(before, await EventCountAsync());
    }

    [Fact]
    public async Task Prose_keeps_its_line_breaks_and_tabs()
    {
        await SeedAsync();
        var (status, _) = await PostAsync("/api/fields", Field("JPIT-11").Replace("\"scope\":\"S\"", "\"scope\":\"Line one\\r\\nLine two\\n\\tindented\"", StringComparison.Ordinal));
        Assert.Equal(201, status);
    }


    [Fact]
    public async Task A_list_in_a_body_above_its_cap_is_refused()
    {
        await SeedAsync();
        var before = await EventCountAsync();
        var agencies = string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"Agency {i}\""));
        var json = $$"""{"commitmentId":"fz-many","dialogueId":"japan-italy-space","fieldCode":"JPIT-01","text":"T","parties":["Japan","Italy"],"agencies":[{{agencies}}],"programmes":[],"source":{"kind":"meeting","id":"rome-summit-2026-06-15"},"status":"agreed","effectiveOn":"2026-06-15"}""";

        var (status, body) = await PostAsync("/api/commitments", json);

        Assert.Equal(400, status);
        AssertFieldError(body, "agencies");
        Assert.Equal(before, await EventCountAsync());
    }

    [Fact]
    public async Task A_weak_etag_in_if_match_does_not_match()
    {
        await SeedAsync();
        var before = await EventCountAsync();
        var result = await Host.Scenario(x =>
        {
            x.Post.Json(new { text = "Changed.", effectiveOn = "2026-09-01", reason = "R" }).ToUrl("/api/commitments/jpit-06-solar-c/amendments");
            x.WithRequestHeader("If-Match", "W/\"1\"");
            x.IgnoreStatusCode();
        });

        Assert.Equal(400, result.Context.Response.StatusCode);
        Assert.Contains("If-Match", await result.ReadAsTextAsync());
        Assert.Equal(before, await EventCountAsync());
    }

    public static TheoryData<string, string> UnusableIdentities => new()
    {
        { "no name and no sub", """{"role":"secretariat"}""" },
        { "an empty name", """{"name":"","role":"secretariat"}""" },
        { "a blank sub and no name", """{"sub":"  ","role":"secretariat"}""" },
        { "two names", """{"name":["Rossi","Bianchi"],"role":"secretariat"}""" },
        { "a name with NUL", """{"name":"Rossi\u0000","role":"secretariat"}""" },
    };

    [Theory]
    [MemberData(nameof(UnusableIdentities))]
    public async Task A_write_with_a_token_that_names_no_single_user_is_401_and_stores_nothing(string what, string claims)
    {
        await SeedAsync();
        var before = await EventCountAsync();
        var result = await Host.Scenario(x =>
        {
            x.Post.Json(new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Delivered." }).ToUrl("/api/commitments/jpit-06-solar-c/status");
            x.WithRequestHeader("Authorization", "Bearer " + Mint(claims));
            x.IgnoreStatusCode();
        });

        Assert.True(result.Context.Response.StatusCode == 401, what);
        Assert.StartsWith("application/problem+json", result.Context.Response.ContentType);
        Assert.Equal(before, await EventCountAsync());
    }

    [Fact]
    public async Task A_token_with_only_a_subject_records_the_subject()
    {
        await SeedAsync();
        var result = await Host.Scenario(x =>
        {
            x.Post.Json(new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Delivered." }).ToUrl("/api/commitments/jpit-06-solar-c/status");
            x.WithRequestHeader("Authorization", "Bearer " + Mint("""{"sub":"user-4711","role":"secretariat"}"""));
        });
        Assert.Equal(200, result.Context.Response.StatusCode);

        await using var session = Store.QuerySession();
        var stream = await session.Events.FetchStreamAsync("jpit-06-solar-c");
        Assert.Equal("user-4711", stream[^1].UserName);
    }

    [Fact]
    public async Task Every_answer_says_nosniff_and_its_referrer_policy_and_html_gets_the_content_security_policy()
    {
        await SeedAsync();
        foreach (var url in new[] { "/api/fields", "/api/nothing-here", "/health/live" })
        {
            var answer = await Host.Scenario(x =>
            {
                x.Get.Url(url);
                x.IgnoreStatusCode();
            });
            Assert.Equal("nosniff", answer.Context.Response.Headers.XContentTypeOptions.ToString());
            Assert.Equal("no-referrer", answer.Context.Response.Headers["Referrer-Policy"].ToString());
        }

        var unauthenticated = await Host.Scenario(x =>
        {
            x.Get.Url("/api/fields");
            x.WithRequestHeader("Authorization", "Bearer nonsense");
            x.StatusCodeShouldBe(401);
        });
        Assert.Equal("nosniff", unauthenticated.Context.Response.Headers.XContentTypeOptions.ToString());

        var page = await Host.Scenario(x => x.Get.Url("/api/reports/status"));
        Assert.StartsWith("text/html", page.Context.Response.ContentType);
        var policy = page.Context.Response.Headers.ContentSecurityPolicy.ToString();
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        var report = await page.ReadAsTextAsync();
        Assert.DoesNotContain("<script", report, StringComparison.OrdinalIgnoreCase);
        // The report's own style sheets (its print headers name the record) are allowed by their hashes, so it keeps its look.
        var styles = System.Text.RegularExpressions.Regex.Matches(report, "<style[^>]*>(.*?)</style>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.NotEmpty(styles);
        foreach (System.Text.RegularExpressions.Match style in styles)
            Assert.Contains($"'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style.Groups[1].Value)))}'", policy);

        // The API reference's one inline script is allowed by its hash, not by 'unsafe-inline'.
        var reference = await Host.Scenario(x => x.Get.Url("/scalar/v1"));
        var referencePolicy = reference.Context.Response.Headers.ContentSecurityPolicy.ToString();
        var scriptSrc = referencePolicy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scriptSrc);
        Assert.Contains("'sha256-", scriptSrc);
        Assert.Contains("frame-ancestors 'none'", referencePolicy);
    }

    [Fact]
    public async Task The_markdown_report_escapes_html()
    {
        await SeedAsync();
        var (status, _) = await PostAsync("/api/meetings/space-consultations-2-rome/reschedule",
            new { place = "<script>alert(1)</script> [click](javascript:alert(2))", plannedDates = new { from = "2027-02-01" }, effectiveOn = "2026-07-01", reason = "R" });
        Assert.Equal(200, status);

        var result = await Host.Scenario(x => x.Get.Url("/api/reports/status?format=md"));
        var markdown = await result.ReadAsTextAsync();

        Assert.DoesNotContain("<script>", markdown);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", markdown);
        Assert.DoesNotContain("[click](", markdown);
    }

    [Fact]
    public void The_token_command_says_why_it_cannot_mint_with_an_identity_provider()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var settings = new TokenSettings { Authority = "https://login.example.org/realms/x" };

        var ok = Consultations.Host.Cli.TokenCommand.Print(settings, new Consultations.Host.Cli.TokenInput { UserFlag = "Rossi", RoleFlag = Roles.Secretariat }, output, error);

        Assert.False(ok);
        Assert.Equal("", output.ToString());
        Assert.Contains("Auth:Authority", error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());
    }

    /// <summary>A token with exactly the given claims (JSON), signed with the test key.</summary>
    private static string Mint(string claimsJson)
    {
        var claims = JsonNode.Parse(claimsJson)!.AsObject().ToDictionary(p => p.Key, p => (object)(p.Value is JsonArray a
            ? a.Select(v => v!.GetValue<string>()).ToList()
            : p.Value!.GetValue<string>()));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "consultations-local",
            Audience = "consultations",
            Claims = claims,
            Subject = new ClaimsIdentity(),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(TestTokens.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
