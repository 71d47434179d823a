using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Consultations.Host.Security;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using Spectre.Console;

namespace Consultations.Bench.Run;

/// <summary>
/// The whole benchmark: for each store size, grow the store (<see cref="GrownStore"/>), then measure each figure and its
/// baseline on the same PostgreSQL, one after the other (never two at once), and write docs/benchmarks.md and .json.
/// </summary>
public sealed class Suite(Options options, IAnsiConsole console)
{
    private readonly List<Result> _results = [];
    private readonly List<string> _log = [];
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public IReadOnlyList<Result> Results => _results;

    public async Task<int> RunAsync()
    {
        var started = Stopwatch.StartNew();
        Say($"Load average at the start: {Report.LoadAverage.AtStart}");
        var stepsPerSize = 9;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var overall = ctx.AddTask("[bold]all sizes[/]", maxValue: options.Sizes.Count * stepsPerSize);
                foreach (var size in options.Sizes)
                {
                    var task = ctx.AddTask($"{size:N0} events", maxValue: stepsPerSize);
                    await RunSizeAsync(size, (description) =>
                    {
                        task.Description = $"{size:N0} events: {Markup.Escape(description)}";
                        task.Increment(1);
                        overall.Increment(1);
                    });
                    task.Value = task.MaxValue;
                    task.Description = $"{size:N0} events: done";
                }

                overall.Value = overall.MaxValue;
            });
        Report.Write(options, _results, _log, started.Elapsed, complete: true);
        console.MarkupLine($"[green]Done in {started.Elapsed:hh\\:mm\\:ss}[/]: {Markup.Escape(Path.Combine(options.Output, "benchmarks.md"))} and benchmarks.json");
        return _results.Any(r => r.Value is null) ? 1 : 0;
    }

    private void Say(string text)
    {
        _log.Add($"{DateTime.UtcNow:HH:mm:ss} {text}");
        console.MarkupLine(Markup.Escape(text));
    }

    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    private void Add(Result result)
    {
        _results.Add(result);
        // Written after every figure, so a run stopped half-way still leaves what it measured.
        Report.Write(options, _results, _log, _elapsed.Elapsed, complete: false);
        var ratio = result.Ratio is { } r ? r.ToString("0.###", CultureInfo.InvariantCulture) : "-";
        Say($"{result.Name} @ {result.Events:N0}: {Format(result.Value)} {result.Unit} (baseline {Format(result.Baseline)}, ratio {ratio}, peak {Format(result.PeakMegabytes)} MB) {result.Notes}");
    }

    public static string Format(double? value) => value switch
    {
        null => "-",
        >= 100 => value.Value.ToString("N0", CultureInfo.InvariantCulture),
        >= 1 => value.Value.ToString("0.##", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("0.####", CultureInfo.InvariantCulture),
    };

    private async Task RunSizeAsync(int size, Action<string> step)
    {
        step("growing the store");
        var grown = await GrownStore.OpenAsync(size);
        try
        {
            var events = grown.Events;
            var target = new Target(grown.ConnectionString, GrownStore.Schema, _signingKey, options.HostSettings);
            Say($"Store of {events:N0} events ({grown.Copies:N0} copies of the record) in {grown.DataDirectory}");

            step("views rebuild");
            if (options.Wants("rebuild")) await Guard("rebuild", events, "events/s", () => RebuildAsync(target, events));

            step("ledger verify");
            if (options.Wants("ledger-verify")) await Guard("ledger-verify", events, "events/s", () => LedgerAsync(target, events));

            step("starting the host");
            if (Options.Names.Where(options.Wants).Any(n => n.StartsWith("http-", StringComparison.Ordinal) || n.StartsWith("replay-", StringComparison.Ordinal) || n == "changes"))
            {
                await using var host = await ServiceUnderTest.StartAsync(target, Token());
                if (!host.CaughtUp) Say("WARNING: the async projections had not caught up after 20 minutes; measuring while the daemon works");
                var http = new HttpBenchmarks(host, target, options, events, Add, Say);
                step("http-read");
                if (options.Wants("http-read")) await Guard("http-read", events, "req/s", http.ReadAsync);
                step("replays");
                if (options.Wants("replay-field")) await Guard("replay-field", events, "ms", http.ReplayFieldAsync);
                if (options.Wants("replay-dialogue")) await Guard("replay-dialogue", events, "ms", http.ReplayDialogueAsync);
                step("changes");
                if (options.Wants("changes")) await Guard("changes", events, "events/s", http.ChangesAsync);
                step("http writes");
                if (options.Wants("http-write-1")) await Guard("http-write-1", events, "req/s", () => http.WriteAsync(1));
                if (options.Wants("http-write-8")) await Guard("http-write-8", events, "req/s", () => http.WriteAsync(8));
                await host.DisposeAsync();
                if (options.Wants("http-write-1")) await Guard("http-write-1", events, "req/s", () => RequestStatementsAsync(target, http, events));
            }
            else
            {
                step("no http benchmark asked for");
                step("");
                step("");
                step("");
            }

            step("import");
            if (options.Wants("import")) await Guard("import", events, "events/s", () => ImportAsync(target, grown, events));
        }
        finally
        {
            await grown.StopAsync();
        }
    }

    /// <summary>
    /// The statements the write itself sends, without the daemon's follow-up work (async projections, sealing): the same
    /// sample against a second host with the daemon disabled; added to http-write-1's notes.
    /// </summary>
    private async Task RequestStatementsAsync(Target target, HttpBenchmarks http, long events)
    {
        await using var bare = await ServiceUnderTest.StartAsync(target, Token(), daemon: "Disabled");
        var statements = await http.StatementsPerCommandAsync(bare);
        var at = _results.FindIndex(r => r.Name == "http-write-1" && r.Events == events);
        if (at < 0) return;
        _results[at] = _results[at] with { Notes = _results[at].Notes + $"; {statements:0.#} SQL statements per command in the request itself (same sample, daemon disabled)" };
        Say($"http-write-1 @ {events:N0}: {statements:0.#} SQL statements per command in the request itself");
    }

    /// <summary>A failing step is written down (value null, the error in the notes) and the run goes on.</summary>
    private async Task Guard(string name, long events, string unit, Func<Task> measure)
    {
        try
        {
            await measure();
        }
        catch (Exception e)
        {
            Add(new Result(name, events, null, unit, null, null, "FAILED: " + Load.Shorten(e.Message.ReplaceLineEndings(" "))));
        }
    }

    private string Token() =>
        Tokens.Mint(new TokenSettings { SigningKey = new SymmetricSecurityKey(Convert.FromBase64String(_signingKey)) }, "Bench, Secretariat",
            [Roles.Secretariat, Roles.Auditor, Roles.Reporter], TimeSpan.FromDays(1), DateTimeOffset.UtcNow);

    private async Task RebuildAsync(Target target, long events)
    {
        // The bulk rebuild (`views rebuild`, ADR 0049); JasperFx's `projections rebuild` is measured in ADR 0040.
        var run = await Child.RunAsync(target, ["views", "rebuild", "--json"], timeout: TimeSpan.FromMinutes(options.Quick ? 8 : 30));
        var (readSeconds, rows) = await Raw.OrderedReadAsync(target.ConnectionString, target.Schema);
        var failed = run.ExitCode != 0 ? $"FAILED (exit {run.ExitCode}): {Load.Shorten(run.Tail.ReplaceLineEndings(" "))}" : "";
        var own = run.ExitCode == 0 && System.Text.Json.Nodes.JsonNode.Parse(run.StandardOutput) is { } answer
            ? $"; the rebuild itself {answer["seconds"]!.GetValue<double>():0.0} s ({answer["eventsPerSecond"]!.GetValue<double>():N0} events/s), {answer["documents"]} documents and {answer["rows"]} table rows, phases {answer["phases"]?.ToJsonString()}"
            : "";
        Add(new Result("rebuild", events, run.ExitCode == 0 ? events / run.Elapsed.TotalSeconds : null, "events/s", rows / readSeconds, run.PeakMegabytes,
            $"{failed}views rebuild {run.Elapsed.TotalSeconds:0.0} s (CLI process, start-up included){own}; ordered read of {rows:N0} rows {readSeconds:0.00} s"));
    }

    private async Task LedgerAsync(Target target, long events)
    {
        // The store was grown in SQL: its events have their commit hashes (the trigger) but no seals yet. Sealing is the
        // daemon's work, not verify's: done first and reported apart.
        var wait = new Dictionary<string, string> { ["Consultations__Ledger__WaitSeconds"] = "3600" };
        var seal = await Child.RunAsync(target, ["ledger", "digest", "--json"], wait, TimeSpan.FromMinutes(60));
        var verify = await Child.RunAsync(target, ["ledger", "verify", "--json"], wait, TimeSpan.FromMinutes(30));
        var (shaSeconds, rows) = await Raw.ChainedShaAsync(target.ConnectionString, target.Schema);
        // The CLI writes what verifying itself took (without process start-up and the daemon's catch-up) to stderr.
        var own = System.Text.RegularExpressions.Regex.Match(verify.Tail, @"Verified [\d,]+ events in ([\d.]+) s \([^;)]*(;[^)]*)?\)");
        // A plain ordered read of the rows, for what reading alone costs beside the in-memory hash.
        var (readSeconds, _) = await Raw.OrderedReadAsync(target.ConnectionString, target.Schema);
        var itself = own.Success ? $", of which verifying itself {own.Groups[1].Value} s" +
            $" ({events / double.Parse(own.Groups[1].Value, CultureInfo.InvariantCulture) / (rows / shaSeconds):0.00} × the baseline{own.Groups[2].Value})" : "";
        var notes = $"verify {verify.Elapsed.TotalSeconds:0.0} s (exit {verify.ExitCode}, CLI start-up included{itself}), sealing first {seal.Elapsed.TotalSeconds:0.0} s " +
                    $"(peak {seal.PeakMegabytes:N0} MB); chained SHA-256 of {rows:N0} rows {shaSeconds:0.000} s; plain ordered read {readSeconds:0.000} s; answer {Load.Shorten(verify.StandardOutput.ReplaceLineEndings(" ").Trim())}";
        Add(new Result("ledger-verify", events, verify.ExitCode is 0 or 1 ? events / verify.Elapsed.TotalSeconds : null, "events/s", rows / shaSeconds,
            verify.PeakMegabytes, notes));
    }

    private async Task ImportAsync(Target target, GrownStore grown, long events)
    {
        var folder = Directory.CreateTempSubdirectory("consultations-bench-import-");
        try
        {
            var (file, steps) = await RecordFile.WriteAsync(await grown.RecordStreamIdsAsync(), options.ImportSteps, folder.FullName);
            var before = await Raw.ScalarAsync<long>(target.ConnectionString, $"SELECT count(*) FROM {target.Schema}.mt_events");
            var run = await Child.RunAsync(target, ["import", file, "--as", "Bench, Import", "--json"], timeout: TimeSpan.FromMinutes(30));
            var appended = await Raw.ScalarAsync<long>(target.ConnectionString, $"SELECT count(*) FROM {target.Schema}.mt_events") - before;
            if (run.ExitCode != 0 || appended == 0)
                throw new InvalidOperationException($"import exited {run.ExitCode} after appending {appended} events: {run.StandardOutput} {run.Tail}");
            var bodies = await Raw.LastEventBodiesAsync(target.ConnectionString, target.Schema, appended);
            var copySeconds = await Raw.CopyAsync(target.ConnectionString, bodies);
            Add(new Result("import", events, appended / run.Elapsed.TotalSeconds, "events/s", appended / copySeconds, run.PeakMegabytes,
                $"{steps:N0} steps, {appended:N0} events in {run.Elapsed.TotalSeconds:0.0} s (CLI start-up included); binary COPY of the same {appended:N0} jsonb rows {copySeconds:0.00} s"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
