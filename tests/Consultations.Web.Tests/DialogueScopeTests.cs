namespace Consultations.Web.Tests;

/// <summary>
/// Forms offer only the records of the dialogue they record in, the default one included (third review, findings 23, 29, 27;
/// ADR 0060); a second outcome asks why (finding 30); a field's page marks its items' milestones due.
/// </summary>
[Collection(WebCollection.Second)]
public sealed class DialogueScopeTests(WebApp app)
{
    private const string JapanItaly = "japan-italy-space";

    /// <summary>A second dialogue (Japan, Korea) with a field, a meeting held and a document: what the forms must not mix up.</summary>
    private async Task<(string Dialogue, string Field, string Meeting, string Document)> SecondDialogueAsync()
    {
        var unique = Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (dialogue, field, meeting, document) = ("zz-scope-" + unique, $"ZS{unique}-01", "zz-scope-meeting-" + unique, "zz-scope-minutes-" + unique);
        await app.PostOkAsync("api/dialogues", new { dialogueId = dialogue, title = "Zz scope dialogue " + unique, parties = new[] { "Japan", "Korea" }, effectiveOn = "2026-01-01" });
        await app.PostOkAsync("api/fields", new { fieldCode = field, dialogueId = dialogue, number = 1, title = "Ocean data " + unique, scope = "Ocean data exchange.", effectiveOn = "2026-01-02" });
        await app.PostOkAsync("api/meetings", new
        {
            meetingId = meeting, dialogueId = dialogue, kind = "consultation", title = "Zz scope consultations " + unique, place = "Seoul",
            plannedDates = new { from = "2026-02-02" }, parties = new[] { "Japan", "Korea" }, delegations = Array.Empty<object>(), effectiveOn = "2026-01-05",
        });
        await app.PostOkAsync($"api/meetings/{meeting}/held", new { dates = new { from = "2026-02-02" } });
        await app.PostOkAsync("api/documents", new { documentId = document, dialogueId = dialogue, title = "Zz scope minutes " + unique, kind = "minutes", date = "2026-02-02",
            parties = new[] { "Japan", "Korea" }, language = "en" });
        await app.CaughtUpAsync();
        return (dialogue, field, meeting, document);
    }

    private static ILocator Option(IPage page, string select, string value) => page.Locator($"#{select} option[value=\"{value}\"]");

    [Fact]
    public async Task Every_new_record_form_offers_only_its_dialogues_records_the_default_one_included_and_a_forged_pick_is_refused_next_to_it()
    {
        var (dialogue, field, meeting, document) = await SecondDialogueAsync();
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");

        // Nothing picked: the default dialogue's fields, sources, documents and parties only.
        await page.GotoAsync("/commitments/new");
        await Expect(page.GetByLabel("Dialogue", new() { Exact = true })).ToHaveValueAsync(JapanItaly);
        await Expect(page.Locator("input[name=DialogueId]")).ToHaveValueAsync(JapanItaly);
        await Expect(Option(page, "fieldCode", "JPIT-01")).ToHaveCountAsync(1);
        await Expect(Option(page, "fieldCode", field)).ToHaveCountAsync(0);
        await Expect(Option(page, "source", $"Meeting|{meeting}")).ToHaveCountAsync(0);
        await Expect(Option(page, "source", "Meeting|rome-summit-2026-06-15")).ToHaveCountAsync(1);
        await Expect(Option(page, "documentId", document)).ToHaveCountAsync(0);
        await Expect(page.Locator("main input[type=checkbox][value=Korea]")).ToHaveCountAsync(0);
        foreach (var form in new[] { "/meetings/new", "/documents/new" })
        {
            await page.GotoAsync(form);
            await Expect(page.Locator("main input[type=checkbox][value=Korea]")).ToHaveCountAsync(0);
            await Expect(page.Locator("main input[type=checkbox][value=Italy]")).ToBeCheckedAsync();
        }

        await page.GotoAsync("/statements/new");
        await Expect(Option(page, "documentId", document)).ToHaveCountAsync(0);
        await page.GotoAsync($"/statements/new?dialogue={dialogue}");
        await Expect(Option(page, "documentId", document)).ToHaveCountAsync(1);
        await Expect(Option(page, "documentId", "japan-italy-joint-statement-2026-06-15")).ToHaveCountAsync(0);
        await page.GotoAsync("/milestones/new");
        await Expect(page.Locator($"#fieldCodes-{field}")).ToHaveCountAsync(0);
        await page.GotoAsync($"/milestones/new?dialogue={dialogue}");
        await Expect(page.Locator($"#fieldCodes-{field}")).ToHaveCountAsync(1);
        await Expect(page.Locator("#fieldCodes-JPIT-01")).ToHaveCountAsync(0);

        // Another dialogue picked above the form: the form opens again with that dialogue's records only.
        await page.GotoAsync("/commitments/new");
        await page.GetByLabel("Dialogue", new() { Exact = true }).SelectOptionAsync(dialogue);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/commitments/new?dialogue={dialogue}");
        await Expect(page.Locator("#fieldCode option")).ToHaveCountAsync(2);
        await Expect(Option(page, "fieldCode", field)).ToHaveCountAsync(1);
        await Expect(page.Locator("#source option")).ToHaveCountAsync(2);
        await Expect(Option(page, "source", $"Meeting|{meeting}")).ToHaveCountAsync(1);
        await Expect(page.Locator("#documentId option")).ToHaveCountAsync(2);
        await Expect(page.Locator("main input[type=checkbox][value=Korea]")).ToBeCheckedAsync();
        await Expect(page.Locator("main input[type=checkbox][value=Italy]")).ToHaveCountAsync(0);
        await WebApp.CheckAsync(page, "make-commitment-second-dialogue");

        // A field of another dialogue slipped into the post is refused next to the field, the input kept.
        await page.EvaluateAsync("() => { const o = new Option('JPIT-01', 'JPIT-01', true, true); document.querySelector('#fieldCode').add(o); }");
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Japan and Korea will exchange ocean data " + dialogue + ".");
        await page.Locator("#source").SelectOptionAsync($"Meeting|{meeting}");
        await page.GetByLabel("Made on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-02-03");
        await page.RecordRefusedAtAsync("fieldCode", "make-commitment-field-of-another-dialogue");
        await Expect(page.Locator("#fieldCode-error")).ToContainTextAsync($"belongs to dialogue '{JapanItaly}', not '{dialogue}'");
        await Expect(page.Locator("input[name=DialogueId]")).ToHaveValueAsync(dialogue);
        await Expect(page.GetByLabel("Text", new() { Exact = true })).ToHaveValueAsync("Japan and Korea will exchange ocean data " + dialogue + ".");
    }

