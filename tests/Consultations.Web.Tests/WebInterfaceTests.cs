namespace Consultations.Web.Tests;

/// <summary>The web interface as its three kinds of user use it, in headless Chromium against the real service.</summary>
[Collection("web")]
public sealed class WebInterfaceTests(WebApp app)
{
    private const string Rome = "rome-summit-2026-06-15";
    private const string Commitment = "jpit-01-mutual-access";

    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                               + "form-action 'self'; base-uri 'self'";

    [Fact]
    public async Task Each_role_signs_in_locally_and_sees_what_it_may_do()
    {
        var reader = await app.SignInAsync("Rita Reader", "reporter");
        await Expect(reader.Locator("h1")).ToContainTextAsync("Japan–Italy space cooperation");
        await Expect(reader.Locator(".auditor-bar")).ToHaveCountAsync(0);
        await reader.GotoAsync($"/meetings/{Rome}");
        await Expect(reader.GetByRole(AriaRole.Link, new() { Name = "Revise the outcome" })).ToHaveCountAsync(0);

        var auditor = await app.SignInAsync("Aldo Auditor", "auditor");
        await Expect(auditor.Locator(".auditor-bar")).ToBeVisibleAsync();

        var clerk = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await clerk.GotoAsync($"/meetings/{Rome}");
        await Expect(clerk.GetByRole(AriaRole.Link, new() { Name = "Revise the outcome" })).ToBeVisibleAsync();
        await Expect(clerk.Locator(".user")).ToContainTextAsync("Sachiko Secretariat");
    }

    [Fact]
    public async Task A_meeting_outcome_recorded_through_its_form_shows_on_the_dashboard_the_field_page_and_the_timeline()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/meetings/{Rome}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Revise the outcome" }).ClickAsync();
        var summary = "The leaders agreed a joint lunar science workshop " + Unique + ".";
        await page.GetByLabel("Summary").FillAsync(summary);
        await page.GetByLabel("Decisions (one a line)").FillAsync("Hold a joint lunar science workshop.");
        await page.Locator("#field-JPIT-03").CheckAsync();
        await page.ReplaceOutcomeAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/meetings/{Rome}");
        await Expect(page.Locator("#meeting-outcome")).ToHaveTextAsync(summary);
        await Expect(page.Locator(".history")).ToContainTextAsync("Sachiko Secretariat");

