using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Npgsql;

namespace Consultations.Bench.Run;

/// <summary>
/// The service as users get it: the Release host as a child process on a free port over the grown store, its
/// connections named <see cref="Application"/> (so the statements it sends can be told apart in the server's log),
/// ready once <c>/health/ready</c> answers and every async projection has caught up.
/// </summary>
public sealed class ServiceUnderTest : IAsyncDisposable
{
    public const string Application = "bench-host";

    private ServiceUnderTest(Child child, int port, string token)
    {
        Process = child;
        Port = port;
        Token = token;
        Client = Load.Client(port, token, 16);
    }

    public Child Process { get; }

    /// <summary>False when the async projections had not caught up after 20 minutes: the daemon still works while measuring.</summary>
    public bool CaughtUp { get; private set; } = true;

    public int Port { get; }

    public string Token { get; }

    /// <summary>For single requests and checks; the load runs use clients of their own.</summary>
    public HttpClient Client { get; }

    public static async Task<ServiceUnderTest> StartAsync(Target target, string token, string daemon = "Solo")
    {
        var port = FreePort();
        var named = target with
        {
            ConnectionString = new NpgsqlConnectionStringBuilder(target.ConnectionString) { ApplicationName = Application }.ConnectionString,
        };
        var child = Child.Start(named, ["--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"],
            new Dictionary<string, string> { ["Consultations__ProjectionDaemon"] = daemon, ["Logging__LogLevel__Default"] = "Warning" });
        var service = new ServiceUnderTest(child, port, token);
        try
        {
            await service.UntilAsync("the host to be ready", TimeSpan.FromMinutes(5), async () =>
            {
                using var response = await service.Client.GetAsync("health/ready");
                return response.StatusCode == HttpStatusCode.OK;
            });
            if (daemon == "Disabled") return service;
            try
            {
                await service.UntilAsync("the async projections to catch up", TimeSpan.FromMinutes(20), async () =>
                {
                    var freshness = JsonNode.Parse(await service.Client.GetStringAsync("api/reports/freshness"))!.AsArray();
                    return freshness.Count > 0 && freshness.All(f => f!["isCurrent"]!.GetValue<bool>());
                });
            }
            catch (TimeoutException)
            {
                // Measured anyway (a failed rebuild leaves the daemon far behind); the run log says so.
                service.CaughtUp = false;
            }

            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    private async Task UntilAsync(string what, TimeSpan timeout, Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (Process.HasExited) throw new InvalidOperationException($"The host exited while waiting for {what}: {Process.Tail()}");
            try
            {
                if (await condition()) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                // Not up yet.
            }

            if (watch.Elapsed > timeout) throw new TimeoutException($"Waited {timeout} for {what}: {Process.Tail()}");
            await Task.Delay(250);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        Client.Dispose();
        await Process.DisposeAsync();
    }
}
