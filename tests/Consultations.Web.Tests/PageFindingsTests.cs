using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Consultations.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Consultations.Web.Tests;

/// <summary>
/// The pages an outside review found broken or missing: the field's clauses and documents, an action item's own page, the
/// audit trail an auditor can read, the reports and forms of a picked dialogue, a replay kept on a 404, and refusals
/// that are refusals.
/// </summary>
[Collection("web")]
public sealed class PageFindingsTests(WebApp app)
{
    private const string Plan = "action-plan-2024-2027";
    private const string Statement = "jp-it-joint-statement-space-2026-06-15";

    private static string Unique => Guid.NewGuid().ToString("N")[..6];

    private async Task PostAsync(string url, object body)
    {
        var answer = await app.Host.Client.PostAsJsonAsync(url, body);
        Assert.True(answer.IsSuccessStatusCode, $"POST {url}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task The_field_page_lists_its_clauses_and_documents_and_marks_a_paraphrase_which_the_timeline_does_not_quote()
    {
        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync("/fields/JPIT-04");
        var clause = page.Locator("#field-clauses li", new() { Has = page.Locator($"a[href='/statements/{Statement}']") });
        await Expect(clause).ToContainTextAsync("clause 4");
        await Expect(clause.Locator("blockquote")).ToContainTextAsync("Artemis");
        await Expect(page.Locator("#field-documents a[href='/documents/japan-italy-joint-statement-2026-06-15']")).ToHaveCountAsync(1);

        var lunar = page.Locator("#field-commitments tbody tr", new() { Has = page.Locator("a[href='/commitments/jpit-04-lunar-exploration']") });
        await Expect(lunar.Locator(".paraphrase")).ToHaveTextAsync("paraphrase");
        await WebApp.CheckAsync(page, "field-clauses-documents");

        await page.GotoAsync("/timeline");
        var made = page.Locator(".timeline-list li", new() { Has = page.Locator("a[href='/commitments/jpit-04-lunar-exploration']") })
            .Filter(new() { HasText = "Commitment made" }).First;
        await Expect(made).ToContainTextAsync("(paraphrase)");
        await Expect(made).Not.ToContainTextAsync("“");
        // A quoted commitment keeps its quotation marks.
        var quoted = page.Locator(".timeline-list li", new() { Has = page.Locator("a[href='/commitments/jpit-01-mutual-access']") })
            .Filter(new() { HasText = "Commitment made" }).First;
        await Expect(quoted).ToContainTextAsync("“Japan and Italy are committed to facilitating mutual access to space");
    }

    [Fact]
    public async Task An_action_item_has_its_own_page_linked_from_the_plan_the_field_and_the_timeline_and_a_plan_with_no_open_item_offers_no_item_buttons()
    {
        var item = "item-" + Unique;
        var text = "Joint SOLAR-C science workshop " + item;
        await PostAsync($"api/action-plans/{Plan}/items", new { itemId = item, fieldCode = "JPIT-06", text, effectiveOn = "2026-07-01" });
        var itemPage = $"/action-plans/{Plan}/items/{item}";
        await app.CaughtUpAsync();

        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/action-plans/{Plan}");
        await page.Locator($"#plan-items a[href='{itemPage}']").ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + itemPage);
        await Expect(page.Locator("h1")).ToHaveTextAsync(text);
        await Expect(page.Locator(".history tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#item-actions").GetByRole(AriaRole.Link, new() { Name = "Complete an item", Exact = true })).ToHaveCountAsync(1);
        await WebApp.CheckAsync(page, "action-item");
        // Its buttons open the plan's item forms with this item already picked; an item the plan does not have open is a 404.
        await page.Locator("#item-actions").GetByRole(AriaRole.Link, new() { Name = "An item's progress", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Item", new() { Exact = true })).ToHaveValueAsync(item);
        await page.GotoAsync(itemPage);
        await page.Locator("#item-actions").GetByRole(AriaRole.Link, new() { Name = "Set an item's lead", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Item", new() { Exact = true })).ToHaveValueAsync(item);
        Assert.Equal(404, (await page.GotoAsync($"/action-plans/{Plan}/item-progress?itemId=no-such-item"))!.Status);

        await page.GotoAsync("/fields/JPIT-06");
        await Expect(page.Locator($"#field-items a[href='{itemPage}']")).ToHaveTextAsync(text);
        await page.GotoAsync("/timeline");
        await Expect(page.Locator($".timeline-list a[href='{itemPage}']")).ToHaveCountAsync(1);
        Assert.Equal(404, (await page.GotoAsync($"/action-plans/{Plan}/items/no-such-item"))!.Status);

        var empty = "plan-" + Unique;
        await PostAsync("api/action-plans", new { planId = empty, dialogueId = "japan-italy-space", title = "Plan without items " + empty, periodFrom = "2026", periodTo = "2027", effectiveOn = "2026-07-01" });
        await page.GotoAsync($"/action-plans/{empty}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add an item", Exact = true })).ToHaveCountAsync(1);
        foreach (var button in new[] { "An item's progress", "Complete an item", "Drop an item", "Set an item's lead", "Add a milestone to an item" })
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = button, Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_audit_trail_is_reached_from_the_record_and_marks_the_voided_entry_the_void_that_fixes_it_and_what_each_changed()
    {
        var id = "audited-" + Unique;
        await PostAsync("api/commitments", JsonNode.Parse(
            $$"""{"commitmentId":"{{id}}","dialogueId":"japan-italy-space","fieldCode":"JPIT-06","text":"Audited commitment {{id}}","parties":["Japan","Italy"],"agencies":[],"programmes":[],"source":{"kind":"meeting","id":"rome-summit-2026-06-15"},"status":"agreed","effectiveOn":"2026-06-15"}""")!);
        await PostAsync($"api/commitments/{id}/status", new { to = "in-progress", effectiveOn = "2026-07-01", reason = "Started by mistake." });
        var history = (await app.Host.GetJsonAsync($"api/commitments/{id}"))["history"]!.AsArray();
        var mistaken = history.Last(h => h!["kind"]!.GetValue<string>() == "commitment-status-changed")!["eventId"]!.GetValue<string>();
        await PostAsync("api/voids", new { eventId = mistaken, reason = "It had not started." });

        var page = await app.SignInAsync("Aldo Auditor", "auditor");
        await page.GotoAsync($"/commitments/{id}?effectiveOn=2026-06-20");
        await Expect(page.Locator("#record-audit")).ToHaveAttributeAsync("href", $"/audit?record={id}&effectiveOn=2026-06-20");
        await page.GotoAsync($"/commitments/{id}");
        await page.Locator("#record-audit").ClickAsync();
        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/audit?record={id}");

        var rows = page.Locator("#audit-trail tbody tr");
        await Expect(rows.First.Locator($"a[href='/commitments/{id}']")).ToContainTextAsync("Audited commitment");
        await Expect(rows.First.Locator(".voided")).ToHaveCountAsync(0);
        var voiding = rows.Filter(new() { Has = page.Locator(".fixes") });
        await Expect(voiding).ToHaveCountAsync(1);
        await Expect(voiding.Locator(".fixes")).ToContainTextAsync("voids #");
        var target = (await voiding.Locator(".fixes a").GetAttributeAsync("href"))!;
        var voided = page.Locator(target);
        await Expect(voided.Locator("del")).ToHaveCountAsync(1);
        await Expect(voided.Locator(".voided")).ToHaveTextAsync("voided");
        await Expect(voided.Locator(".changes")).ToContainTextAsync("in-progress");
        await Expect(page.Locator("#audit-trail .voided")).ToHaveCountAsync(1);
        await WebApp.CheckAsync(page, "audit-trail-of-a-record");
    }

    [Fact]
    public async Task With_a_second_dialogue_the_reports_download_the_default_or_the_picked_one_and_its_dashboard_s_forms_start_with_it()
    {
        var dialogue = "zz-pages-" + Unique;
        await PostAsync("api/dialogues", new { dialogueId = dialogue, title = "Zz pages dialogue " + dialogue, parties = new[] { "Japan", "Norway" }, effectiveOn = "2026-01-01" });
        await app.CaughtUpAsync();

        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat", "reporter");
        await page.GotoAsync("/reports");
        var html = page.GetByRole(AriaRole.Link, new() { Name = "Status report (HTML, printable)" });
        await Expect(html).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("dialogue=japan-italy-space"));
        foreach (var name in new[] { "Status report (HTML, printable)", "Status report (Markdown)" })
        {
            var href = await page.GetByRole(AriaRole.Link, new() { Name = name }).GetAttributeAsync("href");
            Assert.Equal(200, (await page.APIRequest.GetAsync(href!)).Status);
        }

        await WebApp.CheckAsync(page, "reports-two-dialogues");
        await page.GetByLabel("Dialogue", new() { Exact = true }).SelectOptionAsync(dialogue);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(html).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"dialogue={dialogue}"));
        Assert.Equal(200, (await page.APIRequest.GetAsync((await html.GetAttributeAsync("href"))!)).Status);

        await page.GotoAsync($"/?dialogue={dialogue}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Schedule a meeting" }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/meetings/new?dialogue={dialogue}");
        await Expect(page.Locator("input[name=DialogueId]")).ToHaveValueAsync(dialogue);
        await Expect(page.Locator("#party-Norway")).ToHaveCountAsync(1);
        await Expect(page.Locator("#party-Italy")).ToHaveCountAsync(0);

        await page.GotoAsync($"/?dialogue={dialogue}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Register a document" }).ClickAsync();
        await Expect(page.Locator("input[name=DialogueId]")).ToHaveValueAsync(dialogue);
        await Expect(page.Locator("main input[type=checkbox][value=Norway]")).ToBeCheckedAsync();
        await Expect(page.Locator("main input[type=checkbox][value=Italy]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_record_not_on_record_in_a_replay_keeps_the_axes_on_its_bar_and_links_and_a_meeting_shows_no_empty_slots()
    {
        var page = await app.SignInAsync("Aldo Auditor", "auditor");
        var answer = await page.GotoAsync("/meetings/rome-summit-2026-06-15?effectiveOn=2026-06-01");
        Assert.Equal(404, answer!.Status);
        await Expect(page.Locator("#error-explanation")).ToContainTextAsync("2026-06-01");
        await Expect(page.Locator(".replay-banner")).ToContainTextAsync("2026-06-01");
        await Expect(page.Locator("#effectiveOn")).ToHaveValueAsync("2026-06-01");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Timeline", Exact = true })).ToHaveAttributeAsync("href", "/timeline?effectiveOn=2026-06-01");
        await Expect(page.Locator("#back-to-dashboard")).ToHaveAttributeAsync("href", "/?effectiveOn=2026-06-01");
        await WebApp.CheckAsync(page, "not-found-in-a-replay");

        await page.GotoAsync("/meetings/space-consultations-2-rome");
        await Expect(page.Locator("#meeting-delegations")).ToHaveTextAsync("not on record");
        await page.GotoAsync("/meetings/tokyo-summit-2026-01-16");
        await Expect(page.Locator("#meeting-delegations")).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex(":\\s*(;|$)"));
        await Expect(page.Locator("#outcome-fields:not(:has(li))")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("/search?q=!!", "q:")]
    [InlineData("/audit?from=2026-13-01", "from:")]
    [InlineData("/audit?from=2026-12-02&to=2026-01-01", "to:")]
    [InlineData("/ledger?digest=garbage", "digest:")]
    [InlineData("/search?q=LONG", "q: At most 200 characters.")]
    public async Task A_query_that_cannot_be_run_is_a_400_page_naming_its_parameter_with_no_results(string url, string explanation)
    {
        var page = await app.SignInAsync("Aldo Auditor", "auditor");
        var answer = await page.GotoAsync(url.Replace("LONG", new string('a', 300), StringComparison.Ordinal));
        Assert.Equal(400, answer!.Status);
        await Expect(page.Locator("#error-explanation")).ToContainTextAsync(explanation);
        await Expect(page.Locator("#result-count")).ToHaveCountAsync(0);
        await Expect(page.Locator("main table")).ToHaveCountAsync(0);
    }
}
