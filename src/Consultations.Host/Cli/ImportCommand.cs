using Consultations.Host.RecordFiles;
using JasperFx.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Consultations.Host.Cli;

public class ImportInput : NetCoreInput
{
    [Description("The record file to import (format consultations-record/1, see the README)")]
    public string File { get; set; } = "";

    [Description("Who is recording, stored with every event (default: the OS user)")]
    [FlagAlias("as", 'a')]
    public string? AsFlag { get; set; }

    [Description("Print the result as JSON: {imported, file, steps, stepsThatChangedTheRecord, eventsAppended}, or {imported: false, error, file, line, field} when the file is refused")]
    [FlagAlias("json")]
    public bool JsonFlag { get; set; }
}

[Description("Imports a dialogue's record file through the same commands as the API; importing it again changes nothing", Name = "import")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    public override async Task<bool> Execute(ImportInput input) =>
        await RecordFileRun.ImportAsync(input, input.File, input.AsFlag ?? Environment.UserName, input.JsonFlag);
}

public class SeedInput : NetCoreInput;

[Description("Imports the bundled Japan–Italy space cooperation record (data/japan-italy-space.yaml)", Name = "seed")]
public sealed class SeedCommand : JasperFxAsyncCommand<SeedInput>
{
    public override async Task<bool> Execute(SeedInput input) =>
        await RecordFileRun.ImportAsync(input, RecordImporter.BundledRecordPath, "seed");
}

public static class RecordFileRun
{
    public static async Task<bool> ImportAsync(NetCoreInput input, string path, string recordedBy, bool json = false)
    {
        if (!System.IO.File.Exists(path)) return CliOutput.Usage($"No such file: {path}");

        using var host = input.BuildHost();
        var importer = host.Services.GetRequiredService<RecordImporter>();
        try
        {
            ImportResult? result = null;
            await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"Importing {Path.GetFileName(path)}");
                    var progress = new Progress<(int Done, int Total, string Step)>(p =>
                    {
                        task.MaxValue = p.Total;
                        task.Value = p.Done;
                        task.Description = $"Importing {Path.GetFileName(path)}: {p.Step}";
                    });
                    result = await importer.ImportAsync(path, recordedBy, progress, CancellationToken.None);
                    task.Value = task.MaxValue;
                    task.Description = $"Imported {Path.GetFileName(path)}";
                });
            if (json)
                CliOutput.Json(CliOutput.Answer, new { imported = true, file = path, steps = result!.Steps, stepsThatChangedTheRecord = result.StepsThatChangedTheRecord, eventsAppended = result.EventsAppended });
            else
                CliOutput.AnswerConsole().MarkupLineInterpolated(
                $"[green]{result!.Steps} steps read; {result.StepsThatChangedTheRecord} changed the record ({result.EventsAppended} events appended); the rest were already on record.[/]");
            return true;
        }
        catch (RecordFileError e)
        {
            // The message quotes the file with every control character escaped (RecordFileError), so it cannot drive the terminal.
            if (json) CliOutput.Json(CliOutput.Answer, Refusal(e));
            else AnsiConsole.MarkupLineInterpolated($"[red]Refused, nothing was stored:[/] {e.Message}");
            return false;
        }
    }

    /// <summary>What <c>import --json</c> prints for a refused file (exit code 1).</summary>
    public static object Refusal(RecordFileError e) =>
        new { imported = false, error = e.Message, file = TextRules.Escaped(e.File), line = e.Line, field = e.Field };
}
