namespace Consultations.Web.Tests;

/// <summary>The new-record forms offer only what the service accepts, and fill in what they can derive.</summary>
[Collection("web")]
public sealed class FormFixTests(WebApp app)
{
    [Fact]
    public async Task A_new_commitment_offers_only_the_statuses_a_commitment_can_start_in()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync("/commitments/new");
        var options = await page.Locator("#status option").AllTextContentsAsync();
        Assert.Equal(["Proposed", "Agreed", "In progress"], options);
    }

    [Fact]
    public async Task A_field_defined_with_its_code_left_empty_gets_the_next_code_of_the_dialogue_picked()
    {
        var unique = Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var dialogue = "zz-wfa-" + unique;
        await app.PostOkAsync("api/dialogues", new { dialogueId = dialogue, title = "Zz polar dialogue " + unique, parties = new[] { "Japan", "Norway" }, effectiveOn = "2026-01-01" });
        await app.PostOkAsync("api/fields", new { fieldCode = $"WF{unique}-07", dialogueId = dialogue, number = 7, title = "Ice cores", scope = "Ice core exchange.", effectiveOn = "2026-01-02" });
        await app.CaughtUpAsync();

        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync("/fields/new");
        await Expect(page.Locator("#code-hint")).ToContainTextAsync("Left empty");
        // The dialogue is picked above the form, which opens again for it (ADR 0060): the code proposed is the dialogue's next.
        await page.GetByLabel("Dialogue").SelectOptionAsync(dialogue);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.GetByLabel("New code")).ToHaveValueAsync($"WF{unique}-08");
        await page.GetByLabel("New code").FillAsync("");
        await page.GetByLabel("Number").FillAsync("");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Sea ice");
        await page.GetByLabel("Scope", new() { Exact = true }).FillAsync("Sea ice observation.");
        await page.GetByLabel("Defined on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-01-03");
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/fields/WF{unique}-08");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sea ice");
    }
}
