namespace Consultations.Web.Tests;

/// <summary>What the pages draw is whole, and what is empty is not drawn.</summary>
[Collection("web")]
public sealed class PageLayoutFixTests(WebApp app)
{
    [Fact]
    public async Task Every_year_label_of_the_timeline_lies_inside_the_drawing()
    {
        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync("/timeline");
        var svg = (await page.Locator("figure.timeline svg").BoundingBoxAsync())!;
        var labels = page.Locator("figure.timeline svg .tick-label");
        Assert.True(await labels.CountAsync() > 1);
        for (var i = 0; i < await labels.CountAsync(); i++)
        {
            var box = (await labels.Nth(i).BoundingBoxAsync())!;
            Assert.True(box.X >= svg.X && box.X + box.Width <= svg.X + svg.Width,
                $"year {await labels.Nth(i).TextContentAsync()} spans {box.X}–{box.X + box.Width}, the drawing {svg.X}–{svg.X + svg.Width}");
        }
    }

    [Fact]
    public async Task A_field_with_no_commitments_says_so_without_an_empty_table()
    {
        var unique = Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var dialogue = "zz-layout-" + unique;
        var answer = await app.Host.Client.PostAsJsonAsync("api/dialogues", new { dialogueId = dialogue, title = "Zz layout dialogue " + unique, parties = new[] { "Japan", "Norway" }, effectiveOn = "2026-01-01" });
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        answer = await app.Host.Client.PostAsJsonAsync("api/fields", new { fieldCode = $"LY{unique}-01", dialogueId = dialogue, number = 1, title = "Empty field", scope = "Nothing yet.", effectiveOn = "2026-01-02" });
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        await app.CaughtUpAsync();

        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync($"/fields/LY{unique}-01");
        await Expect(page.Locator("main")).ToContainTextAsync("None on record.");
        await Expect(page.Locator("#field-commitments")).ToHaveCountAsync(0);
        await Expect(page.Locator("main th", new() { HasText = "Next due" })).ToHaveCountAsync(0);
    }
}
