namespace Consultations.Bench.Run;

/// <summary>
/// One figure: <see cref="Value"/> and its same-run <see cref="Baseline"/> in <see cref="Unit"/>; <see cref="Ratio"/> is
/// how fast ours is as a fraction of the baseline (for rates value / baseline, for latencies baseline / value), so 1 means
/// as fast as the baseline. <see cref="Value"/> is null when the step failed (<see cref="Notes"/> says why).
/// </summary>
public sealed record Result(string Name, long Events, double? Value, string Unit, double? Baseline, double? PeakMegabytes, string Notes)
{
    public double? Ratio => Value is not { } v || Baseline is not { } b || v <= 0 || b <= 0 ? null
        : Unit.EndsWith("/s", StringComparison.Ordinal) ? v / b : b / v;
}

public sealed record Options(IReadOnlyList<int> Sizes, bool Quick, IReadOnlySet<string> Only, string Output, TimeSpan Duration, int ImportSteps,
    IReadOnlyDictionary<string, string> HostSettings)
{
    public static readonly string[] Names = ["http-write-1", "http-write-8", "import", "rebuild", "replay-field", "replay-dialogue", "changes", "ledger-verify", "http-read"];

    public bool Wants(string name) => Only.Count == 0 || Only.Contains(name);

    public static Options Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var sizes = quick ? new[] { 10_000, 100_000 } : [10_000, 100_000, 1_000_000];
        var only = new HashSet<string>();
        var output = FindDocs();
        var seconds = quick ? 10 : 20;
        var importSteps = 20_000;
        var hostSettings = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--quick": break;
                case "--sizes": sizes = [.. Next().Split(',').Select(s => int.Parse(s.Replace("_", "", StringComparison.Ordinal).Replace("k", "000", StringComparison.Ordinal).Replace("M", "000000", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture))]; break;
                case "--only": only = [.. Next().Split(',')]; break;
                case "--out": output = Path.GetFullPath(Next()); break;
                case "--seconds": seconds = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--import-steps": importSteps = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                // A setting for every host and CLI process run (an A/B of a setting): --host-setting Consultations__Database__MaxAutoPrepare=0
                case "--host-setting":
                    var setting = Next().Split('=', 2);
                    hostSettings[setting[0]] = setting.Length == 2 ? setting[1] : throw new ArgumentException("--host-setting needs KEY=VALUE.");
                    break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. Use: [--quick] [--sizes 10k,100k,1M] [--only {string.Join(',', Names)}] [--seconds N] [--import-steps N] [--host-setting KEY=VALUE] [--out FOLDER], or: micro [BenchmarkDotNet arguments].");
            }
        }

        if (only.FirstOrDefault(o => !Names.Contains(o)) is { } unknown) throw new ArgumentException($"Unknown benchmark '{unknown}'; known: {string.Join(", ", Names)}.");
        return new Options(sizes, quick, only, output, TimeSpan.FromSeconds(seconds), importSteps, hostSettings);
    }

    /// <summary>The repository's docs/ folder (found upwards from the working directory), where the results are written.</summary>
    private static string FindDocs()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Consultations.sln"))) return Path.Combine(dir.FullName, "docs");
        }

        return Path.GetFullPath("docs");
    }
}