    [Fact]
    public async Task Make_a_commitment_on_a_fields_page_opens_the_form_with_that_field_and_its_dialogue()
    {
        var (dialogue, field, _, _) = await SecondDialogueAsync();
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        foreach (var (code, inDialogue) in new[] { ("JPIT-08", JapanItaly), (field, dialogue) })
        {
            await page.GotoAsync($"/fields/{code}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Make a commitment" }).ClickAsync();
            await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/commitments/new?field={code}");
            await Expect(page.Locator("#fieldCode")).ToHaveValueAsync(code);
            await Expect(page.Locator("input[name=DialogueId]")).ToHaveValueAsync(inDialogue);
            await Expect(page.GetByLabel("Dialogue", new() { Exact = true })).ToHaveValueAsync(inDialogue);
        }

        var missing = await page.GotoAsync("/commitments/new?field=NO-SUCH-FIELD");
        Assert.Equal(404, missing!.Status);
        await Expect(page.Locator("main")).ToContainTextAsync("NO-SUCH-FIELD");
    }

    [Fact]
    public async Task A_second_outcome_asks_why_and_its_history_line_shows_the_outcome_it_revises()
    {
        var id = "revised-outcome-wg-" + Unique;
        await app.PostOkAsync("api/meetings", new
        {
            meetingId = id, dialogueId = JapanItaly, kind = "working-group", title = "Revised outcome WG " + id, place = "Osaka",
            plannedDates = new { from = Day(-10) }, parties = new[] { "Japan", "Italy" }, delegations = Array.Empty<object>(), effectiveOn = Day(-20),
        });
        await app.PostOkAsync($"api/meetings/{id}/held", new { dates = new { from = Day(-10) } });
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/meetings/{id}/outcome");
        await Expect(page.GetByLabel("Reason", new() { Exact = true })).ToHaveCountAsync(0);
        await page.GetByLabel("Summary").FillAsync("First summary.");
        await page.RecordAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Revise the outcome" }).ClickAsync();
        await page.GetByLabel("Summary").FillAsync("Second summary, as minuted.");
        await page.RecordAsync("Replace the outcome");
        await Expect(page.Locator("#reason-error")).ToContainTextAsync("Reason is required to revise the outcome on record");
        await Expect(page.GetByLabel("Summary")).ToHaveValueAsync("Second summary, as minuted.");
        await WebApp.CheckAsync(page, "meeting-outcome-revision-without-reason");

        await page.ReplaceOutcomeAsync("The minutes came in.");
        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/meetings/{id}");
        await Expect(page.Locator("#meeting-outcome")).ToHaveTextAsync("Second summary, as minuted.");
        var line = page.Locator(".history tbody tr").Last;
        await Expect(line).ToContainTextAsync("First summary. → Second summary, as minuted.");
        await Expect(line).ToContainTextAsync("The minutes came in.");
    }

    [Fact]
    public async Task A_fields_page_marks_its_items_milestones_overdue_or_due_soon()
    {
        var (late, soon) = ("late-workshop-" + Unique, "soon-workshop-" + Unique);
        foreach (var (item, due) in new[] { (late, Day(-5)), (soon, Day(5)) })
        {
            await app.PostOkAsync("api/action-plans/action-plan-2024-2027/items", new { itemId = item, fieldCode = "JPIT-09", text = "Workshop " + item, effectiveOn = Day(-20) });
            await app.PostOkAsync($"api/action-plans/action-plan-2024-2027/items/{item}/milestones",
                new { milestoneId = "held", title = "Held " + item, dueOn = due, effectiveOn = Day(-19) });
        }

        await app.CaughtUpAsync();
        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync("/fields/JPIT-09");
        var lateLine = page.Locator("#field-items li").Filter(new() { HasText = "Workshop " + late });
        await Expect(lateLine.Locator(".tag.overdue")).ToHaveTextAsync("Overdue");
        await Expect(lateLine).ToContainTextAsync($"{Day(-5)} · Held {late}");
        var soonLine = page.Locator("#field-items li").Filter(new() { HasText = "Workshop " + soon });
        await Expect(soonLine.Locator(".tag.due-soon")).ToHaveTextAsync("Due soon");
        await Expect(soonLine.Locator(".tag.overdue")).ToHaveCountAsync(0);
        await WebApp.CheckAsync(page, "field-items-due");
    }
}
