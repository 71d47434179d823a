namespace Consultations.Web.Tests;

/// <summary>What the dashboard's follow-up sections show: every milestone due, by name, and voided entries as voided.</summary>
[Collection("web")]
public sealed class DashboardFixTests(WebApp app)
{
    [Fact]
    public async Task Each_milestone_overdue_or_due_soon_is_listed_by_name_and_a_voided_change_is_marked_voided()
    {
        var id = "jpit-01-dashboard-check-" + Unique;
        await app.PostOkAsync("api/commitments", new
        {
            commitmentId = id, dialogueId = "japan-italy-space", fieldCode = "JPIT-01", text = $"Japan and Italy will check the dashboard {id}.",
            parties = new[] { "Japan", "Italy" }, agencies = Array.Empty<string>(), programmes = Array.Empty<string>(),
            source = new { kind = "meeting", id = "rome-summit-2026-06-15" }, status = "agreed", effectiveOn = Day(-30),
        });
        // One milestone overdue and, on the same commitment, one due within the due-soon window.
        await app.PostOkAsync($"api/commitments/{id}/milestones", new { milestoneId = "first-draft", title = "First draft " + id, dueOn = Day(-3), effectiveOn = Day(-30) });
        await app.PostOkAsync($"api/commitments/{id}/milestones", new { milestoneId = "final-text", title = "Final text " + id, dueOn = Day(9), effectiveOn = Day(-30) });
        await app.PostOkAsync($"api/commitments/{id}/status", new { to = "in-progress", effectiveOn = Day(-1), reason = "Mistaken start " + id });
        var record = JsonNode.Parse(await app.Host.Client.GetStringAsync($"api/commitments/{id}"))!;
        var eventId = record["history"]!.AsArray().Last(h => h!["kind"]!.GetValue<string>() == "commitment-status-changed")!["eventId"]!.GetValue<string>();
        await app.PostOkAsync("api/voids", new { eventId, reason = "Recorded for the wrong commitment." });
        await app.CaughtUpAsync();

        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync($"/?since={Day(-2)}");
        var due = page.Locator("ul.due li");
        await Expect(due.Filter(new() { HasText = "First draft " + id })).ToContainTextAsync("Overdue");
        await Expect(due.Filter(new() { HasText = "Final text " + id })).ToContainTextAsync("Due soon");
        await Expect(due.Filter(new() { HasText = "Final text " + id })).ToContainTextAsync(Day(9));

        var change = page.Locator($"#changes tr:has(a[href*='{id}'])").Filter(new() { HasText = "Commitment status changed" })
            .Filter(new() { HasNot = page.Locator(".fixes") }); // the void's own line names the entry it voids
        await Expect(change).ToHaveClassAsync("voided");
        await Expect(change).ToContainTextAsync("voided");
        await WebApp.CheckAsync(page, "dashboard-due-and-voided");
    }

    [Fact]
    public async Task A_since_that_is_not_a_date_is_a_400_page_naming_since()
    {
        var page = await app.SignInAsync("Rita Reader", "reporter");
        var answer = await page.GotoAsync("/?since=notadate");
        Assert.Equal(400, answer!.Status);
        await Expect(page.Locator("#error-explanation")).ToContainTextAsync("since");
    }
}
