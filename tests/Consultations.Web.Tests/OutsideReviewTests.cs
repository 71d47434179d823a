using System.Text.RegularExpressions;

namespace Consultations.Web.Tests;

/// <summary>What a second outside review of the pages (a fresh clone, the README only) found, each fixed and kept fixed.</summary>
[Collection("web")]
public sealed class OutsideReviewTests(WebApp app)
{
    private const string Rome = "rome-summit-2026-06-15";
    private const string Statement = "jp-it-joint-statement-space-2026-06-15";

    private async Task<JsonNode> PostAsync(string url, object body)
    {
        var answer = await app.Host.Client.PostAsJsonAsync(url, body);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, $"POST {url}: {(int)answer.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private async Task<string> CommitmentAsync()
    {
        var id = "review-" + Unique;
        await PostAsync("api/commitments", JsonNode.Parse(
            $$"""{"commitmentId":"{{id}}","dialogueId":"japan-italy-space","fieldCode":"JPIT-06","text":"Review commitment {{id}}","parties":["Japan","Italy"],"agencies":[],"programmes":[],"source":{"kind":"meeting","id":"{{Rome}}"},"status":"agreed","effectiveOn":"2026-06-15"}""")!);
        return id;
    }

    private async Task<string> LastEntryAsync(string url, string kind) =>
        (await app.Host.GetJsonAsync(url))["history"]!.AsArray().Last(h => h!["kind"]!.GetValue<string>() == kind)!["eventId"]!.GetValue<string>();

    [Fact]
    public async Task A_void_and_a_correction_name_the_line_they_fix_by_number_date_and_kind_linked_to_it_with_old_and_new_values()
    {
        var id = await CommitmentAsync();
        await PostAsync($"api/commitments/{id}/status", new { to = "in-progress", effectiveOn = "2026-07-01", reason = "Started by mistake." });
        var mistaken = await LastEntryAsync($"api/commitments/{id}", "commitment-status-changed");
        await PostAsync("api/voids", new { eventId = mistaken, reason = "It had not started." });
        await PostAsync($"api/commitments/{id}/status", new { to = "in-progress", effectiveOn = "2026-08-01", reason = "Started." });
        var started = await LastEntryAsync($"api/commitments/{id}", "commitment-status-changed");
        await PostAsync("api/corrections", new { eventId = started, reason = "It was fulfilled at once.", to = "fulfilled" });

        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync($"/commitments/{id}");
        var rows = page.Locator(".history tbody tr");
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(page.Locator(".history")).Not.ToContainTextAsync("fixes #");

        var voiding = rows.Nth(2);
        await Expect(voiding.Locator(".fixes")).ToHaveTextAsync("· voids #2 · 2026-07-01 · Commitment status changed");
        await Expect(voiding.Locator(".fixes a")).ToHaveAttributeAsync("href", $"#entry-{mistaken}");
        await Expect(voiding.Locator(".change-old")).ToHaveTextAsync("in-progress");
        await Expect(voiding.Locator(".change-new")).ToHaveTextAsync("agreed");

        var correcting = rows.Nth(4);
        await Expect(correcting.Locator(".fixes")).ToHaveTextAsync("· corrects #4 · 2026-08-01 · Commitment status changed");
        await Expect(correcting.Locator(".fixes a")).ToHaveAttributeAsync("href", $"#entry-{started}");
        await Expect(correcting.Locator(".change-old")).ToHaveTextAsync("in-progress");
        await Expect(correcting.Locator(".change-new")).ToHaveTextAsync("fulfilled");
        await correcting.Locator(".fixes a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"#entry-{started}$"));
        await WebApp.CheckAsync(page, "history-void-and-correction");

        // The API's history names the same line.
        var history = (await app.Host.GetJsonAsync($"api/commitments/{id}"))["history"]!.AsArray();
        Assert.Equal(2, history[2]!["fixesVersion"]!.GetValue<long>());
        Assert.Equal(4, history[4]!["fixesVersion"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_document_amendment_and_a_held_meeting_show_what_they_changed_and_no_history_line_is_empty()
    {
        var document = "review-doc-" + Unique;
        await PostAsync("api/documents", new { documentId = document, dialogueId = "japan-italy-space", title = "Draft minutes", kind = "minutes", date = "2026-06-15", parties = new[] { "Japan", "Italy" }, language = "en" });
        await PostAsync($"api/documents/{document}/amendments", new { title = "Minutes of the Rome summit", language = "it", effectiveOn = "2026-06-20", reason = "Final title." });

        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync($"/documents/{document}");
        var amended = page.Locator(".history tbody tr").Last;
        await Expect(amended.Locator(".change").Filter(new() { HasText = "Title" }).Locator(".change-old")).ToHaveTextAsync("Draft minutes");
        await Expect(amended.Locator(".change").Filter(new() { HasText = "Title" }).Locator(".change-new")).ToHaveTextAsync("Minutes of the Rome summit");
        await Expect(amended.Locator(".change").Filter(new() { HasText = "Language" }).Locator(".change-old")).ToHaveTextAsync("en");

        await page.GotoAsync($"/meetings/{Rome}");
        // The record's own held line comes first; other tests of this collection may add corrections after it.
        var held = page.Locator(".history tbody tr").Filter(new() { HasText = "Meeting held" }).First;
        await Expect(held.Locator(".change-new")).ToHaveTextAsync(["Rome", "2026-06-15"]);

        foreach (var url in new[] { $"/documents/{document}", $"/meetings/{Rome}", "/meetings/space-consultations-1-tokyo", $"/statements/{Statement}", "/action-plans/action-plan-2024-2027", "/fields/JPIT-01", "/commitments/jpit-06-solar-c", "/dialogues/japan-italy-space" })
        {
            await page.GotoAsync(url);
            var cells = await page.Locator(".history td.changes").AllInnerTextsAsync();
            Assert.NotEmpty(cells);
            Assert.All(cells, c => Assert.False(string.IsNullOrWhiteSpace(c), $"{url}: a history line shows no change"));
        }
    }

    [Fact]
    public async Task Records_a_page_links_to_are_named_by_their_titles_with_the_id_as_a_hint()
    {
        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync("/commitments/jpit-01-mutual-access");
        await Expect(page.Locator("dl.record a[href='/dialogues/japan-italy-space']")).ToHaveTextAsync("Japan–Italy space cooperation");
        await Expect(page.Locator("dl.record a[href='/fields/JPIT-01']")).ToHaveTextAsync("Government and commercial cooperation");
        await Expect(page.Locator($"dl.record a[href='/statements/{Statement}']")).ToHaveTextAsync("Japan–Italy Joint Statement on Space Collaboration");
        await Expect(page.Locator("dl.record .record-id").First).ToHaveTextAsync("japan-italy-space");

        // A held meeting's outcome names its evidence (and fields) by title, the id after it.
        await page.GotoAsync("/meetings/space-consultations-1-tokyo");
        var evidence = page.Locator("#outcome-evidence li");
        await Expect(evidence).ToHaveCountAsync(1);
        await Expect(evidence.Locator(".record-id")).ToHaveTextAsync("japan-italy-joint-statement-2026-06-15");
        await Expect(evidence.Locator("a[href='/documents/japan-italy-joint-statement-2026-06-15']")).Not.ToHaveTextAsync("japan-italy-joint-statement-2026-06-15");

        await page.GotoAsync($"/statements/{Statement}");
        var adopted = page.Locator(".history tbody tr").Filter(new() { HasText = "adopted" });
        await Expect(adopted.Locator($".change a[href='/meetings/{Rome}']")).ToHaveTextAsync("Japan–Italy summit, Rome");
        await WebApp.CheckAsync(page, "statement-linked-titles");
    }

    [Theory]
    [InlineData("en", "Dashboard: Japan–Italy space cooperation")]
    [InlineData("it", "Cruscotto: Japan–Italy space cooperation")]
    [InlineData("ja", "ダッシュボード：Japan–Italy space cooperation")]
    public async Task The_dashboard_heading_puts_its_colon_as_each_language_writes_it(string culture, string heading)
    {
        var page = await app.SignInAsync("Rita Reader", "reporter");
        if (culture != "en")
        {
            await page.Locator("#language").SelectOptionAsync(culture);
            await page.Locator("form.language button").ClickAsync();
        }

        await page.GotoAsync("/?dialogue=japan-italy-space");
        Assert.Equal(heading, (await page.Locator("h1").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task The_as_of_bar_keeps_the_words_searched_the_record_audited_and_the_dialogue_and_back_to_now_keeps_them_too()
    {
        var page = await app.SignInAsync("Aldo Auditor", "auditor");
        await page.GotoAsync("/search?q=LiteBIRD");
        await page.GetByLabel("In effect on").FillAsync("2026-06-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
        await Expect(page.Locator(".replay-banner")).ToContainTextAsync("2026-06-01");
        Assert.Contains("q=LiteBIRD", page.Url);
        await Expect(page.Locator("#result-count")).ToContainTextAsync("LiteBIRD");
        await page.Locator("#back-to-now").ClickAsync();
        await Expect(page.Locator(".replay-banner")).ToHaveCountAsync(0);
        Assert.Contains("q=LiteBIRD", page.Url);

        await page.GotoAsync("/audit?record=jpit-01-mutual-access&dialogue=japan-italy-space");
        await page.GetByLabel("In effect on").FillAsync("2026-06-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
        await Expect(page.Locator(".replay-banner")).ToContainTextAsync("2026-06-20");
        Assert.Contains("record=jpit-01-mutual-access", page.Url);
        Assert.Contains("dialogue=japan-italy-space", page.Url);
        await Expect(page.Locator("#record")).ToHaveValueAsync("jpit-01-mutual-access");
    }

    [Fact]
    public async Task The_dialogue_picked_is_kept_on_the_reports_audit_and_ledger_links_and_the_reports_download_it()
    {
        var page = await app.SignInAsync("Ada Auditor", "auditor", "reporter");
        await page.GotoAsync("/timeline?dialogue=japan-italy-space");
        foreach (var (name, path) in new[] { ("Reports", "/reports"), ("Audit trail", "/audit"), ("Ledger", "/ledger") })
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToHaveAttributeAsync("href", $"{path}?dialogue=japan-italy-space");

        await page.GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }).ClickAsync();
        await Expect(page.Locator("#reports-dialogue")).ToContainTextAsync("Japan–Italy space cooperation");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Status report (Markdown)" })).ToHaveAttributeAsync("href", new Regex("dialogue=japan-italy-space"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true })).ToHaveAttributeAsync("href", "/?dialogue=japan-italy-space");

        await page.GetByRole(AriaRole.Link, new() { Name = "Ledger", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Timeline", Exact = true })).ToHaveAttributeAsync("href", "/timeline?dialogue=japan-italy-space");
        var answer = await page.GotoAsync("/audit?dialogue=nope");
        Assert.Equal(404, answer!.Status);
    }

    [Fact]
    public async Task A_lost_race_is_answered_409_and_not_logged_as_an_error()
    {
        var id = await CommitmentAsync();
        var conflicts = 0;
        for (var round = 0; round < 5 && conflicts == 0; round++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => app.Host.Client.PostAsJsonAsync($"api/commitments/{id}/amendments",
                new { text = $"Raced text {round}-{i}", effectiveOn = "2026-11-01", reason = "Race." })));
            conflicts += answers.Count(a => (int)a.StatusCode == 409);
        }

        Assert.True(conflicts > 0, "no write lost a race");
        var output = app.Host.RecentOutput;
        Assert.Contains("Consultations.Conflicts", output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail: Marten", output, StringComparison.Ordinal);
    }
}
