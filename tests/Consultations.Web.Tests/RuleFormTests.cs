using System.Net.Http.Json;
using Consultations.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Consultations.Web.Tests;

/// <summary>
/// Forms an outside review found giving wrong answers (findings 3, 5, 10, 11 and 23 of issue 11's review), each on records
/// of its own: what the rules refuse, shown where the person typed it, and a double submit answered like the first.
/// </summary>
[Collection(WebCollection.Second)]
public sealed class RuleFormTests(WebApp app)
{
    private const string Rome = "rome-summit-2026-06-15";

    private static string Unique => Guid.NewGuid().ToString("N")[..6];

    private async Task PostAsync(string url, object body)
    {
        var answer = await app.Host.Client.PostAsJsonAsync(url, body);
        Assert.True(answer.IsSuccessStatusCode, $"POST {url}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
    }

    /// <summary>A drafted statement with clause 1, drafted on 1 June 2026.</summary>
    private async Task<string> StatementAsync(bool withClause = true)
    {
        var id = "rules-statement-" + Unique;
        await PostAsync("api/statements", new { statementId = id, dialogueId = "japan-italy-space", title = "Rules statement " + id, effectiveOn = "2026-06-01" });
        if (withClause)
            await PostAsync($"api/statements/{id}/clauses", new { number = 1, fieldCode = "JPIT-03", heading = "Science", text = "A joint workshop.", effectiveOn = "2026-06-01" });
        return id;
    }

    private async Task<string> CommitmentAsync(string text, string? textIs = null)
    {
        var id = "rules-" + Unique;
        await PostAsync("api/commitments", new
        {
            commitmentId = id, dialogueId = "japan-italy-space", fieldCode = "JPIT-06", text, parties = new[] { "Japan", "Italy" },
            agencies = Array.Empty<string>(), programmes = Array.Empty<string>(), source = new { kind = "meeting", id = Rome }, status = "agreed",
            effectiveOn = "2026-06-15", textIs,
        });
        return id;
    }

    private static ILocator Value(IPage page, string label) => page.Locator($"dl.record > dt:text-is('{label}') + dd");

    [Fact]
    public async Task A_statement_is_adopted_only_at_a_meeting_held_on_or_after_its_first_day_and_its_page_says_adopted_in_words()
    {
        var planned = "Rules working group " + Unique;
        await PostAsync("api/meetings", new
        {
            meetingId = "rules-wg-" + Unique, dialogueId = "japan-italy-space", kind = "working-group", title = planned, place = "Rome",
            plannedDates = new { from = "2027-05" }, parties = new[] { "Japan", "Italy" }, delegations = Array.Empty<object>(), effectiveOn = "2026-06-01",
        });
        var statement = await StatementAsync();
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/statements/{statement}/adopt");

        // The picker offers the meetings held, not one still planned.
        var meetings = page.GetByLabel("Meeting");
        await Expect(meetings.Locator("option", new() { HasText = planned })).ToHaveCountAsync(0);
        await Expect(meetings.Locator("option", new() { HasText = "Japan–Italy summit, Rome" })).ToHaveCountAsync(1);

        // The day before the summit: refused next to the day, the input kept.
        await meetings.SelectOptionAsync(new SelectOptionValue { Label = "Japan–Italy summit, Rome" });
        await page.GetByLabel("Adopted on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-06-14");
        await page.GetByLabel("Place").FillAsync("Rome");
        await page.GetByLabel("Signatories (one a line)").FillAsync("Prime Minister TAKAICHI Sanae\nPresident of the Council of Ministers Giorgia MELONI");
        await page.GetByRole(AriaRole.Button, new() { Name = "Adopt" }).ClickAsync();
        await Expect(page.Locator("#adoptedOn-error")).ToContainTextAsync("was held on 2026-06-15");
        await Expect(page.GetByLabel("Adopted on (yyyy-MM-dd, yyyy-MM or yyyy)")).ToHaveValueAsync("2026-06-14");

        await page.GetByLabel("Adopted on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-06-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Adopt" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/statements/{statement}$"));
        await Expect(Value(page, "Adopted")).ToHaveTextAsync("yes");
        await Expect(page.Locator("dl.record")).Not.ToContainTextAsync("Is adopted");
    }

    [Fact]
    public async Task A_quoted_commitment_amended_into_other_words_reads_as_a_paraphrase_and_the_form_asks_what_the_new_text_is()
    {
        var quoted = "Japan and Italy are committed to facilitating mutual access to space " + Unique;
        var id = await CommitmentAsync(quoted, "quoted");
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/commitments/{id}");
        await Expect(Value(page, "Text is")).ToHaveTextAsync("quoted");

        await page.GotoAsync($"/commitments/{id}/amend");
        var other = "Japan and Italy will open their launch services to each other's payloads.";
        await page.GetByLabel("New text").FillAsync(other);
        await page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-01");
        await page.GetByLabel("Reason").FillAsync("Clarified at working level");

        // Said to be quoted, words that are not the quote are refused next to the text.
        await page.GetByLabel("The text (optional)").SelectOptionAsync("Quoted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Expect(page.Locator("#text-error")).ToContainTextAsync("paraphrase");
        await Expect(page.GetByLabel("New text")).ToHaveValueAsync(other);

        // Left unsaid, they are a paraphrase of the quote the commitment keeps.
        await page.GetByLabel("The text (optional)").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/commitments/{id}$"));
        await Expect(Value(page, "Text")).ToHaveTextAsync(other);
        await Expect(Value(page, "Text is")).ToHaveTextAsync("paraphrase");
        await Expect(Value(page, "Quote")).ToHaveTextAsync(quoted);
    }

    [Fact]
    public async Task A_status_dated_before_the_current_status_is_refused_next_to_its_date()
    {
        var id = await CommitmentAsync("Rules commitment " + Unique);
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/commitments/{id}/status");
        await page.GetByLabel("New status").SelectOptionAsync("Lapsed");
        await page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-06-14");
        await page.GetByLabel("Reason").FillAsync("before it was made");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();

        await Expect(page.Locator("#effectiveOn-error")).ToContainTextAsync("since 2026-06-15");
        await Expect(page.Locator("#to-error")).ToBeEmptyAsync();
        await Expect(page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)")).ToHaveValueAsync("2026-06-14");
    }

    [Fact]
    public async Task A_clause_number_that_is_not_a_number_is_said_so_and_kept()
    {
        var statement = await StatementAsync(withClause: false);
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/statements/{statement}/clause");
        await page.GetByLabel("Number").FillAsync("abc");
        await page.GetByLabel("Cooperation field").SelectOptionAsync("JPIT-08");
        await page.GetByLabel("Heading").FillAsync("Debris");
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Both sides will share debris tracking data.");
        await page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-06-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();

        await Expect(page.Locator("#number-error")).ToContainTextAsync("'abc' is not a number");
        await Expect(page.GetByLabel("Number")).ToHaveValueAsync("abc");
    }

    [Fact]
    public async Task Scheduling_a_meeting_twice_with_the_same_form_records_it_once_and_answers_both_with_the_meeting()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync("/meetings/new");
        var title = "Working group on debris " + Unique;
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Place").FillAsync("Osaka");
        var form = page.Locator("main form");
        await form.Locator("[name=DatesFrom]").FillAsync("2027-02-10");
        await form.Locator("[name=DatesTo]").FillAsync("2027-02-11");
        await form.Locator("[name=effectiveOnDate]").FillAsync("2026-11-20");

        // The form as the browser would post it, twice (a double click).
        var fields = await form.EvaluateAsync<string[][]>("f => [...new FormData(f)].map(([k, v]) => [k, String(v)])");
        var id = $"working-group-on-debris-{title[^6..]}-2027-02-10";
        var before = await EntriesAsync(id);
        for (var i = 0; i < 2; i++)
        {
            var data = page.Context.APIRequest.CreateFormData();
            foreach (var pair in fields) data.Append(pair[0], pair[1]);
            var answer = await page.Context.APIRequest.PostAsync("/meetings/new", new() { Form = data, MaxRedirects = 0 });
            Assert.Equal(302, answer.Status);
            Assert.Equal($"/meetings/{id}", answer.Headers["location"]);
        }

        Assert.Equal((0, 1), (before, await EntriesAsync(id)));
    }

    private async Task<int> EntriesAsync(string meeting)
    {
        var answer = await app.Host.Client.GetAsync($"api/meetings/{meeting}");
        return answer.IsSuccessStatusCode ? (await answer.Content.ReadFromJsonAsync<JsonNode>())!["history"]!.AsArray().Count : 0;
    }

    [Fact]
    public async Task A_refusal_and_an_input_error_read_in_the_persons_language_with_what_they_typed_kept()
    {
        var statement = await StatementAsync();
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GetByLabel("Language").SelectOptionAsync("it");
        await page.Locator("form.language button").ClickAsync();
        await page.GotoAsync($"/statements/{statement}/adopt");
        await page.Locator("#meetingId").SelectOptionAsync(new SelectOptionValue { Label = "Japan–Italy summit, Rome" });
        await page.Locator("#adoptedOn").FillAsync("2026-06-14");
        await page.Locator("#place").FillAsync("Roma");
        await page.Locator("#signatories").FillAsync("Prime Minister TAKAICHI Sanae");
        await page.GetByRole(AriaRole.Button, new() { Name = "Adotta", Exact = true }).ClickAsync();
        // The rule in Italian, the particulars (the dates) as recorded, next to the day typed, which is kept.
        await Expect(page.Locator("#adoptedOn-error")).ToContainTextAsync("La data di adozione deve cadere nelle date della riunione.");
        await Expect(page.Locator("#adoptedOn-error")).ToContainTextAsync("2026-06-15");
        await Expect(page.Locator("#refusal")).ToContainTextAsync("La data di adozione");
        await Expect(page.Locator("#adoptedOn")).ToHaveValueAsync("2026-06-14");

        await page.GetByLabel("Lingua").SelectOptionAsync("ja");
        await page.Locator("form.language button").ClickAsync();
        await page.GotoAsync($"/statements/{statement}/adopt");
        await page.Locator("#adoptedOn").FillAsync("14/06/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "採択する", Exact = true }).ClickAsync();
        await Expect(page.Locator("#adoptedOn-error")).ToContainTextAsync("「14/06/2026」は日付ではありません。");
        await Expect(page.Locator("#adoptedOn")).ToHaveValueAsync("14/06/2026");
    }
}
