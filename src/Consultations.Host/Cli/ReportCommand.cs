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

    [Description("html (default) or md")]
    [FlagAlias("format", 'f')]
    public string? FormatFlag { get; set; }
}

[Description("Writes the status report of a dialogue (the same document as GET /api/reports/status) to a file", Name = "report")]
public sealed class ReportCommand : JasperFxAsyncCommand<ReportInput>
{
    public override async Task<bool> Execute(ReportInput input)
    {
        using var host = input.BuildHost();
        return await WriteAsync(AnsiConsole.Console, host.Services, TimeProvider.System, input, CancellationToken.None);
    }

    public static async Task<bool> WriteAsync(IAnsiConsole console, IServiceProvider services, TimeProvider clock, ReportInput input, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.OutFlag))
        {
            console.MarkupLine("[red]Say where to write the report:[/] report --out status.html");
            return false;
        }

        ReportFormat format;
        Axes axes;
        try
        {
            format = ReportFormats.Read(input.FormatFlag ?? (input.OutFlag.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? "md" : "html"));
            axes = Axes.Read(input.RecordedAtFlag, input.EffectiveOnFlag, clock);
        }
        catch (InvalidCommand e)
        {
            CliAxes.Refuse(console, e);
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
        var report = await scope.ServiceProvider.GetRequiredService<StatusReportBuilder>().BuildAsync(input.DialogueFlag, axes, ct);
        var text = format == ReportFormat.Markdown ? ReportDocument.Markdown(report) : ReportDocument.Html(report);
        var path = Path.GetFullPath(input.OutFlag);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text, new System.Text.UTF8Encoding(false), ct);
        console.MarkupLineInterpolated($"[green]Wrote the status report of {report.Dialogue.Id}, {axes}, to {path}[/] ({text.Length:N0} characters).");
        return true;
    }
}
