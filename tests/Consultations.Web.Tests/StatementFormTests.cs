namespace Consultations.Web.Tests;

/// <summary>A clerk drafts a joint statement, adds its clauses and records its adoption through forms; each test on a statement of its own.</summary>
[Collection("web")]
public sealed class StatementFormTests(WebApp app)
{
    [Fact]
    public async Task A_statement_drafted_through_its_form_opens_its_page_and_a_missing_date_is_shown_next_to_its_field()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GetByRole(AriaRole.Link, new() { Name = "Draft a joint statement" }).ClickAsync();
        var title = "Joint statement on lunar science " + Unique;
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Draft" }).ClickAsync();
        await Expect(page.Locator("#effectiveOn-error")).Not.ToBeEmptyAsync();
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync(title);
        await WebApp.CheckAsync(page, "draft-statement-form-with-error");

        await page.GetByLabel("Drafted on (yyyy-MM-dd, yyyy-MM or yyyy;").FillAsync("2026-06-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draft" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add a clause" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_clause_added_through_its_form_shows_on_the_statement_and_a_missing_heading_is_shown_next_to_its_field()
    {
        var page = await DraftedAsync();
        var text = "The participants will hold a joint lunar science workshop " + Unique + ".";
        await AddClauseAsync(page, "", text);
        await Expect(page.Locator("#heading-error")).Not.ToBeEmptyAsync();
        await Expect(page.GetByLabel("Text", new() { Exact = true })).ToHaveValueAsync(text);
        await WebApp.CheckAsync(page, "add-clause-form-with-error");

        await page.GetByLabel("Heading").FillAsync("Lunar science");
        await page.RecordAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(text);
    }

    [Fact]
    public async Task A_statement_adopted_through_its_form_shows_its_adoption_and_a_missing_meeting_is_shown_next_to_its_field()
    {
        var page = await DraftedAsync();
        await AddClauseAsync(page, "Lunar science", "A joint lunar science workshop.");
        await Expect(page.Locator("main")).ToContainTextAsync("A joint lunar science workshop.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Adopt the statement" }).ClickAsync();
        await page.GetByLabel("Adopted on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-06-15");
        await page.GetByLabel("Place").FillAsync("Rome");
        await page.GetByLabel("Signatories (one a line)").FillAsync("Prime Minister TAKAICHI Sanae\nPresident of the Council of Ministers Giorgia MELONI");
        await page.GetByRole(AriaRole.Button, new() { Name = "Adopt" }).ClickAsync();
        await Expect(page.Locator("#meetingId-error")).Not.ToBeEmptyAsync();
        await Expect(page.GetByLabel("Place")).ToHaveValueAsync("Rome");
        await WebApp.CheckAsync(page, "adopt-statement-form-with-error");

        await page.GetByLabel("Meeting").SelectOptionAsync(new SelectOptionValue { Label = "Japan–Italy summit, Rome" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Adopt" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("rome-summit-2026-06-15");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Adopt the statement" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_missing_adoption_day_is_explained_beginning_with_the_field_s_label()
    {
        var page = await DraftedAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Adopt the statement" }).ClickAsync();
        await page.GetByLabel("Place").FillAsync("Rome");
        await page.GetByRole(AriaRole.Button, new() { Name = "Adopt" }).ClickAsync();
        await Expect(page.Locator("#adoptedOn-error")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Adopted on is required"));
    }

    private async Task<IPage> DraftedAsync()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync("/statements/new");
        await page.GetByLabel("Title").FillAsync("Statement " + Guid.NewGuid().ToString("N")[..8]);
        await page.GetByLabel("Drafted on (yyyy-MM-dd, yyyy-MM or yyyy;").FillAsync("2026-06-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draft" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add a clause" })).ToBeVisibleAsync();
        return page;
    }

    private static async Task AddClauseAsync(IPage page, string heading, string text)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a clause" }).ClickAsync();
        await page.GetByLabel("Cooperation field").SelectOptionAsync("JPIT-03");
        await page.GetByLabel("Heading").FillAsync(heading);
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync(text);
        await page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-06-01");
        await page.RecordAsync();
    }
}
