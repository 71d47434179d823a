namespace Consultations.Web.Tests;

/// <summary>A record's page reads as a page: other records as links, yes/no in words, labels and reasons in the reader's language.</summary>
[Collection("web")]
public sealed class RecordPageTests(WebApp app)
{
    [Fact]
    public async Task A_commitment_s_dialogue_and_field_are_links_to_their_pages_not_raw_ids()
    {
        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync("/commitments/jpit-01-mutual-access");
        await Expect(page.Locator("dl.record > dd > a[href='/dialogues/japan-italy-space']")).ToHaveCountAsync(1);
        await Expect(page.Locator("dl.record > dd > a[href='/fields/JPIT-01']")).ToHaveCountAsync(1);
        await Expect(page.Locator("dl.record")).Not.ToContainTextAsync("Dialogue id");
        await Expect(page.Locator("dl.record")).Not.ToContainTextAsync("Field code");
    }

    [Fact]
    public async Task A_milestone_s_met_state_reads_yes_or_no_in_the_reader_s_language()
    {
        var id = "wfb-milestone-" + Unique;
        var made = await app.Host.Client.PostAsJsonAsync("api/commitments", System.Text.Json.JsonDocument.Parse(
            $$"""{"commitmentId":"{{id}}","dialogueId":"japan-italy-space","fieldCode":"JPIT-01","text":"Milestone page {{id}}","parties":["Japan","Italy"],"agencies":[],"programmes":[],"source":{"kind":"meeting","id":"rome-summit-2026-06-15"},"status":"agreed","effectiveOn":"2026-06-15"}""").RootElement);
        Assert.True(made.IsSuccessStatusCode, await made.Content.ReadAsStringAsync());
        var added = await app.Host.Client.PostAsJsonAsync($"api/commitments/{id}/milestones", new { milestoneId = "m1", title = "Industry day", dueOn = "2027-03", effectiveOn = "2026-11-04" });
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync($"/commitments/{id}");
        await Expect(page.Locator("dl.record dd:text-is('true'), dl.record dd:text-is('false')")).ToHaveCountAsync(0);
        await Expect(page.Locator("dl.record dd:text-is('yes'), dl.record dd:text-is('no')").First).ToBeVisibleAsync();

        await page.GetByLabel("Language").SelectOptionAsync("ja");
        await page.Locator("form.language button").ClickAsync();
        await Expect(page.Locator("dl.record dt:text-is('達成済み')").First).ToBeVisibleAsync();
        await Expect(page.Locator("dl.record dd:text-is('はい'), dl.record dd:text-is('いいえ')").First).ToBeVisibleAsync();

        var answer = await page.GotoAsync("/commitments/nope");
        Assert.Equal(404, answer!.Status);
        await Expect(page.Locator("#error-explanation")).ToHaveTextAsync("約束「nope」は記録されていません。");
    }
}
