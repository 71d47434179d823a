using System.Globalization;
using System.Text.Json.Nodes;

namespace Consultations.Web.Tests;

/// <summary>The third outside review's confusing findings on forms and replays (issue 11: 3, 4, 10, 14, 16, 25).</summary>
[Collection(WebCollection.Second)]
public sealed class ThirdReviewConfusingTests(WebApp app)
{
    private const string Tokyo = "tokyo-summit-2026-01-16";
    private const string Statement = "jp-it-joint-statement-space-2026-06-15";

    [Theory]
    [InlineData("cancel", "A meeting that was held cannot be cancelled.")]
    [InlineData("reschedule", "cannot be rescheduled")]
    [InlineData("held", "was already recorded as held")]
    public async Task A_form_for_a_move_the_record_refuses_answers_with_the_refusal_not_the_form(string form, string refusal)
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        var answer = await page.GotoAsync($"/meetings/{Tokyo}/{form}");
        Assert.Equal(409, answer!.Status);
        await Expect(page.Locator("#refusal")).ToContainTextAsync(refusal);
        Assert.Equal(0, await page.Locator("main form").CountAsync());
        await Expect(page.Locator("#back-to-record")).ToHaveAttributeAsync("href", $"/meetings/{Tokyo}");
        await WebApp.CheckAsync(page, "form-refused-" + form);
    }

    [Fact]
    public async Task Correcting_an_entry_that_takes_no_corrections_says_to_void_it_and_record_it_again()
    {
        var adoption = await EntryAsync($"api/statements/{Statement}", "joint-statement-adopted");
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        var answer = await page.GotoAsync($"/entries/{adoption}/correct");
        Assert.Equal(422, answer!.Status);
        await Expect(page.Locator("#refusal")).ToContainTextAsync("has no value to correct; void it and record it again");
        await Expect(page.Locator("#back-to-record")).ToHaveAttributeAsync("href", $"/statements/{Statement}");
    }

    [Fact]
    public async Task An_entry_other_records_depend_on_offers_no_void_and_its_void_form_names_them_by_title()
    {
        var adoption = await EntryAsync($"api/statements/{Statement}", "joint-statement-adopted");
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/statements/{Statement}");
        var line = page.Locator($"#entry-{adoption}");
        await Expect(line).ToContainTextAsync("Other records depend on it");
        Assert.Equal(0, await line.GetByRole(AriaRole.Link, new() { Name = "Void" }).CountAsync());
        Assert.True(await line.Locator(".held-by a[href^='/commitments/']").CountAsync() > 0);

        var answer = await page.GotoAsync($"/entries/{adoption}/void?returnUrl=/statements/{Statement}");
        Assert.Equal(409, answer!.Status);
        await Expect(page.Locator("#refusal")).ToContainTextAsync("Other records depend on it");
        var named = page.Locator("#refusal-records a[href='/commitments/jpit-01-commercial-cooperation']");
        await Expect(named).ToBeVisibleAsync();
        // Named by the commitment's words, not its id; no event ids on the page.
        Assert.NotEqual("jpit-01-commercial-cooperation", (await named.InnerTextAsync()).Trim());
        Assert.DoesNotContain(adoption, await page.Locator("main").InnerTextAsync());
        await WebApp.CheckAsync(page, "void-refused-dependents");
    }

    [Fact]
    public async Task A_void_form_opened_with_a_foreign_return_address_goes_back_to_the_entrys_record_named_by_title()
    {
        var id = "void-return-" + Unique;
        await app.PostOkAsync("api/meetings", new
        {
            meetingId = id, dialogueId = "japan-italy-space", kind = "working-group", title = "Void return " + id, place = "Osaka",
            plannedDates = new { from = Day(20) }, parties = new[] { "Japan", "Italy" }, delegations = Array.Empty<object>(), effectiveOn = Day(-10),
        });
        await app.PostOkAsync($"api/meetings/{id}/reschedule", new { place = "Kyoto", plannedDates = new { from = Day(21) }, effectiveOn = Day(-5), reason = "Moved." });
        var reschedule = await EntryAsync($"api/meetings/{id}", "meeting-rescheduled");

        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/entries/{reschedule}/void?returnUrl=https://evil.example/x");
        await Expect(page.Locator("main form [name=ReturnUrl]")).ToHaveValueAsync("");
        await Expect(page.Locator("#entry-record")).ToHaveTextAsync("Void return " + id);
        await Expect(page.Locator("#entry-record")).ToHaveAttributeAsync("href", $"/meetings/{id}");
        await page.GetByLabel("Why it was recorded in error").FillAsync("Recorded on the wrong meeting.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Void" }).ClickAsync();
        await page.WaitForURLAsync($"{app.BaseUrl}/meetings/{id}");
    }

    [Fact]
    public async Task A_replay_instant_is_shown_in_utc_and_one_given_without_an_offset_says_it_was_read_as_utc()
    {
        var page = await app.SignInAsync("Aldo Auditor", "auditor");
        var at = DateTime.UtcNow.AddMinutes(-5);
        var bare = at.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        await page.GotoAsync("/?recordedAt=" + bare);
        await Expect(page.Locator("#replay-recorded-at")).ToContainTextAsync(bare + "Z");
        await Expect(page.Locator("#replay-recorded-at")).ToContainTextAsync("read as UTC");

        var tokyo = new DateTimeOffset(at, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        await page.GotoAsync("/?recordedAt=" + Uri.EscapeDataString(tokyo));
        await Expect(page.Locator("#replay-recorded-at")).ToContainTextAsync(bare + "Z");
        await Expect(page.Locator("#replay-recorded-at")).Not.ToContainTextAsync("read as UTC");
        await Expect(page.Locator("#replay-recorded-at")).Not.ToContainTextAsync("+09:00");
    }

    [Fact]
    public async Task A_form_submitted_again_with_other_values_says_the_first_is_on_record_and_the_change_is_not()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync("/meetings/new");
        var title = "Resubmitted WG " + Unique;
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Place").FillAsync("Osaka");
        var form = page.Locator("main form");
        await form.Locator("[name=effectiveOnDate]").FillAsync(Day(-3));
        var fields = await form.EvaluateAsync<string[][]>("f => [...new FormData(f)].map(([k, v]) => [k, String(v)])");

        var first = await PostAsync(page, fields, ("Place", "Osaka"));
        Assert.Equal(302, first.Status);
        var again = await PostAsync(page, fields, ("Place", "Nagoya"));
        Assert.Equal(409, again.Status);
        Assert.Contains("already submitted", await again.TextAsync(), StringComparison.Ordinal);
        // The same values again are the first submit again, answered alike.
        var same = await PostAsync(page, fields, ("Place", "Osaka"));
        Assert.Equal((302, first.Headers["location"]), (same.Status, same.Headers["location"]));
        var meeting = await app.Host.GetJsonAsync("api" + first.Headers["location"]);
        Assert.Equal("Osaka", meeting["place"]!.GetValue<string>());
    }

    private static async Task<IAPIResponse> PostAsync(IPage page, string[][] fields, (string Name, string Value) changed)
    {
        var data = page.Context.APIRequest.CreateFormData();
        foreach (var pair in fields) data.Append(pair[0], pair[0] == changed.Name ? changed.Value : pair[1]);
        return await page.Context.APIRequest.PostAsync("/meetings/new", new() { Form = data, MaxRedirects = 0 });
    }

    private async Task<string> EntryAsync(string url, string kind) =>
        (await app.Host.GetJsonAsync(url))["history"]!.AsArray().Last(h => h!["kind"]!.GetValue<string>() == kind)!["eventId"]!.GetValue<string>();
}
