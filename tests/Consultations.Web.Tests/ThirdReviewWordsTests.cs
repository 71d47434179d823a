namespace Consultations.Web.Tests;

/// <summary>The third outside review's cosmetic findings on words (issue 11: 15, 31).</summary>
[Collection("web")]
public sealed class ThirdReviewWordsTests(WebApp app)
{
    [Fact]
    public async Task Italian_pages_say_since_and_name_the_csv_exports_in_italian()
    {
        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GetByLabel("Language").SelectOptionAsync("it");
        await page.Locator("form.language button").ClickAsync();

        await page.GotoAsync("/fields/JPIT-08");
        var commitments = page.Locator("main table").First;
        await Expect(commitments).ToContainTextAsync("dal 2026-06-15");
        Assert.DoesNotContain(" since ", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/reports");
        await Expect(page.Locator("#csv-downloads")).ToContainTextAsync("Registro degli impegni (CSV)");
        Assert.DoesNotContain("reports/", await page.Locator("#csv-downloads").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_superseded_commitment_links_its_successor_by_its_words()
    {
        var (old, successor) = ("superseded-old-" + Unique, "superseded-new-" + Unique);
        foreach (var id in new[] { old, successor })
        {
            await app.PostOkAsync("api/commitments", new
            {
                commitmentId = id, dialogueId = "japan-italy-space", fieldCode = "JPIT-08", text = "Words of " + id, parties = new[] { "Japan", "Italy" },
                agencies = Array.Empty<string>(), programmes = Array.Empty<string>(), source = new { kind = "meeting", id = "rome-summit-2026-06-15" },
                status = "agreed", effectiveOn = "2026-06-15",
            });
        }

        await app.PostOkAsync($"api/commitments/{old}/status", new { to = "superseded", supersededBy = successor, effectiveOn = Day(-2), reason = "Replaced." });
        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync($"/commitments/{old}");
        var link = page.Locator($"dl.record a[href='/commitments/{successor}']");
        await Expect(link).ToHaveTextAsync("Words of " + successor);
        await Expect(page.Locator("dl.record dt").Filter(new() { HasText = "Superseded by" })).ToHaveCountAsync(1);
    }
}
