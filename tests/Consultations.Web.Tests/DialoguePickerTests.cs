namespace Consultations.Web.Tests;

/// <summary>The dialogue a person picks stays picked while navigating, and a newly opened dialogue never becomes everyone's default.</summary>
[Collection("web")]
public sealed class DialoguePickerTests(WebApp app)
{
    [Fact]
    public async Task A_dialogue_opened_later_does_not_replace_the_default_and_the_one_picked_on_the_timeline_stays_on_the_header_links()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        var bundled = await page.Locator("h1").TextContentAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open a dialogue" }).ClickAsync();
        // Its id sorts before the bundled dialogue's, and it was opened earlier in the year: neither makes it the default.
        var title = "Aardvark dialogue " + Unique;
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Parties (one a line, at least two)").FillAsync("Japan\nItaly");
        await page.GetByLabel("Opened on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2001-01-01");
        await page.RecordAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await app.CaughtUpAsync();

        await page.GotoAsync("/");
        await Expect(page.Locator("h1")).ToHaveTextAsync(bundled!);
        await page.GotoAsync("/timeline");
        await Expect(page.Locator(".timeline-list")).ToContainTextAsync("Japan–Italy summit, Rome");

        await page.GetByLabel("Dialogue", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = title });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.Locator(".timeline-list")).Not.ToContainTextAsync("Japan–Italy summit, Rome");
        await Expect(page.GetByLabel("Dialogue", new() { Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^aardvark-dialogue-"));
        await WebApp.CheckAsync(page, "timeline-picked-dialogue");

        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync(title);
        await page.GetByRole(AriaRole.Link, new() { Name = "Timeline" }).ClickAsync();
        await Expect(page.GetByLabel("Dialogue", new() { Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^aardvark-dialogue-"));
    }

    [Fact]
    public async Task The_as_of_bar_keeps_the_dialogue_sends_only_the_filled_axis_and_the_audit_links_keep_the_axes()
    {
        var page = await app.SignInAsync("Aldo Auditor", "auditor");
        await page.GotoAsync("/timeline?dialogue=japan-italy-space");
        await page.GetByLabel("In effect on").FillAsync("2026-06-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();

        await Expect(page.Locator(".replay-banner")).ToContainTextAsync("2026-06-01");
        Assert.Contains("dialogue=japan-italy-space", page.Url);
        Assert.DoesNotContain("recordedAt", page.Url);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Audit trail" })).ToHaveAttributeAsync("href", "/audit?effectiveOn=2026-06-01&dialogue=japan-italy-space");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ledger" })).ToHaveAttributeAsync("href", "/ledger?effectiveOn=2026-06-01&dialogue=japan-italy-space");
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();
        await Expect(page.Locator(".replay-banner")).ToContainTextAsync("2026-06-01");
    }
}
