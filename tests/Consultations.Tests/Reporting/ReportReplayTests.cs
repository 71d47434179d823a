namespace Consultations.Tests.Reporting;

/// <summary>
/// The reports on the auditor's two time axes, replayed from the events: the Japan–Italy record made its statement and
/// 23 commitments on 15 June 2026 at the Rome summit; the first consultations were held on 28–29 May.
/// </summary>
public class ReportReplayTests(AppFixture fixture) : ReportingContext(fixture)
{
    private const string SolarC = "jpit-06-solar-c";

    private static string Instant() => Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"));

    private static JsonNode Row(JsonNode rows, string id) => rows.AsArray().Single(r => r!["id"]!.GetValue<string>() == id)!;

    [Fact]
    public async Task A_status_change_recorded_now_shows_neither_before_it_was_recorded_nor_before_it_took_effect()
    {
        await SeedAsync();
        var before = Instant();
        Assert.Equal(200, (await SendAsync($"/api/commitments/{SolarC}/status", new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Delivered." })).Status);
        await CaughtUpAsync();

        foreach (var (query, status) in new[]
                 {
                     ($"recordedAt={before}", "in-progress"),
                     ($"recordedAt={before}&field=JPIT-06", "in-progress"),
                     ("effectiveOn=2026-08-01", "in-progress"),
                     ("effectiveOn=2026-09-01", "fulfilled"),
                     ("", "fulfilled"),
                 })
        {
            var rows = (await FetchAsync($"/api/reports/commitment-register?{query}")).Json;
            Assert.True(Row(rows, SolarC)["status"]!.GetValue<string>() == status, $"?{query}: {Row(rows, SolarC).ToJsonString()}");
        }
    }

    [Fact]
    public async Task Each_report_replayed_now_equals_what_its_projection_holds()
    {
        await SeedAsync();
        await SendAsync($"/api/commitments/{SolarC}/status", new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Delivered." });
        await SendAsync($"/api/action-plans/{PlanId}/items", new { itemId = "a", fieldCode = "JPIT-08", text = "SSA data.", effectiveOn = "2026-07-01" });
        await SendAsync($"/api/action-plans/{PlanId}/items/a/completion", new { note = "Done.", effectiveOn = "2026-09-01" });
        await CaughtUpAsync();
        var now = Instant();

        foreach (var route in new[] { "/api/reports/commitment-register", $"/api/reports/meetings?dialogue={DialogueId}", "/api/reports/action-plans" })
        {
            var separator = route.Contains('?') ? '&' : '?';
            var stored = await FetchAsync(route);
            var replayed = await FetchAsync($"{route}{separator}recordedAt={now}");
            Assert.Equal(200, replayed.Status);
            Assert.NotEmpty(stored.Json.AsArray());
            Assert.Equal(stored.Text, replayed.Text);
        }
    }

}
