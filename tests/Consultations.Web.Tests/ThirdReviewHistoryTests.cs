using System.Globalization;

namespace Consultations.Web.Tests;

/// <summary>The third outside review's confusing findings on histories and the audit trail (issue 11: 1, 11).</summary>
[Collection(WebCollection.Second)]
public sealed class ThirdReviewHistoryTests(WebApp app)
{
    [Fact]
    public async Task A_voided_reschedule_never_held_the_lines_after_it_and_its_void_read_the_values_that_stand()
    {
        var id = await RescheduledThriceAsync();
        var second = await EntryAsync(id, 2);
        await app.PostOkAsync("api/voids", new { eventId = second, reason = "Back-dated by mistake." });

        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync($"/meetings/{id}");
        // #3 moved the dates from the scheduled ones (#2 never held), not from #2's.
        var third = page.Locator(".history tbody tr").Nth(2);
        await Expect(third.Locator(".change-old")).ToHaveTextAsync(Day(30));
        await Expect(third.Locator(".change-new")).ToHaveTextAsync(Day(50));
        // The void takes #2's dates back to the ones that stand now: #4's, not "—".
        var voiding = page.Locator(".history tbody tr").Nth(4);
        await Expect(voiding).ToContainTextAsync("Entry voided");
        await Expect(voiding.Locator(".change-old")).ToHaveTextAsync(Day(40));
        await Expect(voiding.Locator(".change-new")).ToHaveTextAsync(Day(60));
    }

    [Fact]
    public async Task The_audit_trail_for_a_period_names_the_entry_a_void_fixes_by_its_trail_number_and_its_record_by_title()
    {
        var id = await RescheduledThriceAsync();
        var since = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        await app.PostOkAsync("api/voids", new { eventId = await EntryAsync(id, 2), reason = "Back-dated by mistake." });

        var page = await app.SignInAsync("Aldo Auditor", "auditor");
        await page.GotoAsync($"/audit?record={id}");
        var number = (await page.Locator("#audit-trail tbody tr").Nth(1).GetAttributeAsync("id"))!["audit-".Length..];

        await page.GotoAsync("/audit?from=" + Uri.EscapeDataString(since));
        var row = page.Locator("#audit-trail tbody tr").Filter(new() { HasText = "Rescheduled thrice " + id });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td").Nth(1).GetByRole(AriaRole.Link, new() { Name = "Rescheduled thrice " + id })).ToBeVisibleAsync();
        var fixes = row.Locator(".fixes a");
        await Expect(fixes).ToHaveTextAsync("#" + number);
        await Expect(fixes).ToHaveAttributeAsync("href", $"/audit?record={id}#audit-{number}");
        await WebApp.CheckAsync(page, "audit-period-void");
    }

    [Fact]
    public async Task In_a_replay_a_record_not_yet_on_record_is_named_with_when_it_is_and_not_linked_to_a_404()
    {
        var page = await app.SignInAsync("Aldo Auditor", "auditor");
        await page.GotoAsync("/meetings/space-consultations-1-tokyo?effectiveOn=2026-06-01");
        await Expect(page.Locator("main")).ToContainTextAsync("(on record from 2026-06-15)");
        Assert.Equal(0, await page.Locator("main a[href*='/documents/japan-italy-joint-statement-2026-06-15']").CountAsync());

        // Every record link left on the page opens in the same replay.
        var links = await page.Locator("main a[href^='/meetings/'], main a[href^='/documents/'], main a[href^='/statements/'], main a[href^='/fields/']")
            .EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        foreach (var href in links.Where(h => !h.Contains("/entries/", StringComparison.Ordinal)))
            Assert.True((await page.Context.APIRequest.GetAsync(href)).Ok, href);
    }

    private async Task<string> RescheduledThriceAsync()
    {
        var id = "rescheduled-thrice-" + Unique;
        await app.PostOkAsync("api/meetings", new
        {
            meetingId = id, dialogueId = "japan-italy-space", kind = "consultation", title = "Rescheduled thrice " + id, place = "Rome",
            plannedDates = new { from = Day(30) }, parties = new[] { "Japan", "Italy" }, delegations = Array.Empty<object>(), effectiveOn = Day(-40),
        });
        await app.PostOkAsync($"api/meetings/{id}/reschedule", new { place = "Rome", plannedDates = new { from = Day(40) }, effectiveOn = Day(-30), reason = "Second." });
        await app.PostOkAsync($"api/meetings/{id}/reschedule", new { place = "Rome", plannedDates = new { from = Day(50) }, effectiveOn = Day(-20), reason = "Third." });
        await app.PostOkAsync($"api/meetings/{id}/reschedule", new { place = "Milan", plannedDates = new { from = Day(60) }, effectiveOn = Day(-10), reason = "Fourth." });
        return id;
    }

    private async Task<string> EntryAsync(string meeting, int version) =>
        (await app.Host.GetJsonAsync($"api/meetings/{meeting}"))["history"]!.AsArray()
            .Single(h => h!["version"]!.GetValue<long>() == version)!["eventId"]!.GetValue<string>();
}
