using System.Text.RegularExpressions;
using Consultations.Tests.Processes;

namespace Consultations.Web.Tests;

/// <summary>What the second outside review of issue 11 found in what the pages say, each fixed and kept fixed.</summary>
[Collection("web")]
public sealed class SecondReviewWordsTests(WebApp app)
{
    private const string Rome = "rome-summit-2026-06-15";

    private async Task<JsonNode> PostAsync(string url, object body)
    {
        var answer = await app.Host.Client.PostAsJsonAsync(url, body);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, $"POST {url}: {(int)answer.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private async Task<string> CommitmentAsync(string made)
    {
        var id = "words-" + Unique;
        await PostAsync("api/commitments", JsonNode.Parse(
            $$"""{"commitmentId":"{{id}}","dialogueId":"japan-italy-space","fieldCode":"JPIT-06","text":"Words commitment {{id}}","parties":["Japan","Italy"],"agencies":[],"programmes":[],"source":{"kind":"meeting","id":"{{Rome}}"},"status":"agreed","effectiveOn":"{{made}}"}""")!);
        return id;
    }

    private async Task<string> LastEntryAsync(string id, string kind) =>
        (await app.Host.GetJsonAsync($"api/commitments/{id}"))["history"]!.AsArray().Last(h => h!["kind"]!.GetValue<string>() == kind)!["eventId"]!.GetValue<string>();

    [Fact]
    public async Task What_changed_since_follows_the_corrected_day_and_lists_a_void_with_the_entry_it_voids()
    {
        var id = await CommitmentAsync("2026-09-01");
        await PostAsync($"api/commitments/{id}/status", new { to = "in-progress", effectiveOn = "2026-09-10", reason = "Started." });
        var started = await LastEntryAsync(id, "commitment-status-changed");
        await PostAsync("api/corrections", new { eventId = started, reason = "It started later.", effectiveOn = "2026-09-20" });
        await PostAsync($"api/commitments/{id}/status", new { to = "fulfilled", effectiveOn = "2026-09-25", reason = "Done." });
        await PostAsync("api/voids", new { eventId = await LastEntryAsync(id, "commitment-status-changed"), reason = "Not done yet." });
        await app.CaughtUpAsync();

        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync("/?since=2026-09-01");
        await Expect(page.Locator("#changes-order")).ToContainTextAsync("then the order recorded");
        var rows = page.Locator($"#changes tbody tr:has(a[href*='{id}'])");
        await Expect(rows).ToHaveCountAsync(5);
        var effective = await rows.Locator(".change-effective").AllInnerTextsAsync();
        var kinds = await rows.Locator("td:nth-child(3)").AllInnerTextsAsync();
        Assert.Equal(["2026-09-01", "2026-09-10 → 2026-09-20", "—", "2026-09-25", "—"], effective.Select(e => Regex.Replace(e.Trim(), @"\s+", " ")));
        Assert.StartsWith("Commitment status changed", kinds[1]);
        Assert.Contains("corrects Commitment status changed · 2026-09-20", Regex.Replace(kinds[2], @"\s+", " "));
        Assert.Contains("voided", kinds[3]);
        Assert.Contains("Entry voided · voids Commitment status changed · 2026-09-25", Regex.Replace(kinds[4], @"\s+", " "));
        await WebApp.CheckAsync(page, "dashboard-changes-one-axis");
    }

    [Fact]
    public async Task The_english_sign_in_page_describes_each_role_in_words()
    {
        var page = await (await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Locale = "en-US" })).NewPageAsync();
        await page.GotoAsync("/signin");
        await Expect(page.Locator("label[for=role-secretariat] .hint")).ToHaveTextAsync("records and corrects the facts");
        await Expect(page.Locator("label[for=role-auditor] .hint")).ToHaveTextAsync("reads everything, replays the record, verifies the ledger");
        await Expect(page.Locator("label[for=role-reporter] .hint")).ToHaveTextAsync("reads the views and the reports");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("role:");
    }

    [Fact]
    public async Task A_form_sent_without_its_token_says_it_expired_and_links_back_to_it_not_that_the_roles_forbid_it()
    {
        var id = await CommitmentAsync("2026-07-01");
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/commitments/{id}/status");
        await page.EvaluateAsync("() => document.querySelectorAll('main form input[name=__RequestVerificationToken]').forEach(i => i.remove())");
        await page.GetByLabel("New status").SelectOptionAsync(new SelectOptionValue { Label = "In progress" });
        var answer = await page.RunAndWaitForResponseAsync(() => page.Locator("main form button[type=submit]").First.ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(403, answer.Status);
        await Expect(page.Locator("main")).ToContainTextAsync("The form has expired");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Your roles do not allow");
        await Expect(page.Locator("#open-form-again")).ToHaveAttributeAsync("href", $"/commitments/{id}/status");
        await page.Locator("#open-form-again").ClickAsync();
        await Expect(page.GetByLabel("New status")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_audit_trail_names_a_void_by_its_records_title_and_reads_a_partys_progress_in_words()
    {
        var id = await CommitmentAsync("2026-07-01");
        await PostAsync($"api/commitments/{id}/party-progress", new { party = "Japan", progress = "in-progress", effectiveOn = "2026-07-02", reason = "Begun." });
        await PostAsync($"api/commitments/{id}/status", new { to = "in-progress", effectiveOn = "2026-07-03", reason = "Started." });
        await PostAsync("api/voids", new { eventId = await LastEntryAsync(id, "commitment-status-changed"), reason = "Not yet." });

        var page = await app.SignInAsync("Aldo Auditor", "auditor");
        await page.GotoAsync($"/audit?record={id}");
        var voiding = page.Locator("#audit-trail tbody tr").Filter(new() { HasText = "Entry voided" });
        await Expect(voiding.Locator("td").Nth(1)).ToContainTextAsync($"Words commitment {id}");
        var progress = page.Locator("#audit-trail .change").Filter(new() { HasText = "Party progress" });
        await Expect(progress).ToHaveTextAsync(new Regex(@"^Party progress \(Japan\):\s+in-progress$"));
        await Expect(page.Locator("#audit-trail")).Not.ToContainTextAsync("Party progress.");
    }

    [Fact]
    public async Task Choices_in_lists_read_as_words_not_spellings()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync("/meetings/new");
        var kinds = await page.Locator("#kind option").AllInnerTextsAsync();
        Assert.Contains("Working group", kinds);
        Assert.DoesNotContain(kinds, k => k.Contains('-') || k.Any(char.IsUpper) && k.Skip(1).Any(char.IsUpper));
        var id = await CommitmentAsync("2026-07-01");
        await page.GotoAsync($"/commitments/{id}/status");
        var statuses = await page.Locator("#to option").AllInnerTextsAsync();
        Assert.Contains("In progress", statuses);
        Assert.DoesNotContain("in-progress", statuses);
    }

    [Fact]
    public async Task A_commitment_shows_its_text_as_made_only_when_it_differs_and_an_unreported_partys_progress_as_unknown()
    {
        var id = await CommitmentAsync("2026-07-01");
        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync($"/commitments/{id}");
        var labels = await page.Locator("dl.record > dt").AllInnerTextsAsync();
        Assert.Contains("Text", labels);
        Assert.DoesNotContain("Made text", labels);

        await PostAsync($"api/commitments/{id}/amendments", new { text = $"Amended words {id}", effectiveOn = "2026-07-05", reason = "Reworded." });
        await page.GotoAsync($"/commitments/{id}");
        await Expect(page.Locator("dl.record > dt", new() { HasTextRegex = new Regex("^Made text$") })).ToHaveCountAsync(1);

        await app.CaughtUpAsync();
        await page.GotoAsync("/fields/JPIT-06");
        await Expect(page.Locator("tr", new() { HasText = $"Amended words {id}" })).ToContainTextAsync("Japan: unknown; Italy: unknown");
    }

    [Fact]
    public async Task A_replay_before_the_dialogue_was_on_record_is_a_page_saying_so_not_empty_tables()
    {
        var page = await app.SignInAsync("Aldo Auditor", "auditor");
        foreach (var path in new[] { "/?effectiveOn=1999-01-01", "/timeline?effectiveOn=1999-01-01" })
        {
            var answer = await page.GotoAsync(path);
            Assert.Equal(404, answer!.Status);
            await Expect(page.Locator("#error-explanation")).ToContainTextAsync("1999-01-01");
            await Expect(page.Locator("main table, main svg")).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task The_ledger_explains_positions_taken_by_rolled_back_writes()
    {
        // A write rolled back after taking its position leaves a gap in the sequence, as the review's concurrent submits did.
        await using (var db = new Npgsql.NpgsqlConnection(app.Connection))
        {
            await db.OpenAsync();
            await using var take = new Npgsql.NpgsqlCommand($"select nextval('\"{app.Schema}\".mt_events_sequence')", db);
            await take.ExecuteScalarAsync();
        }

        await CommitmentAsync("2026-07-01");
        var page = await app.SignInAsync("Aldo Auditor", "auditor");
        await Poll.UntilAsync("the ledger to seal past the gap", TimeSpan.FromSeconds(90), async () =>
        {
            await page.GotoAsync("/ledger");
            return await page.Locator("#skipped-positions").CountAsync() == 1;
        });
        var verdict = await page.Locator("#verdict").InnerTextAsync();
        var note = Regex.Match(await page.Locator("#skipped-positions").InnerTextAsync(), @"The digest's position is (\d+) and (\d+) entries were checked: (\d+) positions were taken by writes that were rolled back");
        Assert.True(note.Success);
        var (position, checkedEntries, skipped) = (long.Parse(note.Groups[1].Value), long.Parse(note.Groups[2].Value), long.Parse(note.Groups[3].Value));
        Assert.Equal(position - checkedEntries, skipped);
        Assert.True(skipped >= 1);
        Assert.Contains($"Intact: {checkedEntries} entries checked", verdict);
    }
}
