using Consultations.Host.Reports;
using JasperFx.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Consultations.Host.Cli;

public class ReportInput : AxesInput
{
    [Description("Where to write the report")]
    [FlagAlias("out", 'o')]
    public string OutFlag { get; set; } = "";

    [Description("The dialogue (default: the only one on record)")]
    [FlagAlias("dialogue", 'd')]
    public string? DialogueFlag { get; set; }

    [Description("html (default), md, pdf (printed by the system Chromium) or docx; by default taken from the --out file's extension")]
    [FlagAlias("format", 'f')]
    public string? FormatFlag { get; set; }

    [Description("The first day of the report's \"changes since\" section (yyyy-MM-dd; default 90 days before the day viewed)")]
    [FlagAlias("since")]
    public string? SinceFlag { get; set; }
}

[Description("Writes the status report of a dialogue (the same document as GET /api/reports/status) to a file", Name = "report")]
public sealed class ReportCommand : JasperFxAsyncCommand<ReportInput>
{
    public override async Task<bool> Execute(ReportInput input)
    {
        using var host = input.BuildHost();
        return await WriteAsync(CliOutput.AnswerConsole(), host.Services, TimeProvider.System, input, CancellationToken.None);
    }

    /// <summary>What <c>report --json</c> prints: where the report went and what it is.</summary>
    public sealed record ReportWritten(string DialogueId, string Axes, string Format, string MediaType, string Path, long Bytes);

    public static async Task<bool> WriteAsync(IAnsiConsole console, IServiceProvider services, TimeProvider clock, ReportInput input, CancellationToken ct)
    {
        var messages = CliOutput.MessagesFor(console);
        if (string.IsNullOrWhiteSpace(input.OutFlag)) return Usage(messages, "Say where to write the report: report --out status.html (or .md, .pdf, .docx)");

        ReportFormat format;
        Axes axes;
        DateOnly? since;
        try
        {
            format = input.FormatFlag is null ? ReportFormats.OfFile(input.OutFlag) : ReportFormats.Read(input.FormatFlag);
            axes = Axes.Read(input.RecordedAtFlag, input.EffectiveOnFlag, clock);
            since = Axes.Day("since", input.SinceFlag, clock);
        }
        catch (InvalidCommand e)
        {
            CliAxes.Refuse(console, e);
            return false;
        }

        var printer = services.GetRequiredService<ReportPrinter>();
        if (format == ReportFormat.Pdf && printer.Chromium() is null)
        {
            messages.MarkupLine("[red]Printing to PDF needs Chromium, which is not installed here[/] (Debian/Ubuntu: apt-get install chromium; or set Consultations:Reporting:Chromium). Write --format html and print it from a browser.");
            return false;
        }

        if (axes.IsNow)
        {
            // The service's daemon may be behind or not running: bring the reporting projections up to date first.
            // A replay on the axes reads the events themselves and needs no projection.
            using var daemon = await services.GetRequiredService<IDocumentStore>().BuildProjectionDaemonAsync();
            await daemon.CatchUpAsync(TimeSpan.FromMinutes(5), ct);
        }

        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<StatusReportBuilder>().BuildAsync(input.DialogueFlag, axes, ct, since);
        var (bytes, mediaType) = await StatusReportEndpoint.RenderAsync(report, format, printer, ct);
        var path = Path.GetFullPath(input.OutFlag);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes, ct);
        if (input.JsonFlag)
            CliOutput.Json(CliOutput.Answer, new ReportWritten(report.Dialogue.Id, axes.ToString(), format.ToString().ToLowerInvariant(), mediaType.Split(';')[0], path, bytes.LongLength));
        else
            console.MarkupLineInterpolated($"Wrote the status report of {report.Dialogue.Id}, {axes}, to {path} ({bytes.Length:N0} bytes).");
        return true;
    }

    private static bool Usage(IAnsiConsole messages, string text)
    {
        CliOutput.ExitCode = CliOutput.BadUsage;
        messages.MarkupLine($"[red]{Markup.Escape(text)}[/]");
        return false;
    }
}
