using Consultations.LocalDatabase;

namespace Consultations.Tests.Processes;

/// <summary>
/// PostgreSQL stops and starts again under a running host. The test runs a cluster of its own (so the shared test
/// server stays up for everyone else), in a folder named like the shared one's, so that a run killed half-way is swept
/// up by the next (<c>PostgresServer</c>).
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_host_reports_not_ready_then_ready_and_writes_and_the_daemon_resume_without_a_host_restart()
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var root = await PostgresServer.NewClusterFolderAsync();
        var data = Path.Combine(root, "pg");
        LocalPostgres? postgres = null;
        HostProcess? host = null;
        try
        {
            postgres = await LocalPostgres.StartAsync(data);
            var connectionString = await postgres.EnsureDatabaseAsync("consultations");
            const string schema = "consultations";
            var probe = new StoreProbe(connectionString, schema);
            host = await HostProcess.StartAsync("pg-restart-" + run, connectionString, schema);
            var commitment = (await host.OpenCommitmentsAsync(1))[0];
            await Poll.UntilAsync("the seeded record in the async views", TimeSpan.FromSeconds(60),
                async () => await host.ProjectionsCurrentAsync(await probe.HighWaterMarkAsync()), () => host.RecentOutput);
            var port = postgres.Port;

            await postgres.StopAsync();
            var notReady = await Poll.UntilAsync("/health/ready to answer 503", TimeSpan.FromSeconds(30),
                async () => await host.ReadyStatusAsync() == HttpStatusCode.ServiceUnavailable, () => host.RecentOutput);
            // Alive all the same: an orchestrator must not restart a host because its database is away.
            using (var live = await host.Client.GetAsync("health/live")) Assert.Equal(HttpStatusCode.OK, live.StatusCode);

            postgres = await LocalPostgres.StartAsync(data);
            Assert.Equal(port, postgres.Port);
            var ready = await Poll.UntilAsync("/health/ready to answer 200 again", TimeSpan.FromSeconds(60),
                async () => await host.ReadyStatusAsync() == HttpStatusCode.OK, () => host.RecentOutput);

            var text = $"pg-restart {run}: written after PostgreSQL came back";
            var (status, body) = await host.AmendAsync(commitment, text);
            Assert.True(status == HttpStatusCode.OK, $"{(int)status} {body?.ToJsonString()}{Environment.NewLine}{host.RecentOutput}");

            // The daemon picks up where it stopped: the write reaches the async views, and nothing is processed twice.
            var highWaterMark = await probe.HighWaterMarkAsync();
            var resumed = await Poll.UntilAsync("the async projections to process the new write", TimeSpan.FromSeconds(60),
                () => host.ProjectionsCurrentAsync(highWaterMark), () => host.RecentOutput);
            var expected = await probe.RegisterFromEventsAsync();
            Assert.Equal(text, expected.Single(r => r.CommitmentId == commitment).Text);
            Assert.Equal(expected, await probe.RegisterTableAsync());
            Assert.Equal(expected, await host.RegisterDocumentsAsync());

            output.WriteLine($"PostgreSQL stopped: not ready after {notReady.TotalSeconds:0.0} s; restarted on the same port {port}: " +
                             $"ready after {ready.TotalSeconds:0.0} s; the write reached the async views {resumed.TotalSeconds:0.0} s later.");
        }
        finally
        {
            if (host is not null) await host.DisposeAsync();
            if (postgres is not null) await postgres.StopAsync();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                output.WriteLine($"Could not delete {root}: {e.Message}");
            }
        }
    }
}
