using Consultations.Host.RecordFiles;

namespace Consultations.Tests.Reliability;

public class HealthTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task The_host_says_it_is_alive_and_ready_when_the_database_answers_and_projections_keep_up()
    {
        await SeedAsync();
        var live = await Host.Scenario(x => { x.Get.Url("/health/live"); x.IgnoreStatusCode(); });
        var ready = await GetAsync("/health/ready");

        Assert.Equal(200, live.Context.Response.StatusCode);
        Assert.Equal(200, ready.Status);
        Assert.Equal("Healthy", ready.Body!["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", ready.Body!["checks"]!["projection-daemon"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_host_is_not_ready_when_no_projection_daemon_makes_progress()
    {
        // A schema of its own, so that no other host's daemon works on it.
        await using var host = await AppFixture.StartHostAsync("t_" + Guid.NewGuid().ToString("N")[..12], settings: new Dictionary<string, string>
        {
            ["Consultations:ProjectionDaemon"] = "Disabled",
            ["Consultations:DaemonStalledAfterSeconds"] = "0",
        });
        await host.Services.GetRequiredService<RecordImporter>().ImportAsync(RecordImporter.BundledRecordPath, "test", null, CancellationToken.None);

        // The first look notes where the projections stand; the second finds they have not moved.
        await host.Scenario(x => { x.Get.Url("/health/ready"); x.IgnoreStatusCode(); });
        var second = await host.Scenario(x => { x.Get.Url("/health/ready"); x.IgnoreStatusCode(); });

        Assert.Equal(503, second.Context.Response.StatusCode);
        Assert.Contains("projection daemon", await second.ReadAsTextAsync());
    }
}
