using System.Text.Json;
using Spectre.Console;

namespace Consultations.Host.Cli;

/// <summary>
/// What a command prints: its answer alone on stdout (a table, a token, or JSON with <c>--json</c>), never wrapped
/// when piped; progress, logs and the command line's own chatter on stderr. Exit codes: 0 fine, 1 the command ran and
/// found a failure (a broken ledger, a refused file, a record not found), 2 bad usage (ADR 0034).
/// </summary>
public static class CliOutput
{
    public const int Failed = 1;
    public const int BadUsage = 2;

    private static TextWriter? stdout;

    /// <summary>An exit code a command chose (2 for bad usage); null leaves JasperFx's 0 or 1.</summary>
    public static int? ExitCode { get; set; }

    /// <summary>
    /// Called first thing: for a command (anything but running the service), everything written to the console from now
    /// on goes to stderr — logs, "Searching … for commands", progress bars — except what <see cref="Answer"/> writes.
    /// </summary>
    public static void Begin(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Equals("run", StringComparison.OrdinalIgnoreCase)) return;
        stdout = Console.Out;
        Console.SetOut(Console.Error);
    }

    /// <summary>Where a command's answer goes: the real stdout.</summary>
    public static TextWriter Answer => stdout ?? Console.Out;

    /// <summary>A console over <see cref="Answer"/>; piped, as wide as a line needs (no wrapping at 80 columns) and without colours.</summary>
    public static IAnsiConsole AnswerConsole()
    {
        if (answerConsole is not null) return answerConsole;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Answer),
            Interactive = Console.IsOutputRedirected ? InteractionSupport.No : InteractionSupport.Detect,
            ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (Console.IsOutputRedirected) console.Profile.Width = 10_000;
        return answerConsole = console;
    }

    private static IAnsiConsole? answerConsole;

    /// <summary>Where a message about <paramref name="console"/>'s command goes: stderr when that is the answer console, else that console (tests record it).</summary>
    public static IAnsiConsole MessagesFor(IAnsiConsole console) => ReferenceEquals(console, answerConsole) ? Errors : console;

    /// <summary>Messages and progress: stderr.</summary>
    public static IAnsiConsole Errors => AnsiConsole.Console;

    /// <summary>The answer as one line of JSON (the API's conventions: camelCase, kebab-case enums).</summary>
    public static void Json(TextWriter to, object value) => to.WriteLine(JsonSerializer.Serialize(value, JsonConventions.Options));

    /// <summary>Says what was wrong with the command line (stderr) and sets exit code 2.</summary>
    public static bool Usage(string message)
    {
        ExitCode = BadUsage;
        Errors.MarkupLine($"[red]{Markup.Escape(message)}[/]");
        return false;
    }
}
