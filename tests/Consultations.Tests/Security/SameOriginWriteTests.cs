namespace Consultations.Tests.Security;

/// <summary>
/// A write a browser says comes from another site is 403 before anything else reads it (ADR 0064; fourth outside review,
/// finding 5): on the pages, a 403 page saying so (a form's antiforgery token does not let it through, so no token is needed
/// to show it); on the API without a token, ProblemDetails. A request that says nothing, or carries a bearer token, passes.
/// </summary>
public class SameOriginWriteTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private IAlbaHost? _anonymous;

    private async Task<IAlbaHost> AnonymousAsync() => _anonymous ??= await AppFixture.StartHostAsync(Fixture.Schema, authenticate: false);

    public override async Task DisposeAsync()
    {
        if (_anonymous is not null) await _anonymous.DisposeAsync();
    }

    private async Task<(int Status, string Body)> PostAsync(string url, string? header, string? value, string? bearer = null)
    {
        var host = await AnonymousAsync();
        var result = await host.Scenario(x =>
        {
            if (url.StartsWith("/api/", StringComparison.Ordinal)) x.Post.Json(new { }).ToUrl(url);
            else x.Post.FormData(new Dictionary<string, string> { ["To"] = "Fulfilled", ["EffectiveOn"] = "2026-11-30", ["Reason"] = "x" }).ToUrl(url);
            if (header is not null) x.WithRequestHeader(header, value!);
            if (bearer is not null) x.WithRequestHeader("Authorization", bearer);
            x.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsTextAsync());
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Referer", "https://evil.example/x")]
    public async Task A_form_posted_from_another_site_is_a_403_page_saying_so(string header, string value)
    {
        var (status, body) = await PostAsync("/commitments/jpit-06-solar-c/status", header, value);
        Assert.Equal(403, status);
        Assert.Contains("another site", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("Origin", "http://localhost")]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Referer", "http://localhost/commitments/jpit-06-solar-c/status")]
    public async Task A_form_posted_from_this_site_or_saying_nothing_goes_on_to_sign_in(string? header, string? value)
    {
        var (status, _) = await PostAsync("/commitments/jpit-06-solar-c/status", header, value);
        Assert.Equal(302, status);
    }

    [Fact]
    public async Task An_api_write_from_another_site_without_a_token_is_403_and_with_a_bearer_token_is_decided()
    {
        var (refused, body) = await PostAsync("/api/meetings", "Origin", "https://evil.example");
        Assert.Equal(403, refused);
        Assert.Contains("another site", body, StringComparison.Ordinal);
        var (decided, _) = await PostAsync("/api/meetings", "Origin", "https://evil.example", "Bearer " + TestTokens.Everyone);
        Assert.NotEqual(403, decided);
        Assert.NotEqual(401, decided);
    }
}