        await app.CaughtUpAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("#latest-meeting")).ToContainTextAsync(summary);
        await page.GotoAsync("/fields/JPIT-03");
        await Expect(page.Locator("main")).ToContainTextAsync(summary);
        await page.GotoAsync("/timeline");
        await Expect(page.Locator(".timeline-list")).ToContainTextAsync(summary);
        await page.Locator("svg a").Filter(new() { HasText = "Japan–Italy summit, Rome" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/meetings/{Rome}");
    }

    [Fact]
    public async Task Changing_only_the_decisions_of_an_outcome_keeps_its_evidence()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/meetings/{Rome}/outcome");
        var evidence = page.Locator("input[name=Evidence]").First;
        var doc = await evidence.GetAttributeAsync("value");
        await evidence.CheckAsync();
        await page.GetByLabel("Summary").FillAsync("Outcome known from a registered document.");
        await page.ReplaceOutcomeAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/meetings/{Rome}");

        await page.GotoAsync($"/meetings/{Rome}/outcome");
        await Expect(page.Locator($"#doc-{doc}")).ToBeCheckedAsync();
        await page.GetByLabel("Decisions (one a line)").FillAsync("Only the decisions changed.");
        await page.ReplaceOutcomeAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/meetings/{Rome}");

        var meeting = await app.Host.Client.GetStringAsync($"api/meetings/{Rome}");
        Assert.Contains(doc!, meeting);
    }

    [Fact]
    public async Task A_refused_outcome_shows_the_error_next_to_its_field_and_keeps_the_input()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/meetings/{Rome}/outcome");
        await page.GetByLabel("Summary").FillAsync("");
        await page.GetByLabel("Decisions (one a line)").FillAsync("A decision the clerk typed.");
        await page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy; empty: the meeting's last day)").FillAsync("2026-06-15");
        await page.ReplaceOutcomeAsync();

        await Expect(page.Locator("#summary-error")).Not.ToBeEmptyAsync();
        await Expect(page.GetByLabel("Decisions (one a line)")).ToHaveValueAsync("A decision the clerk typed.");
        await Expect(page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy; empty: the meeting's last day)")).ToHaveValueAsync("2026-06-15");
        await WebApp.CheckAsync(page, "meeting-outcome-form-with-error");
    }

    [Fact]
    public async Task A_stale_edit_is_explained_with_the_input_kept_and_a_double_submit_records_once()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync("/meetings/tokyo-summit-2026-01-16/outcome");
        await page.GetByLabel("Summary").FillAsync("What the clerk typed while someone else recorded.");

        // Someone else records on the same meeting first, through the API.
        var other = await app.Host.Client.PostAsJsonAsync("api/meetings/tokyo-summit-2026-01-16/outcome",
            new { summary = "Recorded first by a colleague " + Unique, decisions = Array.Empty<string>(), fieldCodes = Array.Empty<string>(), reason = "Revised by a colleague." });
        Assert.True(other.IsSuccessStatusCode, await other.Content.ReadAsStringAsync());

        await page.ReplaceOutcomeAsync();
        await Expect(page.Locator("#stale")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Summary")).ToHaveValueAsync("What the clerk typed while someone else recorded.");

        // Submitted again knowingly, the same form twice: recorded once.
        var form = page.Locator("main form");
        var fields = new Dictionary<string, string>();
        foreach (var name in new[] { "__RequestVerificationToken", "FormToken", "Version", "Summary", "Reason" })
            fields[name] = await form.Locator($"[name={name}]").InputValueAsync();
        var before = await EntriesAsync("tokyo-summit-2026-01-16");
        for (var i = 0; i < 2; i++)
        {
            var data = page.Context.APIRequest.CreateFormData();
            foreach (var (k, v) in fields) data.Set(k, v);
            var answer = await page.Context.APIRequest.PostAsync("/meetings/tokyo-summit-2026-01-16/outcome", new() { Form = data, MaxRedirects = 0 });
            Assert.Equal(302, answer.Status);
        }

        Assert.Equal(before + 1, await EntriesAsync("tokyo-summit-2026-01-16"));
    }

    [Fact]
    public async Task Voiding_a_mistaken_status_change_from_the_history_brings_the_counts_back()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        var withdrawn = page.Locator("#status-counts [data-status=withdrawn]");
        await app.CaughtUpAsync();
        await page.GotoAsync("/");
        var before = int.Parse(await withdrawn.InnerTextAsync());

        // The mistake, made through the status form: a status picked from the lifecycle's next steps.
        await page.GotoAsync($"/commitments/{Commitment}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change the status" }).ClickAsync();
        await page.GetByLabel("New status").SelectOptionAsync(new SelectOptionValue { Label = "Withdrawn" });
        await page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-07-01");
        await page.GetByLabel("Reason").FillAsync("Typed in the wrong commitment");
        await WebApp.CheckAsync(page, "commitment-status-form");
        await page.RecordAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/commitments/{Commitment}");
        await app.CaughtUpAsync();
        await page.GotoAsync("/");
        await Expect(withdrawn).ToHaveTextAsync((before + 1).ToString());

        await page.GotoAsync($"/commitments/{Commitment}");
        await page.Locator(".history tr").Filter(new() { HasText = "Typed in the wrong commitment" }).GetByRole(AriaRole.Link, new() { Name = "Void" }).ClickAsync();
        await Expect(page.Locator("#void-entry")).ToContainTextAsync("Commitment status changed");
        await WebApp.CheckAsync(page, "void-entry-form");
        await page.GetByLabel("Why it was recorded in error").FillAsync("The status change was meant for another commitment.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Void" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/commitments/{Commitment}");
        await Expect(page.Locator(".history .voided")).ToHaveCountAsync(1);

        await app.CaughtUpAsync();
        await page.GotoAsync("/");
        await Expect(withdrawn).ToHaveTextAsync(before.ToString());
    }

    [Fact]
    public async Task Correcting_a_meeting_place_from_its_history_line_shows_the_new_place_and_a_missing_reason_next_to_its_field()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/meetings/{Rome}");
        await page.Locator(".history tr").Filter(new() { HasText = "Meeting held" }).First.GetByRole(AriaRole.Link, new() { Name = "Correct" }).ClickAsync();
        var place = "Rome, Villa Madama " + Unique;
        await page.GetByLabel("Place").FillAsync(place);
        await page.GetByRole(AriaRole.Button, new() { Name = "Correct" }).ClickAsync();

        await Expect(page.Locator("#reason-error")).Not.ToBeEmptyAsync();
        await Expect(page.GetByLabel("Place")).ToHaveValueAsync(place);
        await WebApp.CheckAsync(page, "correct-entry-form-with-error");

        await page.GetByLabel("Why the value was wrong").FillAsync("The venue moved the week before.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Correct" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/meetings/{Rome}");
        await Expect(page.Locator("dl.record")).ToContainTextAsync(place);
        await Expect(page.Locator(".history")).ToContainTextAsync("The venue moved the week before.");
    }

    [Fact]
    public async Task The_search_box_finds_records_and_links_to_them()
    {
        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GetByLabel("Search the record").FillAsync("lunar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.Locator(".results li").First).ToBeVisibleAsync();
        await WebApp.CheckAsync(page, "search");
        await page.Locator(".results li a").First.ClickAsync();
        await Expect(page.Locator("h1")).Not.ToBeEmptyAsync();
    }

    [Fact]
    public async Task An_auditor_sees_the_record_as_of_1_June_2026_with_Tokyo_but_not_yet_Rome_and_keeps_the_date_while_navigating()
    {
        var page = await app.SignInAsync("Aldo Auditor", "auditor");
        await page.GotoAsync("/timeline");
        await page.GetByLabel("In effect on").FillAsync("2026-06-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();

        await Expect(page.Locator(".replay-banner")).ToContainTextAsync("2026-06-01");
        var list = page.Locator(".timeline-list");
        await Expect(list).ToContainTextAsync("Japan–Italy summit, Tokyo");
        await Expect(list).ToContainTextAsync("First bilateral space consultations");
        await Expect(list).Not.ToContainTextAsync("Japan–Italy summit, Rome");
        await WebApp.CheckAsync(page, "timeline-as-of-2026-06-01");

        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        Assert.Contains("effectiveOn=2026-06-01", page.Url);
        await Expect(page.Locator(".replay-banner")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/timeline?effectiveOn=banana", "effectiveOn")]
    [InlineData("/?effectiveOn=2027-01-01", "effectiveOn")]
    [InlineData("/?recordedAt=2026-06-01", "recordedAt")]
    [InlineData("/meetings/" + Rome + "?effectiveOn=banana", "effectiveOn")]
    public async Task An_unreadable_or_future_as_of_value_is_refused_with_the_reason_and_no_record(string url, string axis)
    {
        var page = await app.SignInAsync("Aldo Auditor", "auditor");
        var answer = await page.GotoAsync(url);

        Assert.Equal(400, answer!.Status);
        await Expect(page.Locator("#axes-error")).ToContainTextAsync(axis);
        await Expect(page.Locator(".replay-banner")).ToHaveCountAsync(0);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Japan–Italy");
    }

    [Fact]
    public async Task The_audit_trail_shows_each_entrys_version_and_kind_in_words()
    {
        var page = await app.SignInAsync("Aldo Auditor", "auditor");
        await page.GotoAsync($"/audit?record={Commitment}");
        var first = page.Locator("main table tbody tr").First;
        await Expect(first).ToContainTextAsync($"{Commitment} v1");
        await Expect(first).ToContainTextAsync("Commitment made");
        await Expect(first).Not.ToContainTextAsync("commitment-made");
        await Expect(page.Locator("main table")).Not.ToContainTextAsync("@e.");
    }

    [Fact]
    public async Task Every_csv_link_on_the_reports_page_downloads()
    {
        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync("/reports");
        var links = page.Locator("main li a");
        Assert.True(await links.CountAsync() > 2);
        foreach (var href in await links.EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))"))
            Assert.True((await page.Context.APIRequest.GetAsync(href)).Ok, href);
    }

    [Fact]
    public async Task A_reader_sees_no_write_buttons_and_a_forged_post_is_refused()
    {
        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync($"/commitments/{Commitment}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Void" })).ToHaveCountAsync(0);
        var form = await page.GotoAsync($"/meetings/{Rome}/outcome");
        Assert.Equal(403, form!.Status);

        var data = page.Context.APIRequest.CreateFormData();
        data.Set("Summary", "A reader trying to write");
        var forged = await page.Context.APIRequest.PostAsync($"/meetings/{Rome}/outcome", new() { Form = data, MaxRedirects = 0 });
        Assert.Equal(403, forged.Status);
    }

    [Fact]
    public async Task A_signed_out_sessions_copied_cookie_no_longer_signs_anyone_in()
    {
        // A user of its own: the other tests reuse their users' saved sign-ins.
        var page = await app.SignInAsync("Sofia Signout", "secretariat");
        var copied = await page.Context.StorageStateAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));

        var replay = await (await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, StorageState = copied })).NewPageAsync();
        await replay.GotoAsync("/meetings/new");
        await Expect(replay).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
    }

    [Fact]
    public async Task A_clerks_post_without_the_sessions_token_is_forbidden_and_an_oversized_form_is_a_page_not_json()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        var data = page.Context.APIRequest.CreateFormData();
        data.Set("Summary", "Posted from another site");
        var forged = await page.Context.APIRequest.PostAsync($"/meetings/{Rome}/outcome", new() { Form = data, MaxRedirects = 0 });
        Assert.Equal(403, forged.Status);
        Assert.Contains("antiforgery token", await forged.TextAsync());

        await page.GotoAsync($"/commitments/{Commitment}/amend");
        await page.EvaluateAsync("() => { const t = document.querySelector('textarea'); t.removeAttribute('maxlength'); t.value = 'x'.repeat(1100000); }");
        var answer = await page.RunAndWaitForResponseAsync(() => page.Locator("main form button[type=submit]").First.ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.Equal(413, answer.Status);
    }

    [Fact]
    public async Task Every_main_page_passes_axe_and_is_photographed()
    {
        var page = await app.SignInAsync("Ada All-roles", "secretariat", "auditor", "reporter");
        // The pages are served under the service's Content-Security-Policy: nothing inline, nothing from elsewhere.
        await page.Context.RouteAsync("**/*", async route =>
        {
            var response = await route.FetchAsync(new() { MaxRedirects = 0 });
            var headers = new Dictionary<string, string>(response.Headers) { ["content-security-policy"] = Csp };
            await route.FulfillAsync(new() { Response = response, Headers = headers });
        });
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) blocked.Add(message.Text);
        };
        foreach (var (path, name) in new[]
                 {
                     ("/", "dashboard"), ("/timeline", "timeline"), ("/fields/JPIT-01", "field"), ($"/meetings/{Rome}", "meeting"),
                     ($"/meetings/{Rome}/outcome", "meeting-outcome-form"), ($"/commitments/{Commitment}", "commitment"),
                     ("/statements/jp-it-joint-statement-space-2026-06-15", "statement"), ("/action-plans/action-plan-2024-2027", "action-plan"),
                     ("/documents/japan-italy-joint-statement-2026-06-15", "document"), ("/reports", "reports"),
                     ("/audit?from=2026-01-01", "audit-trail"), ("/ledger", "ledger"), ("/search?q=satellite", "search-results"),
                 })
        {
            var answer = await page.GotoAsync(path);
            Assert.True(answer!.Ok, $"{path}: {answer.Status}");
            await WebApp.CheckAsync(page, name);
        }

        Assert.Empty(blocked);
        var anonymous = await (await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl })).NewPageAsync();
        await anonymous.GotoAsync("/");
        await Expect(anonymous).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await Expect(anonymous.Locator(".local-signin")).ToContainTextAsync("local sign-in");
        await WebApp.CheckAsync(anonymous, "sign-in");
    }

    private async Task<int> EntriesAsync(string meetingId)
    {
        var meeting = await app.Host.GetJsonAsync($"api/meetings/{meetingId}");
        return meeting["history"]!.AsArray().Count;
    }
}

[Collection("web")]
public sealed class LanguageTests(WebApp app)
{
    [Theory]
    [InlineData("it", "Cruscotto", "Settori di cooperazione")]
    [InlineData("ja", "ダッシュボード", "協力分野")]
    public async Task A_person_picks_a_language_and_the_record_content_stays_as_recorded(string culture, string dashboard, string fields)
    {
        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GetByLabel("Language").SelectOptionAsync(culture);
        await page.Locator("form.language button").ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        await Expect(page.Locator("nav")).ToContainTextAsync(dashboard);
        await Expect(page.Locator("#fields-heading")).ToHaveTextAsync(fields);
        await Expect(page.Locator("table.fields")).ToContainTextAsync("Government and commercial cooperation");
        await page.GotoAsync("/timeline");
        await Expect(page.Locator("nav")).ToContainTextAsync(dashboard);
        await WebApp.CheckAsync(page, "timeline-" + culture);
    }
}
