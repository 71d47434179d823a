namespace Consultations.Web.Tests;

/// <summary>A clerk schedules, reschedules, holds and cancels meetings through their forms; each test works on a meeting of its own.</summary>
[Collection(WebCollection.Second)]
public sealed class MeetingFormTests(WebApp app)
{
    [Fact]
    public async Task A_meeting_scheduled_through_its_form_opens_its_page_and_a_missing_title_is_shown_next_to_its_field()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GetByRole(AriaRole.Link, new() { Name = "Schedule a meeting" }).ClickAsync();
        await page.GetByLabel("Place").FillAsync("Osaka");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(page.Locator("#title-error")).Not.ToBeEmptyAsync();
        await Expect(page.GetByLabel("Place")).ToHaveValueAsync("Osaka");
        await WebApp.CheckAsync(page, "schedule-meeting-form-with-error");

        var title = "Working group on lunar science " + Unique;
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Kind").SelectOptionAsync("WorkingGroup");
        await page.GetByLabel("Head of delegation (Japan)").FillAsync("JAXA Vice-President");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(page.Locator("#meeting-status")).ToHaveTextAsync("scheduled");
        await Expect(page.Locator("dl.record")).ToContainTextAsync("Japan: JAXA Vice-President");
    }

    [Fact]
    public async Task A_meeting_rescheduled_through_its_form_shows_its_new_place_and_dates_and_a_missing_date_is_shown_next_to_its_field()
    {
        var page = await ScheduledAsync("Consultations to reschedule");
        await page.GetByRole(AriaRole.Link, new() { Name = "Reschedule" }).ClickAsync();
        await page.GetByLabel("Place").FillAsync("Naples");
        await page.Locator("#plannedDates-from").FillAsync("2027-10-05");
        await page.Locator("#plannedDates-to").FillAsync("2027-10-06");
        await page.GetByLabel("Reason").FillAsync("The hosts asked for October.");
        await page.RecordRefusedAtAsync("effectiveOn", "reschedule-meeting-form-with-error");
        await Expect(page.GetByLabel("Place")).ToHaveValueAsync("Naples");

        await page.GetByLabel("Agreed on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-30");
        await page.RecordAsync();
        await Expect(page.Locator("dl.record")).ToContainTextAsync("Naples");
        await Expect(page.Locator("dl.record")).ToContainTextAsync("2027-10-05");
        await Expect(page.Locator(".history")).ToContainTextAsync("The hosts asked for October.");
    }

    [Fact]
    public async Task A_meeting_recorded_as_held_through_its_form_can_take_its_outcome_and_missing_dates_are_shown_next_to_their_field()
    {
        var page = await ScheduledAsync("Consultations to hold");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record it was held" }).ClickAsync();
        await page.GetByLabel("Place").FillAsync("Tsukuba");
        await page.RecordRefusedAtAsync("dates", "hold-meeting-form-with-error");
        await Expect(page.GetByLabel("Place")).ToHaveValueAsync("Tsukuba");

        await page.Locator("#dates-from").FillAsync("2026-11-20");
        await page.RecordAsync();
        await Expect(page.Locator("#meeting-status")).ToHaveTextAsync("held");
        await Expect(page.Locator("dl.record")).ToContainTextAsync("Tsukuba");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record the outcome" }).ClickAsync();
        await Expect(page.Locator("#outcome-revision")).ToHaveCountAsync(0);
        await page.GetByLabel("Summary").FillAsync("Agreed to exchange lunar data.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Revise the outcome" }).ClickAsync();
        await Expect(page.Locator("#outcome-revision")).ToContainTextAsync("replaces it");
        await Expect(page.GetByLabel("Summary")).ToHaveValueAsync("Agreed to exchange lunar data.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Replace the outcome" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_meeting_cancelled_through_its_form_shows_why_and_a_missing_reason_is_shown_next_to_its_field()
    {
        var page = await ScheduledAsync("Consultations to cancel");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel the meeting" }).ClickAsync();
        await page.GetByLabel("Called off on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the meeting" }).ClickAsync();
        await Expect(page.Locator("#reason-error")).Not.ToBeEmptyAsync();
        await Expect(page.GetByLabel("Called off on (yyyy-MM-dd, yyyy-MM or yyyy)")).ToHaveValueAsync("2026-11-25");
        await WebApp.CheckAsync(page, "cancel-meeting-form-with-error");

        await page.GetByLabel("Reason").FillAsync("The hosts could not host it this year.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the meeting" }).ClickAsync();
        await Expect(page.Locator("#meeting-status")).ToHaveTextAsync("cancelled");
        await Expect(page.Locator("dl.record")).ToContainTextAsync("The hosts could not host it this year.");
    }

    /// <summary>A clerk's page on a meeting of the test's own, scheduled through the form.</summary>
    private async Task<IPage> ScheduledAsync(string title)
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync("/meetings/new");
        await page.GetByLabel("Title").FillAsync(title + " " + Unique);
        await page.GetByLabel("Place").FillAsync("Rome");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(page.Locator("#meeting-status")).ToHaveTextAsync("scheduled");
        return page;
    }
}
