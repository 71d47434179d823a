using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Consultations.Bench.Run;

/// <summary>Writes docs/benchmarks.json (one entry per name per size) and docs/benchmarks.md (everything, with the issue's targets).</summary>
public static class Report
{
    private sealed record Target(string Name, string Text, Func<Result, bool?> Met);

    // Issue 14's targets, as far as one figure can tell them (ratios within one run).
    private static readonly Target[] Targets =
    [
        new("http-write-8", "≥ 0.25 × raw INSERT at 8 clients (goal 0.5), p95 ≤ 30 ms, ≤ 6 statements per command", r => r.Ratio >= 0.25 && P95(r) is <= 30),
        new("http-write-1", "≤ 6 SQL statements per command (in the request itself)", r => Statements(r) is { } s ? s <= 6 : null),
        new("import", "≥ 20,000 events/s (goal: half of COPY)", r => r.Value >= 20_000),
        new("rebuild", "≥ 20,000 events/s at 1M, never failing on a timeout", r => r.Events < 900_000 ? null : r.Value >= 20_000),
        new("ledger-verify", "≥ 0.5 × in-memory chained SHA-256", r => r.Ratio >= 0.5),
        new("changes", "linear in the events listed, paged, streamed (compare the sizes)", _ => null),
        new("replay-field", "p95 ≤ 100 ms at 1M", r => r.Events < 900_000 ? null : r.Value <= 100),
        new("replay-dialogue", "p95 ≤ 2 s at 1M", r => r.Events < 900_000 ? null : r.Value <= 2000),
        new("http-read", "(no numeric target)", _ => null),
    ];

