using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Consultations.Host.Security;
using Npgsql;

namespace Consultations.Tests.Processes;

/// <summary>
/// The real service as a child process: <c>dotnet Consultations.Host.dll --urls http://127.0.0.1:PORT</c> from the test's
/// output folder (the test project references the host, so the host's dll, deps and runtimeconfig are there), on a
/// given database and schema, with the test signing key and the HotCold daemon. Its connections carry the node's name as
/// PostgreSQL <c>application_name</c>, so a test can see in <c>pg_locks</c> which node holds the projection daemon.
/// Disposing kills it; so does a detached watchdog if the test process itself is killed.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 300;
    private static readonly ConcurrentDictionary<int, Process> Live = new();

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    static HostProcess()
    {
        // A normal end of the test process takes its children along (a killed one leaves that to the watchdogs).
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Live.Values) TryKill(process);
        };
    }

    private HostProcess(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
        // A loaded machine (other test processes, a busy daemon) can take several seconds to answer, and a node's first
        // request compiles its handlers (runtime code generation): over a minute at a load average of 30 on 2 cores.
        // A hang still fails.
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = Poll.Patient(TimeSpan.FromSeconds(60)) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.For("process-test", Roles.Secretariat, Roles.Auditor, Roles.Reporter));
    }

    /// <summary>The node's name; also its PostgreSQL application_name.</summary>
    public string Name { get; }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Talks to this node only, with a token holding every role.</summary>
    public HttpClient Client { get; }

    /// <summary>The last lines the process wrote (for failure messages).</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    public static string HostDll => Path.Combine(AppContext.BaseDirectory, "Consultations.Host.dll");

    /// <summary>The connection string a node uses: the given one, named after the node, with a small pool.</summary>
    public static string NodeConnectionString(string connectionString, string name) =>
        new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = name, MaxPoolSize = 15 }.ConnectionString;

    /// <summary>Starts a node and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<HostProcess> StartAsync(string name, string connectionString, string schema, bool seed = true,
        TimeSpan? readyWithin = null)
    {
        Assert.True(File.Exists(HostDll), $"The host is not in the test's output folder: {HostDll}");
        var host = Launch(name, connectionString, schema, seed);
        try
        {
            await host.WaitUntilReadyAsync(readyWithin ?? TimeSpan.FromSeconds(90));
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private static HostProcess Launch(string name, string connectionString, string schema, bool seed)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo(DotnetExecutable())
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The content root: appsettings.json (log levels) is read from here.
            WorkingDirectory = AppContext.BaseDirectory,
        };
        // Consultations.Host.runtimeconfig.json and .deps.json lie next to the dll, where dotnet looks for them.
        foreach (var arg in new[] { HostDll, "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}" })
            psi.ArgumentList.Add(arg);

        // Nothing of the test run's own settings leaks in: no other URLs, no telemetry export.
        foreach (var key in psi.Environment.Keys.ToList())
        {
            if (key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("OpenTelemetry__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Consultations__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Auth__", StringComparison.OrdinalIgnoreCase))
                psi.Environment.Remove(key);
        }

        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        psi.Environment["ConnectionStrings__Marten"] = NodeConnectionString(connectionString, name);
        psi.Environment["Consultations__Schema"] = schema;
        psi.Environment["Consultations__SeedWhenEmpty"] = seed ? "true" : "false";
        psi.Environment["Consultations__ProjectionDaemon"] = "HotCold";
        psi.Environment["Auth__SigningKey"] = TestTokens.SigningKey;

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var host = new HostProcess(name, port, process);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.Start();
        Live[process.Id] = process;
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        StartWatchdog(process.Id);
        return host;
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout) =>
        await Poll.UntilAsync($"{Name} ready", timeout, async () =>
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready.{Environment.NewLine}{RecentOutput}");
            return await ReadyStatusAsync() == HttpStatusCode.OK;
        }, () => RecentOutput);

    /// <summary>The status <c>/health/ready</c> answers, or null when the node does not answer at all.</summary>
    public async Task<HttpStatusCode?> ReadyStatusAsync()
    {
        try
        {
            using var response = await Client.GetAsync("health/ready");
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public async Task<JsonNode> GetJsonAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} on {Name}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Amends a commitment's text; the status and the answer's body (null when there is none).</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> AmendAsync(string commitmentId, string text, CancellationToken ct = default)
    {
        using var response = await Client.PostAsJsonAsync($"api/commitments/{commitmentId}/amendments",
            new { text, effectiveOn = "2026-11-01", reason = "Process test." }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return (response.StatusCode, string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body));
    }

    /// <summary>Ids of <paramref name="count"/> commitments that can still be amended (not final), once the record is loaded.</summary>
    public async Task<IReadOnlyList<string>> OpenCommitmentsAsync(int count)
    {
        IReadOnlyList<string> ids = [];
        await Poll.UntilAsync($"{count} open commitments on {Name}", TimeSpan.FromSeconds(30), async () =>
        {
            var all = (await GetJsonAsync("api/commitments")).AsArray();
            ids = [.. all.Where(c => c!["status"]!.GetValue<string>() is "proposed" or "agreed" or "in-progress")
                .Select(c => c!["id"]!.GetValue<string>()).Take(count)];
            return ids.Count == count;
        });
        return ids;
    }

    /// <summary>The commitment register documents (<c>/api/reports/commitment-register</c>) as rows, in id order.</summary>
    public async Task<IReadOnlyList<RegisterTableRow>> RegisterDocumentsAsync() =>
        [.. (await GetJsonAsync("api/reports/commitment-register")).AsArray()
            .Select(r => new RegisterTableRow(r!["id"]!.GetValue<string>(), r["text"]!.GetValue<string>(), r["amendments"]!.GetValue<int>()))
            .OrderBy(r => r.CommitmentId, StringComparer.Ordinal)];

    /// <summary>True when every async projection has processed every event (<c>/api/reports/freshness</c>).</summary>
    public async Task<bool> ProjectionsCurrentAsync(long atLeast = 0)
    {
        try
        {
            var freshness = (await GetJsonAsync("api/reports/freshness")).AsArray();
            return freshness.Count > 0 && freshness.All(f => f!["isCurrent"]!.GetValue<bool>() && f["sequence"]!.GetValue<long>() >= atLeast);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// True once this node's ledger verification finds the chain intact over exactly <paramref name="events"/> sealed
    /// events and none left unsealed: every event sealed once, whichever node's daemon sealed it.
    /// </summary>
    public async Task<bool> LedgerSealedAsync(long events)
    {
        try
        {
            var report = await GetJsonAsync("api/ledger/verify");
            return report["intact"]!.GetValue<bool>() && report["unsealed"]!.GetValue<long>() == 0 && report["checked"]!.GetValue<long>() == events;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, connections dropped by the kernel.</summary>
    public void Kill()
    {
        TryKill(_process);
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
            throw new InvalidOperationException($"{Name} (pid {_process.Id}) did not die within 30 s of SIGKILL.");
        Live.TryRemove(_process.Id, out _);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!HasExitedSafely()) TryKill(_process);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            // Reported below by the process still being in Live; nothing more to do here.
        }

        if (HasExitedSafely()) Live.TryRemove(_process.Id, out _);
        _process.Dispose();
    }

    private bool HasExitedSafely()
    {
        try
        {
            return _process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines) _output.TryDequeue(out _);
    }

    private static void TryKill(Process process)
    {
        try
        {
            // On Linux this is SIGKILL.
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    /// <summary>If the test process dies without disposing (vstest kills it), the child must not outlive it.</summary>
    private static void StartWatchdog(int child)
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh")) return;
        const string script = """
            exec </dev/null >/dev/null 2>&1
            parent="$1"; child="$2"
            alive() { [ -r "/proc/$1/stat" ] && [ "$(sed 's/.*) //' "/proc/$1/stat" | cut -c1)" != Z ]; }
            while alive "$parent" && alive "$child"; do sleep 1; done
            if ! alive "$parent" && alive "$child"; then kill -9 "$child"; fi
            """;
        var psi = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var arg in new[] { "-c", script, "host-watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), child.ToString(CultureInfo.InvariantCulture) })
            psi.ArgumentList.Add(arg);
        try
        {
            using var watchdog = Process.Start(psi);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            // Best effort: Dispose and ProcessExit still kill the child.
        }
    }

    private static string DotnetExecutable()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return "dotnet";
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}

/// <summary>Bounded polling: the only way these tests wait for anything.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How much longer than on a quiet machine a wait may take: these tests run beside the rest of the suite (browsers,
    /// other hosts, their databases) on 2 cores, where the load average reaches 30. Waiting longer costs nothing when things
    /// go right (polls end as soon as their condition holds) and still fails a hang.
    /// </summary>
    private const int Patience = 3;

    public static TimeSpan Patient(TimeSpan quiet) => quiet * Patience;

    /// <summary>Calls <paramref name="condition"/> until it is true; fails after <paramref name="timeout"/>. Returns the time it took.</summary>
    public static async Task<TimeSpan> UntilAsync(string what, TimeSpan timeout, Func<Task<bool>> condition, Func<string>? describe = null)
    {
        var clock = Stopwatch.StartNew();
        timeout = Patient(timeout);
        while (true)
        {
            if (await condition()) return clock.Elapsed;
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for: {what}.{(describe is null ? "" : Environment.NewLine + describe())}");
            await Task.Delay(Interval);
        }
    }
}
