namespace Consultations.Tests.Reporting;

public class ReportEndpointTests(AppFixture fixture) : ReportingContext(fixture)
{
    [Fact]
    public async Task The_register_follows_a_status_change_once_the_daemon_has_caught_up()
    {
        await SeedAndCatchUpAsync();
        var change = await SendAsync("/api/commitments/jpit-06-solar-c/status", new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Delivered, \"on time\", to JAXA." });
        Assert.Equal(200, change.Status);
        await CaughtUpAsync();

        var rows = (await FetchAsync("/api/reports/commitment-register?field=JPIT-06&status=fulfilled")).Json.AsArray();

        var row = Assert.Single(rows)!;
        Assert.Equal("2026-09-01", row["statusDates"]!["fulfilledOn"]!.GetValue<string>());
        Assert.Equal("2026-06-15", row["statusDates"]!["inProgressOn"]!.GetValue<string>());
        Assert.True(row["final"]!.GetValue<bool>());
        Assert.Equal(["in-progress", "fulfilled"], row["steps"]!.AsArray().Select(s => s!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Action_plan_progress_has_a_row_per_plan_and_per_plan_and_field()
    {
        await SeedAsync();
        await SendAsync($"/api/action-plans/{PlanId}/items", new { itemId = "a", fieldCode = "JPIT-08", text = "SSA data exchange.", effectiveOn = "2026-07-01" });
        await SendAsync($"/api/action-plans/{PlanId}/items", new { itemId = "b", fieldCode = "JPIT-08", text = "Debris study.", effectiveOn = "2026-07-01" });
        await SendAsync($"/api/action-plans/{PlanId}/items", new { itemId = "c", fieldCode = "JPIT-09", text = "Exchanges of students.", effectiveOn = "2026-07-01" });
        await SendAsync($"/api/action-plans/{PlanId}/items/a/completion", new { note = "Done.", effectiveOn = "2026-09-01" });
        await SendAsync($"/api/action-plans/{PlanId}/items/c/progress", new { progress = "delayed", note = "Funding.", effectiveOn = "2026-09-01" });
        await CaughtUpAsync();

        var rows = (await FetchAsync("/api/reports/action-plans")).Json.AsArray();

        Assert.Equal([null, "JPIT-08", "JPIT-09"], rows.Select(r => r!["fieldCode"]?.GetValue<string>()));
        Assert.Equal((3, 1, 1, 33), (rows[0]!["items"]!["total"]!.GetValue<int>(), rows[0]!["items"]!["completed"]!.GetValue<int>(),
            rows[0]!["items"]!["delayed"]!.GetValue<int>(), rows[0]!["percentDone"]!.GetValue<int>()));
        Assert.Equal((2, 50), (rows[1]!["items"]!["total"]!.GetValue<int>(), rows[1]!["percentDone"]!.GetValue<int>()));

        var field = (await FetchAsync("/api/fields/JPIT-08")).Json;
        Assert.Equal(1, field["actionItemsByProgress"]!["completed"]!.GetValue<int>());
        Assert.Equal(1, field["actionItemsByProgress"]!["notStarted"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_status_report_asks_which_dialogue_when_there_are_two()
    {
        await SeedAsync();
        await OtherDialogueAsync();
        await CaughtUpAsync();

        Assert.Equal(400, (await FetchAsync("/api/reports/status")).Status);
        var other = await FetchAsync($"/api/reports/status?dialogue={OtherDialogue}");
        Assert.Equal(200, other.Status);
        Assert.Contains("Japan–France space", other.Text);
    }
}
