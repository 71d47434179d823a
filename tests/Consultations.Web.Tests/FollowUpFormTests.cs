namespace Consultations.Web.Tests;

/// <summary>
/// A clerk follows commitments' and action items' milestones, leads and ends, and reaffirms the plan, through forms reached
/// from the record's page; the milestone or item is picked from the record's open ones.
/// </summary>
[Collection(WebCollection.Second)]
public sealed class FollowUpFormTests(WebApp app)
{
    private const string Commitment = "jpit-01-commercial-cooperation";
    private const string Plan = "action-plan-2024-2027";

    [Fact]
    public async Task A_commitment_s_milestone_rescheduled_then_met_shows_on_the_commitment_and_a_missing_pick_is_shown_next_to_its_field()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/commitments/{Commitment}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a milestone" }).ClickAsync();
        var title = "Call for proposals " + Unique;
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Due on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2027-01");
        await page.GetByLabel("Agreed on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-01");
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/commitments/{Commitment}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Reschedule a milestone" }).ClickAsync();
        var reason = "The agencies need another quarter " + Unique;
        await page.GetByLabel("New due date (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2027-03");
        await page.GetByLabel("Agreed on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-15");
        await page.GetByLabel("Reason").FillAsync(reason);
        await page.RecordRefusedAtAsync("milestoneId", "reschedule-commitment-milestone-form-with-error");
        await Expect(page.GetByLabel("Reason")).ToHaveValueAsync(reason);

        await page.GetByLabel("Milestone").SelectOptionAsync(new SelectOptionValue { Label = $"{title} (2027-01)" });
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/commitments/{Commitment}");
        await Expect(page.Locator(".history")).ToContainTextAsync(reason);

        await page.GetByRole(AriaRole.Link, new() { Name = "A milestone met" }).ClickAsync();
        var note = "The call opened " + Unique;
        await page.GetByLabel("Milestone").SelectOptionAsync(new SelectOptionValue { Label = $"{title} (2027-03)" });
        await page.GetByLabel("Note (optional)").FillAsync(note);
        await page.GetByLabel("Met on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-20");
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/commitments/{Commitment}");
        await Expect(page.Locator("main")).ToContainTextAsync(note);
    }

    [Fact]
    public async Task An_item_s_lead_and_milestone_rescheduled_and_met_and_the_item_completed_show_on_the_plan_and_missing_picks_are_shown_next_to_their_fields()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        var text = await AddItemAsync(page, "Share solar observatory data " + Unique);

        await Open(page, "Set an item's lead");
        var lead = "Solar physics office " + Unique;
        await page.GetByLabel("Party", new() { Exact = true }).SelectOptionAsync("Japan");
        await page.GetByLabel("Lead (agency or office)").FillAsync(lead);
        await page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-11");
        await page.RecordRefusedAtAsync("itemId", "action-item-lead-form-with-error");
        await Expect(page.GetByLabel("Lead (agency or office)")).ToHaveValueAsync(lead);
        await page.GetByLabel("Item").SelectOptionAsync(new SelectOptionValue { Label = text });
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/action-plans/{Plan}");
        await Expect(page.Locator("main")).ToContainTextAsync(lead);

        await Open(page, "Add a milestone to an item");
        var title = "First data release " + Unique;
        await page.GetByLabel("Item").SelectOptionAsync(new SelectOptionValue { Label = text });
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Due on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2027-02");
        await page.GetByLabel("Agreed on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-12");
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/action-plans/{Plan}");
        await Expect(page.Locator("main")).ToContainTextAsync(title);

        await Open(page, "Reschedule an item's milestone");
        var reason = "The data pipeline is late " + Unique;
        await page.GetByLabel("New due date (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2027-04");
        await page.GetByLabel("Agreed on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-13");
        await page.GetByLabel("Reason").FillAsync(reason);
        await page.RecordRefusedAtAsync("milestone", "reschedule-item-milestone-form-with-error");
        await Expect(page.GetByLabel("Reason")).ToHaveValueAsync(reason);
        await page.GetByLabel("Milestone").SelectOptionAsync(new SelectOptionValue { Label = $"{title} (2027-02) · {text}" });
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/action-plans/{Plan}");
        await Expect(page.Locator(".history")).ToContainTextAsync(reason);

        await Open(page, "An item's milestone met");
        var met = "Released on the agencies' portals " + Unique;
        await page.GetByLabel("Milestone").SelectOptionAsync(new SelectOptionValue { Label = $"{title} (2027-04) · {text}" });
        await page.GetByLabel("Note (optional)").FillAsync(met);
        await page.GetByLabel("Met on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-21");
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/action-plans/{Plan}");
        await Expect(page.Locator("main")).ToContainTextAsync(met);

        await Open(page, "Complete an item");
        var done = "All data shared " + Unique;
        await page.GetByLabel("Item").SelectOptionAsync(new SelectOptionValue { Label = text });
        await page.GetByLabel("Note (optional)").FillAsync(done);
        await page.GetByLabel("Completed on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-22");
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/action-plans/{Plan}");
        await Expect(page.Locator("main")).ToContainTextAsync(done);
        // The plan may have no other open item left (its item buttons are then hidden): the form is opened by its address.
        await page.GotoAsync($"/action-plans/{Plan}/item-complete");
        await Expect(page.GetByLabel("Item").Locator("option", new() { HasText = text })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_dropped_item_and_a_reaffirmation_show_on_the_plan_and_a_missing_meeting_is_shown_next_to_its_field()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        var text = await AddItemAsync(page, "Study a joint cubesat " + Unique);
        await Open(page, "Drop an item");
        var reason = "The agencies chose another mission " + Unique;
        await page.GetByLabel("Item").SelectOptionAsync(new SelectOptionValue { Label = text });
        await page.GetByLabel("Reason").FillAsync(reason);
        await page.GetByLabel("Dropped on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-23");
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/action-plans/{Plan}");
        await Expect(page.Locator("main")).ToContainTextAsync(reason);

        await Open(page, "Reaffirm the plan");
        var note = "The summit reaffirmed the plan " + Unique;
        await page.GetByLabel("Note (optional)").FillAsync(note);
        await page.GetByLabel("Reaffirmed on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-06-15");
        await page.RecordRefusedAtAsync("by", "reaffirm-action-plan-form-with-error");
        await Expect(page.GetByLabel("Note (optional)")).ToHaveValueAsync(note);
        await page.GetByLabel("Reaffirmed by (a meeting or statement)").SelectOptionAsync(new SelectOptionValue { Label = "Japan–Italy summit, Rome" });
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/action-plans/{Plan}");
        await Expect(page.Locator("main")).ToContainTextAsync(note);
    }

    private async Task<string> AddItemAsync(IPage page, string text)
    {
        await page.GotoAsync($"/action-plans/{Plan}");
        await Open(page, "Add an item");
        await page.GetByLabel("Cooperation field").SelectOptionAsync("JPIT-06");
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync(text);
        await page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-10");
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/action-plans/{Plan}");
        return text;
    }

    private static Task Open(IPage page, string form) => page.GetByRole(AriaRole.Link, new() { Name = form, Exact = true }).ClickAsync();
}
