namespace Consultations.Web.Tests;

/// <summary>The pages the fourth outside review of issue 11 found broken (findings 5 and 15; ADR 0064).</summary>
[Collection("web")]
public sealed class FourthReviewWebTests(WebApp app)
{
    /// <summary>The form's own inputs as the browser would send them (hidden token and form token included), some replaced.</summary>
    private static async Task<Microsoft.Playwright.IFormData> FormAsync(IPage page, Dictionary<string, string> replaced)
    {
        var entries = await page.EvaluateAsync<string[][]>("() => [...new FormData(document.querySelector('main form[method=post]'))].map(([k, v]) => [k, String(v)])");
        var data = page.Context.APIRequest.CreateFormData();
        foreach (var entry in entries.Where(e => !replaced.ContainsKey(e[0]))) data.Append(entry[0], entry[1]);
        foreach (var (name, value) in replaced) data.Set(name, value);
        return data;
    }

    [Fact]
    public async Task A_clerks_post_with_its_valid_token_from_another_site_is_403()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync("/commitments/jpit-01-mutual-access/status");
        foreach (var (header, value) in new[] { ("Origin", "https://evil.example"), ("Origin", "null"), ("Sec-Fetch-Site", "cross-site"), ("Referer", "https://evil.example/x") })
        {
            var data = await FormAsync(page, new() { ["EffectiveOn"] = "2026-11-30", ["Reason"] = "x" });
            var answer = await page.Context.APIRequest.PostAsync("/commitments/jpit-01-mutual-access/status",
                new() { Form = data, MaxRedirects = 0, Headers = new Dictionary<string, string> { [header] = value } });
            Assert.Equal(403, answer.Status);
            Assert.Contains("another site", await answer.TextAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_document_titled_in_japanese_is_registered_under_an_id_of_its_own()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync("/documents/new");
        var title = "日伊宇宙協力に関する共同声明 " + Unique;
        var data = await FormAsync(page, new() { ["Title"] = title, ["documentDate"] = "2026-06-15", ["Language"] = "ja" });
        var answer = await page.Context.APIRequest.PostAsync("/documents/new", new() { Form = data, MaxRedirects = 0 });
        Assert.Equal(302, answer.Status);
        var location = answer.Headers["location"];
        Assert.Matches("^/documents/[0-9a-z-]*[0-9a-f]{8}$", location);
        await page.GotoAsync(location);
        await Expect(page.Locator("h1")).ToContainTextAsync("日伊宇宙協力に関する共同声明");
    }
}
