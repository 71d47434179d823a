namespace Consultations.Web.Tests;

/// <summary>A clerk adds items to the action plan and records their progress through forms on the plan's page.</summary>
[Collection(WebCollection.Second)]
public sealed class ActionPlanFormTests(WebApp app)
{
    private const string Plan = "action-plan-2024-2027";

    [Fact]
    public async Task An_item_added_through_its_form_shows_on_the_plan_and_a_missing_field_is_shown_next_to_its_field()
    {
        var page = await OpenAsync("Add an item");
        var text = "Exchange young researchers in lunar science " + Unique;
        await AddItemAsync(page, null, text);
        await Expect(page.Locator("#fieldCode-error")).Not.ToBeEmptyAsync();
        await Expect(page.GetByLabel("Text", new() { Exact = true })).ToHaveValueAsync(text);
        await WebApp.CheckAsync(page, "add-action-item-form-with-error");

        await page.GetByLabel("Cooperation field").SelectOptionAsync("JPIT-03");
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/action-plans/{Plan}");
        await Expect(page.Locator("main")).ToContainTextAsync(text);
    }

    [Fact]
    public async Task An_item_s_progress_shows_on_the_plan_and_a_missing_progress_is_shown_next_to_its_field()
    {
        var page = await OpenAsync("Add an item");
        var text = "Hold a joint workshop on debris " + Unique;
        await AddItemAsync(page, "JPIT-02", text);
        await page.GetByRole(AriaRole.Link, new() { Name = "An item's progress" }).ClickAsync();
        await page.GetByLabel("Item").SelectOptionAsync(new SelectOptionValue { Label = text });
        var note = "The workshop is being organised " + Unique;
        await page.GetByLabel("Note").FillAsync(note);
        await page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-20");
        await page.RecordRefusedAtAsync("progress", "action-item-progress-form-with-error");
        await Expect(page.GetByLabel("Note")).ToHaveValueAsync(note);

        await page.GetByLabel("Progress").SelectOptionAsync("OnTrack");
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/action-plans/{Plan}");
        await Expect(page.Locator("main")).ToContainTextAsync(note);
    }

    private async Task<IPage> OpenAsync(string form)
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/action-plans/{Plan}");
        await page.GetByRole(AriaRole.Link, new() { Name = form }).ClickAsync();
        return page;
    }

    private static async Task AddItemAsync(IPage page, string? field, string text)
    {
        if (field is not null) await page.GetByLabel("Cooperation field").SelectOptionAsync(field);
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync(text);
        await page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-10");
        await page.RecordAsync();
    }
}
