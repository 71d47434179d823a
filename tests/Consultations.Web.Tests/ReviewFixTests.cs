using System.Text.RegularExpressions;

namespace Consultations.Web.Tests;

/// <summary>What an outside review of the pages found, each fixed and kept fixed.</summary>
[Collection(WebCollection.Second)]
public sealed class ReviewFixTests(WebApp app)
{
    private const string Rome = "rome-summit-2026-06-15";
    private const string Commitment = "jpit-01-mutual-access";

    [Fact]
    public async Task A_page_naming_a_record_not_on_record_answers_a_page_that_names_it_while_the_api_keeps_problem_details()
    {
        var page = await app.SignInAsync("Rita Reader", "reporter");
        var answer = await page.GotoAsync("/commitments/no-such-commitment");
        Assert.Equal(404, answer!.Status);
        Assert.StartsWith("text/html", answer.Headers["content-type"]);
        await Expect(page.Locator("#error-heading")).ToHaveTextAsync("Not found");
        await Expect(page.Locator("#error-explanation")).ToContainTextAsync("No commitment 'no-such-commitment' is on record");
        await Expect(page.Locator("nav")).ToContainTextAsync("Dashboard");
        await WebApp.CheckAsync(page, "not-found");

        answer = await page.GotoAsync("/meetings/no-such-meeting/outcome");
        Assert.Equal(403, answer!.Status);
        Assert.StartsWith("text/html", answer.Headers["content-type"]);
        await Expect(page.Locator("#error-heading")).ToHaveTextAsync("Not allowed");

        answer = await page.GotoAsync("/no/such/page");
        Assert.Equal(404, answer!.Status);
        await Expect(page.Locator("#error-heading")).ToHaveTextAsync("Not found");

        await page.GetByLabel("Language").SelectOptionAsync("it");
        await page.Locator("form.language button").ClickAsync();
        answer = await page.GotoAsync("/meetings/no-such-meeting");
        Assert.Equal(404, answer!.Status);
        await Expect(page.Locator("#error-heading")).ToHaveTextAsync("Non trovato");
        await Expect(page.Locator("#error-explanation")).ToHaveTextAsync("Nessun record di tipo riunione con id 'no-such-meeting'.");

        var api = await app.Host.Client.GetAsync("api/meetings/no-such-meeting");
        Assert.Equal(404, (int)api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_auditors_page_for_a_record_not_yet_in_effect_names_the_day()
    {
        var page = await app.SignInAsync("Aldo Auditor", "auditor");
        var answer = await page.GotoAsync($"/commitments/no-such-commitment?effectiveOn=2026-06-01");
        Assert.Equal(404, answer!.Status);
        await Expect(page.Locator("#error-explanation")).ToContainTextAsync("2026-06-01");
    }

    [Fact]
    public async Task A_dialogue_not_on_record_is_a_404_page_naming_it_not_the_default_dialogue()
    {
        var page = await app.SignInAsync("Rita Reader", "reporter");
        var answer = await page.GotoAsync("/?dialogue=nope");
        Assert.Equal(404, answer!.Status);
        await Expect(page.Locator("#error-explanation")).ToContainTextAsync("No dialogue 'nope' is on record");
        await Expect(page.Locator("table.fields")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("/timeline?bogus=1", "bogus")]
    [InlineData("/?dialog=jp-it", "dialog")]
    [InlineData($"/meetings/{Rome}?effectiveon=2026-06-01&effectiveOn=2026-06-02", "effectiveOn")]
    public async Task A_query_parameter_a_page_does_not_read_is_a_400_page_naming_it(string url, string parameter)
    {
        var page = await app.SignInAsync("Aldo Auditor", "auditor");
        var answer = await page.GotoAsync(url);
        Assert.Equal(400, answer!.Status);
        await Expect(page.Locator("#error-explanation")).ToContainTextAsync(parameter, new() { IgnoreCase = true });
    }

    [Fact]
    public async Task A_business_rule_refusal_shows_next_to_its_field_with_the_input_kept()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/commitments/{Commitment}/status");
        await page.GetByLabel("New status").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var chosen = await page.GetByLabel("New status").InputValueAsync();
        await page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2099-01-01");
        await page.GetByLabel("Reason").FillAsync("Typed by the clerk");
        await page.RecordAsync();

        await Expect(page.Locator("#effectiveOn-error")).ToContainTextAsync("after today");
        await Expect(page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)")).ToHaveValueAsync("2099-01-01");
        await Expect(page.GetByLabel("Reason")).ToHaveValueAsync("Typed by the clerk");
        await Expect(page.GetByLabel("New status")).ToHaveValueAsync(chosen);
        await WebApp.CheckAsync(page, "commitment-status-rule-refused");
    }

    [Fact]
    public async Task One_search_result_is_one_result()
    {
        var page = await app.SignInAsync("Rita Reader", "reporter");
        string? word = null;
        foreach (var candidate in new[] { "Concurred", "Celebrations", "Redefined", "Facilitating", "Recognizing", "Bilateral", "Peaceful", "Enhancing", "LiteBIRD", "Expressed", "Supporting" })
        {
            await page.GotoAsync($"/search?q={candidate}");
            if (await page.Locator("ol.results > li").CountAsync() == 1)
            {
                word = candidate;
                break;
            }
        }

        Assert.NotNull(word);
        await Expect(page.Locator("#result-count")).ToHaveTextAsync($"1 result for “{word}”");
        await page.GetByLabel("Language").SelectOptionAsync("it");
        await page.Locator("form.language button").ClickAsync();
        await Expect(page.Locator("#result-count")).ToHaveTextAsync($"1 risultato per “{word}”");
        await page.GetByLabel("Lingua").SelectOptionAsync("ja");
        await page.Locator("form.language button").ClickAsync();
        await Expect(page.Locator("#result-count")).ToHaveTextAsync($"「{word}」の検索結果 1 件");
    }

    [Fact]
    public async Task The_history_shows_only_values_that_changed()
    {
        var page = await app.SignInAsync("Rita Reader", "reporter");
        foreach (var url in new[] { "/meetings/tokyo-summit-2026-01-16", $"/meetings/{Rome}", $"/commitments/{Commitment}", "/fields/JPIT-01" })
        {
            await page.GotoAsync(url);
            var lines = page.Locator(".history td div:has(.change-old)");
            for (var i = 0; i < await lines.CountAsync(); i++)
            {
                var was = await lines.Nth(i).Locator(".change-old").InnerTextAsync();
                var now = await lines.Nth(i).Locator(".change-new").InnerTextAsync();
                Assert.True(was != now, $"{url}: '{await lines.Nth(i).InnerTextAsync()}' did not change");
            }
        }
    }

    [Fact]
    public async Task An_entry_that_cannot_be_voided_offers_no_void_button_but_says_why()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/commitments/{Commitment}");
        var first = page.Locator(".history tbody tr").First;
        await Expect(first.GetByRole(AriaRole.Link, new() { Name = "Void" })).ToHaveCountAsync(0);
        await Expect(first.Locator(".no-void")).ToContainTextAsync("cannot be voided");
    }

    [Fact]
    public async Task A_stale_void_links_to_the_record_page()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/meetings/{Rome}/outcome");
        await page.GetByLabel("Summary").FillAsync("An outcome to be voided " + Unique);
        await page.ReplaceOutcomeAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/meetings/{Rome}");
        await page.Locator(".history tbody tr").Last.GetByRole(AriaRole.Link, new() { Name = "Void" }).ClickAsync();
        await page.GetByLabel("Why it was recorded in error").FillAsync("Recorded twice.");

        var other = await app.Host.Client.PostAsJsonAsync($"api/meetings/{Rome}/outcome",
            new { summary = "Recorded meanwhile by a colleague " + Unique, decisions = Array.Empty<string>(), fieldCodes = Array.Empty<string>(), reason = "Revised by a colleague." });
        Assert.True(other.IsSuccessStatusCode, await other.Content.ReadAsStringAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Void" }).ClickAsync();

        await Expect(page.Locator("#stale")).ToBeVisibleAsync();
        await Expect(page.Locator("#stale a")).ToHaveAttributeAsync("href", $"/meetings/{Rome}");
    }

    [Fact]
    public async Task What_changed_since_a_day_lists_each_change_with_its_dates_and_none_before_the_day()
    {
        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync("/");
        await page.Locator("#since").FillAsync("2026-06-01");
        await page.Locator("section[aria-labelledby=changes-heading] button").ClickAsync();

        var rows = page.Locator("#changes tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        await Expect(page.Locator("#changes")).ToContainTextAsync("Japan–Italy summit, Rome");
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var effective = await rows.Nth(i).Locator(".change-effective").InnerTextAsync();
            if (effective == "—")
            {
                // A void or a correction has no day of its own: it stands on the day of the entry it fixes, and says so.
                var fixes = await rows.Nth(i).Locator(".fixes").InnerTextAsync();
                Assert.Matches(new Regex(@"^· (voids|corrects) .+ · \d{4}(-\d{2}(-\d{2})?)?$"), fixes.Trim());
                effective = fixes.Trim()[(fixes.Trim().LastIndexOf("· ", StringComparison.Ordinal) + 2)..];
            }
            Assert.Matches(new Regex(@"^\d{4}(-\d{2}(-\d{2})?)?"), effective);
            Assert.True(string.CompareOrdinal(effective.PadRight(10, '9'), "2026-06-01") >= 0, $"{effective} is before 2026-06-01");
            Assert.Matches(new Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$"), await rows.Nth(i).Locator(".change-recorded").InnerTextAsync());
        }

        await WebApp.CheckAsync(page, "dashboard-changes-since");
    }

    private static readonly string[] EnglishLabels =
    [
        "Dashboard", "Timeline", "Reports", "Search", "Language", "Sign out", "History", "Entry", "In effect", "Recorded", "What changed",
        "Reason", "Status", "Place", "Dates", "Parties", "Delegations", "Outcome", "Title", "Text", "Summary", "Evidence", "Fields",
        "Clauses", "Signatories", "Items", "Milestones", "Effective on", "Adopted on", "Drafted on", "Source", "Commitments", "Health",
        "Open", "Fulfilled", "Total", "Field", "Party", "Version", "Kind", "Preamble", "Heading", "Number", "Progress", "Made on",
        "Status since", "Subject", "Meetings", "Latest", "Next", "Show", "Since", "Cooperation fields", "Per party", "Audit trail", "Ledger",
        "Record", "From", "To", "Change", "Replay", "Auditor mode", "Recorded at (UTC)", "In effect on",
    ];

    [Theory]
    [InlineData("it")]
    [InlineData("ja")]
    public async Task In_italian_and_japanese_no_english_label_is_left_on_the_main_pages(string culture)
    {
        var page = await app.SignInAsync("Ada All-roles", "secretariat", "auditor", "reporter");
        await page.GetByLabel("Language").SelectOptionAsync(culture);
        await page.Locator("form.language button").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        var left = new List<string>();
        foreach (var path in new[]
                 {
                     "/", "/timeline", "/fields/JPIT-01", $"/meetings/{Rome}", $"/commitments/{Commitment}", "/statements/jp-it-joint-statement-space-2026-06-15",
                     "/action-plans/action-plan-2024-2027", "/documents/japan-italy-joint-statement-2026-06-15", "/reports", "/audit?record=" + Commitment,
                     "/ledger", "/search?q=satellite",
                 })
        {
            await page.GotoAsync(path);
            // The page's own words: headings, table and list labels, form labels and buttons, the menu (record content is in td, dd, h1, p).
            var labels = await page.Locator("th[scope=col], dt, h2, label, legend, button, nav a, .subtle, caption").AllInnerTextsAsync();
            left.AddRange(labels.Select(l => l.Trim().TrimEnd(':')).Where(l => EnglishLabels.Contains(l, StringComparer.Ordinal)).Select(l => $"{path}: {l}"));
            await WebApp.CheckAsync(page, $"{path.Trim('/').Split('?')[0].Replace('/', '-')}-{culture}".TrimStart('-'));
        }

        // History lines (labels and controlled values: "Clause: 1", "Status: agreed → fulfilled", "Party progress (Japan)") and the
        // timeline's own words ("Milestone", "adopted", "Commitment made: …", "Period …") are the page's; record content stays as recorded.
        var id = "words-" + culture + "-" + Unique;
        var made = await app.Host.Client.PostAsJsonAsync("api/commitments", JsonNode.Parse(
            $$"""{"commitmentId":"{{id}}","dialogueId":"japan-italy-space","fieldCode":"JPIT-06","text":"Words check {{id}}","parties":["Japan","Italy"],"agencies":[],"programmes":[],"source":{"kind":"meeting","id":"{{Rome}}"},"status":"agreed","effectiveOn":"2026-06-15"}""")!);
        Assert.True(made.IsSuccessStatusCode, await made.Content.ReadAsStringAsync());
        Assert.True((await app.Host.Client.PostAsJsonAsync($"api/commitments/{id}/status", new { to = "in-progress", effectiveOn = "2026-07-01", reason = "Started." })).IsSuccessStatusCode);
        Assert.True((await app.Host.Client.PostAsJsonAsync($"api/commitments/{id}/party-progress", new { party = "Japan", progress = "in-progress", effectiveOn = "2026-07-02", reason = "Begun." })).IsSuccessStatusCode);
        string[] englishWords = ["agreed", "in-progress", "fulfilled", "proposed", "Clause", "Party progress", "Status", "Field", "Parties", "Statement", "Meeting", "Text", "Made text"];
        foreach (var path in new[] { $"/commitments/{Commitment}", $"/commitments/{id}", $"/audit?record={id}" })
        {
            await page.GotoAsync(path);
            foreach (var line in await page.Locator(".changes .change").AllInnerTextsAsync())
            {
                var label = line.Split(':')[0].Trim();
                var words = line.Split([':', '→', '(', ')', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                // Labels by name; values only the controlled words (a title may well contain "Statement").
                left.AddRange(englishWords.Where(w => label == w || label.StartsWith(w + " (", StringComparison.Ordinal) || w.All(char.IsLower) && words.Contains(w))
                    .Select(w => $"{path} history: {line}"));
            }

            left.AddRange((await page.Locator("dl.record > dt").AllInnerTextsAsync()).Where(l => englishWords.Contains(l.Trim())).Select(l => $"{path}: {l}"));
        }

        await page.GotoAsync("/timeline");
        var timeline = await page.Locator(".timeline-list .kind, .timeline-list .status, .timeline-list a, .timeline-list .summary, svg text").AllTextContentsAsync();
        string[] timelineWords = ["Milestone", "Meeting", "Statement", "adopted", "stated", "held", "possible", "Commitment made", "Period", "adoption date not on record", "paraphrase"];
        left.AddRange(timeline.Where(t => timelineWords.Any(w => t.Trim().TrimStart('·').Trim() == w || t.Contains(w + ":", StringComparison.Ordinal)
            || t.StartsWith(w + " ", StringComparison.Ordinal) || t.Contains("(" + w + ")", StringComparison.Ordinal) || t.Contains(w + ".", StringComparison.Ordinal)))
            .Select(t => $"/timeline: {t}"));
        Assert.True(left.Count == 0, string.Join("; ", left.Distinct()));
    }

    [Theory]
    [InlineData(768)]
    [InlineData(1280)]
    public async Task The_timelines_labels_are_whole_and_legible_on_a_tablet_and_a_laptop_and_each_bar_is_a_link(int width)
    {
        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync("/timeline");
        var svg = await page.Locator("figure.timeline svg").BoundingBoxAsync();
        var labels = page.Locator("figure.timeline svg .bar-label");
        Assert.True(await labels.CountAsync() > 5);
        for (var i = 0; i < await labels.CountAsync(); i++)
        {
            var box = await labels.Nth(i).BoundingBoxAsync();
            var text = await labels.Nth(i).TextContentAsync();
            // Drawn at its own size (never scaled down below 12 px on screen), and wholly inside the drawing.
            Assert.True(box!.Height >= 12, $"{width}px: '{text}' is {box.Height:0.#} px high");
            Assert.True(box.X >= svg!.X - 0.5 && box.X + box.Width <= svg.X + svg.Width + 0.5, $"{width}px: '{text}' is cut off");
        }

        var boxes = new List<LocatorBoundingBoxResult>();
        for (var i = 0; i < await labels.CountAsync(); i++) boxes.Add((await labels.Nth(i).BoundingBoxAsync())!);
        for (var i = 1; i < boxes.Count; i++) Assert.True(boxes[i].Y >= boxes[i - 1].Y + boxes[i - 1].Height, $"{width}px: labels {i - 1} and {i} overlap");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebApp.Screenshots, $"timeline-{width}.png"), FullPage = true });
        await page.Locator("svg a").Filter(new() { HasText = "Japan–Italy summit, Rome" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/meetings/{Rome}");
    }
}