    public static void Write(Options options, IReadOnlyList<Result> results, IReadOnlyList<string> log, TimeSpan took, bool complete)
    {
        Directory.CreateDirectory(options.Output);
        var json = results.Select(r => new { name = r.Name, events = r.Events, value = Round(r.Value), unit = r.Unit, baseline = Round(r.Baseline), ratio = Round(r.Ratio, 4) });
        File.WriteAllText(Path.Combine(options.Output, "benchmarks.json"), JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.WriteAllText(Path.Combine(options.Output, "benchmarks.md"), Markdown(options, results, log, took, complete));
    }

    private static string Markdown(Options options, IReadOnlyList<Result> results, IReadOnlyList<string> log, TimeSpan took, bool complete)
    {
        var md = new StringBuilder();
        var sizes = results.Select(r => r.Events).Distinct().Order().ToList();
        md.AppendLine("# Benchmarks").AppendLine();
        var args = Environment.GetCommandLineArgs().Skip(1).ToList();
        md.AppendLine("Written by `dotnet run -c Release --project bench/Consultations.Bench" + (args.Count > 0 ? " -- " + string.Join(' ', args) : "") + "` (issue 14, ADR 0035); do not edit by hand.").AppendLine();
        md.AppendLine("| | |").AppendLine("|---|---|");
        md.AppendLine($"| Date | {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC ({(complete ? "run took" : "INCOMPLETE: stopped or still running after")} {took:hh\\:mm\\:ss}) |");
        md.AppendLine($"| Machine | {Environment.ProcessorCount} cores, {CpuModel()}, {MemoryGb()} GB RAM, {RuntimeInformation.OSDescription} |");
        md.AppendLine($"| Runtime | .NET {Environment.Version}, Release build of the host run as a child process |");
        md.AppendLine($"| PostgreSQL | {PgVersion()} private cluster started by Consultations.LocalDatabase (fsync on), one per store size |");
        md.AppendLine($"| Load average | {LoadAverage.AtStart} at the start, {LoadAverage.Now()} at the end (1, 5, 15 min): above the core count, the figures are only indicative |");
        md.AppendLine($"| Mode | {(options.Quick ? "--quick" : "full")}; load runs {options.Duration.TotalSeconds:0} s after a 2 s warm-up; import file {options.ImportSteps:N0} steps |");
        md.AppendLine();
        md.AppendLine("Ratio: how fast ours is as a fraction of the same-run baseline (rates: value / baseline; latencies: baseline / value).");
        md.AppendLine("Peak: the peak working set (VmHWM) of the host or CLI process; for HTTP figures the service's peak so far.").AppendLine();

        md.AppendLine("## Figures").AppendLine();
        md.AppendLine("| name | events | value | unit | baseline | ratio | peak MB | notes |").AppendLine("|---|---:|---:|---|---:|---:|---:|---|");
        foreach (var r in results)
            md.AppendLine($"| `{r.Name}` | {r.Events:N0} | {Suite.Format(r.Value)} | {r.Unit} | {Suite.Format(r.Baseline)} | {Ratio(r)} | {Suite.Format(r.PeakMegabytes)} | {Cell(r.Notes)} |");

        md.AppendLine().AppendLine("## How each grows with the store").AppendLine();
        md.AppendLine("| name | unit | " + string.Join(" | ", sizes.Select(s => $"{s:N0}")) + " |").AppendLine("|---|---|" + string.Concat(sizes.Select(_ => "---:|")));
        foreach (var name in Options.Names)
        {
            var row = results.Where(r => r.Name == name).ToList();
            if (row.Count == 0) continue;
            md.AppendLine($"| `{name}` | {row[0].Unit} | " + string.Join(" | ", sizes.Select(s => row.FirstOrDefault(r => r.Events == s) is { } r ? $"{Suite.Format(r.Value)} (×{Ratio(r)})" : "")) + " |");
        }

        md.AppendLine().AppendLine("## Issue 14's targets").AppendLine();
        md.AppendLine("| name | target | " + string.Join(" | ", sizes.Select(s => $"{s:N0}")) + " |").AppendLine("|---|---|" + string.Concat(sizes.Select(_ => "---|")));
        foreach (var t in Targets)
        {
            md.AppendLine($"| `{t.Name}` | {t.Text} | " + string.Join(" | ", sizes.Select(s => results.FirstOrDefault(r => r.Name == t.Name && r.Events == s) is { } r
                ? r.Value is null ? "failed" : t.Met(r) switch { true => "met", false => "missed", null => "n/a" } : "")) + " |");
        }

        md.AppendLine().AppendLine("The BenchmarkDotNet micro benchmarks (domain fold and decide, in-process import and replays) are run apart:");
        md.AppendLine("`dotnet run -c Release --project bench/Consultations.Bench -- micro --filter '*'` (ADR 0035).");
        md.AppendLine().AppendLine("## Run log").AppendLine().AppendLine("```");
        foreach (var line in log) md.AppendLine(line);
        md.AppendLine("```");
        return md.ToString();
    }

    public static class LoadAverage
    {
        public static readonly string AtStart = Now();

        public static string Now() => File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
    }

    private static double? P95(Result r) => Number(r.Notes, " p95 ");
    private static double? Statements(Result r) => Number(r.Notes, "; ", " SQL statements per command in the request itself");

    private static double? Number(string text, string before, string? after = null)
    {
        var at = after is null ? text.IndexOf(before, StringComparison.Ordinal) : text.IndexOf(after, StringComparison.Ordinal);
        if (at < 0) return null;
        var digits = after is null
            ? new string(text[(at + before.Length)..].TakeWhile(c => char.IsDigit(c) || c == '.').ToArray())
            : new string(text[..at].Reverse().TakeWhile(c => char.IsDigit(c) || c == '.').Reverse().ToArray());
        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static string Ratio(Result r) => r.Ratio is { } x ? x.ToString(x >= 0.1 ? "0.00" : "0.####", CultureInfo.InvariantCulture) : "-";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static double? Round(double? v, int digits = 2) => v is { } x ? Math.Round(x, digits) : null;

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?" : "?";

    private static string MemoryGb() =>
        File.Exists("/proc/meminfo") && File.ReadLines("/proc/meminfo").FirstOrDefault() is { } line
            ? (long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture)
            : "?";

    private static string PgVersion()
    {
        try
        {
            using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/lib/postgresql/15/bin/postgres", "--version") { RedirectStandardOutput = true })!;
            var text = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "PostgreSQL";
        }
    }
}
