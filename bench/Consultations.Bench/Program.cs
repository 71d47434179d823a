using BenchmarkDotNet.Running;
using Consultations.Bench.Run;
using Spectre.Console;

// `micro ...`: the BenchmarkDotNet micro benchmarks (domain fold, import and replay in-process; ADR 0035).
if (args.Length > 0 && args[0] == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(Consultations.Bench.DomainBenchmarks).Assembly).Run(args[1..]);
    return 0;
}

// Progress and the run log on stderr; the figures go to docs/benchmarks.md and .json.
var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
Options options;
try
{
    options = Options.Parse(args);
}
catch (ArgumentException e)
{
    console.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
    return 2;
}

return await new Suite(options, console).RunAsync();
