using Consultations.Host.Reports;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Consultations.Host.Cli;

public class ReportInput : NetCoreInput
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
        if (string.IsNullOrWhiteSpace(input.OutFlag))
        {
            AnsiConsole.MarkupLine("[red]Say where to write the report:[/] report --out status.html");
            return false;
        }

        var format = ReportFormats.Read(input.FormatFlag ?? (input.OutFlag.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? "md" : "html"));
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        // The service's daemon may be behind or not running: bring the reporting projections up to date first.
        using (var daemon = await store.BuildProjectionDaemonAsync())
        {
            await daemon.CatchUpAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
        }

        await using var scope = host.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<StatusReportBuilder>().BuildAsync(input.DialogueFlag, CancellationToken.None);
        var text = format == ReportFormat.Markdown ? ReportDocument.Markdown(report) : ReportDocument.Html(report);
        var path = Path.GetFullPath(input.OutFlag);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text, new System.Text.UTF8Encoding(false));
        AnsiConsole.MarkupLineInterpolated($"[green]Wrote the status report of {report.Dialogue.Id} to {path}[/] ({text.Length:N0} characters).");
        return true;
    }
}
