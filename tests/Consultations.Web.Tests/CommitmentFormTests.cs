namespace Consultations.Web.Tests;

/// <summary>A clerk follows a commitment up through its forms, each reached from the commitment's page.</summary>
[Collection("web")]
public sealed class CommitmentFormTests(WebApp app)
{
    private const string Commitment = "jpit-01-commercial-cooperation";

    [Fact]
    public async Task An_amended_text_shows_on_the_commitment_and_a_missing_date_is_shown_next_to_its_field()
    {
        var page = await OpenAsync("Amend the text");
        var text = "Promote commercial cooperation between space industries, amended " + Unique;
        await page.GetByLabel("New text").FillAsync(text);
        await page.GetByLabel("Reason").FillAsync("The parties agreed a clearer wording.");
        await page.RecordRefusedAtAsync("effectiveOn", "amend-commitment-form-with-error");
        await Expect(page.GetByLabel("New text")).ToHaveValueAsync(text);

        await page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-30");
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/commitments/{Commitment}");
        await Expect(page.Locator("h1")).ToHaveTextAsync(text);
    }

    [Fact]
    public async Task A_party_s_progress_shows_on_the_commitment_and_a_missing_progress_is_shown_next_to_its_field()
    {
        var page = await OpenAsync("A party's progress");
        await page.GetByLabel("Party", new() { Exact = true }).SelectOptionAsync("Italy");
        await page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-02");
        await page.GetByLabel("Reason").FillAsync("ASI opened the call for companies " + Unique);
        await page.RecordRefusedAtAsync("progress", "party-progress-form-with-error");
        await Expect(page.GetByLabel("Party", new() { Exact = true })).ToHaveValueAsync("Italy");

        var reason = await page.GetByLabel("Reason").InputValueAsync();
        await page.GetByLabel("Progress").SelectOptionAsync("InProgress");
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/commitments/{Commitment}");
        await Expect(page.Locator(".history")).ToContainTextAsync(reason);
    }

    [Fact]
    public async Task A_compliance_score_shows_on_the_commitment_and_a_missing_justification_is_shown_next_to_its_field()
    {
        var page = await OpenAsync("Assess compliance");
        await page.GetByLabel("Party", new() { Exact = true }).SelectOptionAsync("Japan");
        await page.GetByLabel("Review date (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-" + Random.Shared.Next(10, 28));
        await page.GetByLabel("Score", new() { Exact = true }).SelectOptionAsync("0");
        await page.RecordRefusedAtAsync("justification", "assess-compliance-form-with-error");
        await Expect(page.GetByLabel("Score", new() { Exact = true })).ToHaveValueAsync("0");

        var justification = "Talks held, no joint venture yet " + Unique;
        await page.GetByLabel("Justification").FillAsync(justification);
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/commitments/{Commitment}");
        await Expect(page.Locator("main")).ToContainTextAsync(justification);
    }

    [Fact]
    public async Task A_lead_shows_on_the_commitment_and_a_missing_lead_is_shown_next_to_its_field()
    {
        var page = await OpenAsync("Set a lead");
        await page.GetByLabel("Party", new() { Exact = true }).SelectOptionAsync("Italy");
        await page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-03");
        await page.RecordRefusedAtAsync("lead", "commitment-lead-form-with-error");
        await Expect(page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)")).ToHaveValueAsync("2026-11-03");

        var lead = "Italian Space Agency, office " + Unique;
        await page.GetByLabel("Lead (agency or office)").FillAsync(lead);
        await page.GetByLabel("Reason (only when the party already has another lead)").FillAsync("The ministry handed it over.");
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/commitments/{Commitment}");
        await Expect(page.Locator("main")).ToContainTextAsync(lead);
    }

    [Fact]
    public async Task A_milestone_shows_on_the_commitment_and_a_missing_due_date_is_shown_next_to_its_field()
    {
        var page = await OpenAsync("Add a milestone");
        var title = "Joint industry day " + Unique;
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Agreed on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-04");
        await page.RecordRefusedAtAsync("dueOn", "commitment-milestone-form-with-error");
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync(title);

        await page.GetByLabel("Due on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2027-03");
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/commitments/{Commitment}");
        await Expect(page.Locator("main")).ToContainTextAsync(title);
    }

    [Fact]
    public async Task A_status_form_gone_stale_because_the_status_became_final_keeps_the_clerk_s_input_visible()
    {
        var id = "wfb-final-" + Unique;
        var made = await app.Host.Client.PostAsJsonAsync("api/commitments", System.Text.Json.JsonDocument.Parse(
            $$"""{"commitmentId":"{{id}}","dialogueId":"japan-italy-space","fieldCode":"JPIT-01","text":"Stale status {{id}}","parties":["Japan","Italy"],"agencies":[],"programmes":[],"source":{"kind":"meeting","id":"rome-summit-2026-06-15"},"status":"agreed","effectiveOn":"2026-06-15"}""").RootElement);
        Assert.True(made.IsSuccessStatusCode, await made.Content.ReadAsStringAsync());
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/commitments/{id}/status");
        await page.GetByLabel("New status").SelectOptionAsync("Withdrawn");
        await page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-20");
        await page.GetByLabel("Reason").FillAsync("The agencies dropped the plan.");

        // Meanwhile, in another tab, it is recorded fulfilled: a final status.
        var other = await app.Host.Client.PostAsJsonAsync($"api/commitments/{id}/status", new { to = "fulfilled", effectiveOn = "2026-11-19", reason = "Done." });
        Assert.True(other.IsSuccessStatusCode, await other.Content.ReadAsStringAsync());

        await page.RecordAsync();
        await Expect(page.Locator("#stale")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Reason")).ToHaveValueAsync("The agencies dropped the plan.");
        await Expect(page.GetByLabel("New status")).ToHaveValueAsync("Withdrawn");
        await Expect(page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)")).ToHaveValueAsync("2026-11-20");
        await Expect(page.Locator("main")).ToContainTextAsync("This status is final");
    }

    private async Task<IPage> OpenAsync(string form)
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/commitments/{Commitment}");
        await page.GetByRole(AriaRole.Link, new() { Name = form }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(form);
        return page;
    }
}
