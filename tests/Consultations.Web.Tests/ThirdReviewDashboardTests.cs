namespace Consultations.Web.Tests;

/// <summary>The pages the third outside review of issue 11 found wrong or broken (findings 24, 8, 12, 13, 20; ADR 0059).</summary>
[Collection("web")]
public sealed class ThirdReviewDashboardTests(WebApp app)
{
    [Fact]
    public async Task A_meeting_whose_planned_day_passed_is_not_next_but_not_recorded_as_held()
    {
        var id = "past-planned-wg-" + Unique;
        await app.PostOkAsync("api/meetings", new
        {
            meetingId = id, dialogueId = "japan-italy-space", kind = "working-group", title = "Past planned WG " + id, place = "Osaka",
            plannedDates = new { from = Day(-10) }, parties = new[] { "Japan", "Italy" }, delegations = Array.Empty<object>(), effectiveOn = Day(-20),
        });
        await app.CaughtUpAsync();

        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync("/");
        await Expect(page.Locator("#next-meeting")).Not.ToContainTextAsync(id);
        await Expect(page.Locator("#overdue-meetings li").Filter(new() { HasText = id })).ToContainTextAsync("not recorded as held");
    }

    [Fact]
    public async Task An_action_items_milestone_overdue_is_on_the_dashboard_and_marked_on_the_item_page()
    {
        var item = "zorbflux-workshop-" + Unique;
        await app.PostOkAsync("api/action-plans/action-plan-2024-2027/items", new { itemId = item, fieldCode = "JPIT-08", text = "Joint workshop " + item, effectiveOn = Day(-20) });
        await app.PostOkAsync($"api/action-plans/action-plan-2024-2027/items/{item}/milestones",
            new { milestoneId = "workshop-held", title = "Workshop held " + item, dueOn = Day(-5), effectiveOn = Day(-19) });
        await app.CaughtUpAsync();

        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync("/");
        var line = page.Locator("#item-milestones-due li").Filter(new() { HasText = "Workshop held " + item });
        await Expect(line).ToContainTextAsync("Overdue");
        await line.GetByRole(AriaRole.Link, new() { Name = "Joint workshop " + item }).ClickAsync();
        await Expect(page.Locator("#item-milestones-due")).ToContainTextAsync("Overdue");
        await Expect(page.Locator("#item-milestones-due")).ToContainTextAsync("Workshop held " + item);
        // The item's own milestone is not a stand-alone milestone: its id links to no /milestones/ page.
        Assert.Equal(0, await page.Locator("dl.record a[href*='/milestones/workshop-held']").CountAsync());
        await WebApp.CheckAsync(page, "item-milestone-overdue");
    }

    [Fact]
    public async Task A_meeting_kind_outside_the_list_is_refused_next_to_kind_with_the_input_kept()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync("/meetings/new");
        var title = "Kind test " + Unique;
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Place").FillAsync("Rome");
        // A forged value: the select's first option made to post a kind the record does not have.
        await page.Locator("#kind").EvaluateAsync("s => { s.options[0].value = 'Banquet'; s.selectedIndex = 0; }");
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, answer.Status);
        await Expect(page.Locator("#kind-error")).ToContainTextAsync("'Banquet' is not one of the choices");
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync(title);
    }

    [Fact]
    public async Task The_document_form_has_no_two_elements_with_one_id()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync("/documents/new");
        var ids = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[id]')].map(e => e.id)");
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        await Expect(page.GetByLabel("Language (e.g. en, it, ja)")).ToHaveAttributeAsync("name", "Language");
    }
}
