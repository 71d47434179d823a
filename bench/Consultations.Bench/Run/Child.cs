using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Consultations.Bench.Run;

/// <summary>
/// The Release build of the real host (<c>dotnet Consultations.Host.dll</c>, copied beside the bench by its project
/// reference) as a child process, as a CLI command or as the service, on the bench's database and schema, with the
/// bench's signing key. Its peak working set is read from <c>/proc/PID/status</c> (VmHWM) while it runs.
/// </summary>
public sealed class Child : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peakKb;

    private Child(Process process)
    {
        _process = process;
        _sampler = Task.Run(SampleAsync);
    }

    public static string HostDll => Path.Combine(AppContext.BaseDirectory, "Consultations.Host.dll");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public double PeakMegabytes => Interlocked.Read(ref _peakKb) / 1024.0;

    public string Output => string.Join(Environment.NewLine, _output);

    public string StandardOutput { get; private set; } = "";

    public static Child Start(Target target, IEnumerable<string> args, IDictionary<string, string>? settings = null)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.ArgumentList.Add(HostDll);
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        foreach (var key in psi.Environment.Keys.ToList())
        {
            if (key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("Consultations__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("Auth__", StringComparison.OrdinalIgnoreCase))
                psi.Environment.Remove(key);
        }

        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        psi.Environment["ConnectionStrings__Marten"] = target.ConnectionString;
        psi.Environment["Consultations__Schema"] = target.Schema;
        psi.Environment["Consultations__SeedWhenEmpty"] = "false";
        psi.Environment["Auth__SigningKey"] = target.SigningKey;
        foreach (var (key, value) in target.Settings ?? new Dictionary<string, string>()) psi.Environment[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) psi.Environment[key] = value;

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var stdout = new System.Text.StringBuilder();
        process.Start();
        var child = new Child(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stdout) stdout.AppendLine(e.Data);
            child.Keep(e.Data);
        };
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.Exited += (_, _) =>
        {
            lock (stdout) child.StandardOutput = stdout.ToString();
        };
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a CLI command to its end: its wall time, exit code and peak working set.</summary>
    public static async Task<Finished> RunAsync(Target target, IEnumerable<string> args, IDictionary<string, string>? settings = null,
        TimeSpan? timeout = null)
    {
        await using var child = Start(target, args, settings);
        var watch = Stopwatch.StartNew();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(30));
        try
        {
            await child._process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill();
            throw new InvalidOperationException($"'{string.Join(' ', args)}' did not finish within {timeout}.{Environment.NewLine}{child.Tail()}");
        }

        child._process.WaitForExit();
        watch.Stop();
        return new Finished(child._process.ExitCode, watch.Elapsed, child.PeakMegabytes, child.StandardOutput, child.Tail());
    }

    public sealed record Finished(int ExitCode, TimeSpan Elapsed, double PeakMegabytes, string StandardOutput, string Tail);

    public string Tail(int lines = 40) => string.Join(Environment.NewLine, _output.TakeLast(lines));

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 400) _output.TryDequeue(out _);
    }

    private async Task SampleAsync()
    {
        var file = $"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status";
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                foreach (var line in await File.ReadAllLinesAsync(file))
                {
                    if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                    var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                    if (kb > Interlocked.Read(ref _peakKb)) Interlocked.Exchange(ref _peakKb, kb);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process is gone, or not yet there.
                if (_process.HasExited) return;
            }

            try
            {
                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _stop.CancelAsync();
        try
        {
            await _sampler;
        }
        catch (OperationCanceledException)
        {
        }

        _process.Dispose();
        _stop.Dispose();
    }
}

/// <summary>Where the children work: the grown store's database and schema, and the key their tokens are signed with.</summary>
/// <summary>The store a child process runs against, and <paramref name="Settings"/> given to every child (--host-setting).</summary>
public sealed record Target(string ConnectionString, string Schema, string SigningKey, IReadOnlyDictionary<string, string>? Settings = null);
