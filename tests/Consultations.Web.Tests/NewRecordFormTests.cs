namespace Consultations.Web.Tests;

/// <summary>
/// A clerk starts records through the dashboard's forms (a commitment, an action plan, a document, a dialogue, a field, a
/// milestone), each picking what it refers to from the record; new dialogues sort after the bundled one, so the dashboard
/// the other tests read stays the bundled dialogue's.
/// </summary>
[Collection(WebCollection.Second)]
public sealed class NewRecordFormTests(WebApp app)
{
    [Fact]
    public async Task A_commitment_made_through_its_form_opens_its_page_citing_the_picked_document_and_a_missing_source_is_shown_next_to_its_field()
    {
        var page = await OpenAsync("Make a commitment");
        var text = "Exchange data on lunar dust " + Unique + " between the agencies";
        await page.GetByLabel("Cooperation field").SelectOptionAsync("JPIT-04");
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync(text);
        await page.GetByLabel("Made on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-20");
        await page.GetByLabel("Cites the registered document (optional)").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var document = await page.GetByLabel("Cites the registered document (optional)").InputValueAsync();
        await page.RecordRefusedAtAsync("source", "make-commitment-form-with-error");
        await Expect(page.GetByLabel("Text", new() { Exact = true })).ToHaveValueAsync(text);
        await Expect(page.Locator("#parties-Japan")).ToBeCheckedAsync();

        await page.GetByLabel("Comes from").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/commitments/exchange-data-on-lunar-dust-"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(text);
        await Expect(page.Locator("main")).ToContainTextAsync(document);
    }

    [Fact]
    public async Task An_action_plan_adopted_through_its_form_opens_its_page_and_a_missing_period_end_is_shown_next_to_its_field()
    {
        var page = await OpenAsync("Adopt an action plan");
        var title = "Zeta action plan " + Unique;
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Period from (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2027");
        await page.RecordRefusedAtAsync("periodTo", "adopt-action-plan-form-with-error");
        await Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync(title);

        await page.GetByLabel("Period to (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2029");
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/action-plans/zeta-action-plan-"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
    }

    [Fact]
    public async Task A_document_registered_and_then_amended_through_its_forms_shows_its_new_title_and_missing_dates_are_shown_next_to_their_fields()
    {
        var page = await OpenAsync("Register a document");
        var title = "Minutes of the zeta working group " + Unique;
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Kind").SelectOptionAsync("Minutes");
        await page.RecordRefusedAtAsync("date", "register-document-form-with-error");
        await Expect(page.GetByLabel("Kind")).ToHaveValueAsync("Minutes");

        await page.GetByLabel("Dated (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-18");
        await page.RecordAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);

        await page.GetByRole(AriaRole.Link, new() { Name = "Amend the document" }).ClickAsync();
        await Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync(title);
        var amended = title + ", corrected";
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(amended);
        await page.GetByLabel("Reason").FillAsync("The working group's name was misspelt.");
        await page.RecordRefusedAtAsync("effectiveOn", "amend-document-form-with-error");
        await Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync(amended);

        await page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-19");
        await page.RecordAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(amended);
    }

    [Fact]
    public async Task A_dialogue_opened_then_a_field_defined_in_it_and_its_scope_revised_show_on_their_pages_and_errors_are_shown_next_to_their_fields()
    {
        var page = await OpenAsync("Open a dialogue");
        var dialogue = "Zeta space dialogue " + Unique;
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(dialogue);
        await page.GetByLabel("Parties (one a line, at least two)").FillAsync("Japan");
        await page.GetByLabel("Opened on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-01");
        await page.RecordRefusedAtAsync("parties", "open-dialogue-form-with-error");
        await Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync(dialogue);

        await page.GetByLabel("Parties (one a line, at least two)").FillAsync("Japan\nItaly");
        await page.RecordAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(dialogue);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Define a cooperation field" }).ClickAsync();
        await Expect(page.GetByLabel("New code")).ToHaveValueAsync("JPIT-11");
        await page.GetByLabel("Dialogue").SelectOptionAsync(new SelectOptionValue { Label = dialogue });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        var code = "ZT-" + Unique;
        await page.GetByLabel("New code").FillAsync(code);
        await page.GetByLabel("Number").FillAsync("1");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Lunar science");
        await page.GetByLabel("Scope", new() { Exact = true }).FillAsync("Joint lunar science missions.");
        await page.GetByLabel("Defined on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-02");
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/fields/{code}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Lunar science");

        await page.GetByRole(AriaRole.Link, new() { Name = "Revise the scope" }).ClickAsync();
        await Expect(page.GetByLabel("Scope", new() { Exact = true })).ToHaveValueAsync("Joint lunar science missions.");
        var scope = "Joint lunar science missions and sample exchange " + Unique + ".";
        await page.GetByLabel("Scope", new() { Exact = true }).FillAsync(scope);
        await page.GetByLabel("Reason").FillAsync("The parties widened the field.");
        await page.RecordRefusedAtAsync("effectiveOn", "revise-field-scope-form-with-error");
        await Expect(page.GetByLabel("Scope", new() { Exact = true })).ToHaveValueAsync(scope);

        await page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-03");
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/fields/{code}");
        await Expect(page.Locator("main")).ToContainTextAsync(scope);
    }

    [Fact]
    public async Task A_milestone_recorded_through_its_form_opens_its_page_and_missing_dates_are_shown_next_to_their_field()
    {
        var page = await OpenAsync("Record a milestone");
        var title = "Zeta lunar conference " + Unique;
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Known from (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-25");
        await page.Locator("#fieldCodes-JPIT-04").CheckAsync();
        await page.RecordRefusedAtAsync("dates", "record-milestone-form-with-error");
        await Expect(page.Locator("#fieldCodes-JPIT-04")).ToBeCheckedAsync();

        await page.GetByLabel("From (yyyy-MM-dd, yyyy-MM or yyyy)", new() { Exact = true }).FillAsync("2027-03");
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/milestones/zeta-lunar-conference-.*-2027-03$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(page.Locator("main")).ToContainTextAsync("JPIT-04");
    }

    private async Task<IPage> OpenAsync(string form)
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GetByRole(AriaRole.Link, new() { Name = form }).ClickAsync();
        return page;
    }
}
