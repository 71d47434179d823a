using JasperFx.Events.Daemon;

namespace Consultations.Tests.Reporting;

public class FreshnessTests(AppFixture fixture) : ReportingContext(fixture)
{
    private static long Number(string text) => long.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_report_read_while_the_daemon_is_behind_says_so_and_catches_up_after_the_daemon()
    {
        await SeedAndCatchUpAsync();
        var coordinator = Host.Services.GetRequiredService<IProjectionCoordinator>();
        await coordinator.PauseAsync();
        try
        {
            var change = await SendAsync("/api/commitments/jpit-06-solar-c/status", new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Delivered." });
            Assert.Equal(200, change.Status);

            var behind = await FetchAsync("/api/reports/commitment-register?field=JPIT-06");

            Assert.Equal("false", behind.Header("X-Projection-Current"));
            Assert.True(Number(behind.Header("X-Projection-Sequence")) < Number(behind.Header("X-Event-Sequence")));
            // The inline commitment already shows the change; the async register does not yet.
            Assert.Equal("in-progress", behind.Json.AsArray().Single(r => Text(r, "id") == "jpit-06-solar-c")!["status"]!.GetValue<string>());
            Assert.Equal("fulfilled", (await GetAsync("/api/commitments/jpit-06-solar-c")).Body!["status"]!.GetValue<string>());
        }
        finally
        {
            await coordinator.ResumeAsync();
        }

        await CaughtUpAsync();
        var current = await FetchAsync("/api/reports/commitment-register?field=JPIT-06");

        Assert.Equal("true", current.Header("X-Projection-Current"));
        Assert.Equal(current.Header("X-Event-Sequence"), current.Header("X-Projection-Sequence"));
        Assert.Equal("fulfilled", current.Json.AsArray().Single(r => Text(r, "id") == "jpit-06-solar-c")!["status"]!.GetValue<string>());
    }
}
