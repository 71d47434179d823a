using Consultations.Projections.Rebuilding;
using JasperFx.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Consultations.Host.Cli;

public class ViewsInput : NetCoreInput
{
    [Description("What to do: rebuild (every view, inline and async, from the events, in bulk)")]
    public string Action { get; set; } = "";

    [Description("Print the result as JSON: {events, streams, documents, rows, highWaterMark, seconds, eventsPerSecond, projections, phases}")]
    [FlagAlias("json")]
    public bool JsonFlag { get; set; }
}

[Description("views rebuild: rebuilds every projection from the events in bulk (one ordered read, the projections' own folds, COPY), and sets their progress; run it with the service stopped", Name = "views")]
public sealed class ViewsCommand : JasperFxAsyncCommand<ViewsInput>
{
    public override async Task<bool> Execute(ViewsInput input)
    {
        if (!input.Action.Equals("rebuild", StringComparison.OrdinalIgnoreCase))
            return CliOutput.Usage("Unknown action: use `views rebuild`.");

        using var host = input.BuildHost();
        var rebuild = new BulkRebuild(host.Services.GetRequiredService<IDocumentStore>());
        BulkRebuildResult? result = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Rebuilding the views");
                var progress = new Progress<(long Done, long Total)>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = $"Rebuilding the views: {p.Done:N0} of {p.Total:N0} events";
                });
                result = await rebuild.RunAsync(progress, CancellationToken.None);
                task.Value = task.MaxValue;
            });

        var seconds = result!.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? result.Events / seconds : 0;
        if (input.JsonFlag)
            CliOutput.Json(CliOutput.Answer, new
            {
                events = result.Events, streams = result.Streams, documents = result.Documents, rows = result.Rows,
                highWaterMark = result.HighWaterMark, seconds, eventsPerSecond = rate, projections = result.Projections,
                phases = result.Phases.ToDictionary(p => p.Key, p => Math.Round(p.Value.TotalSeconds, 2)),
            });
        else
            CliOutput.AnswerConsole().MarkupLineInterpolated(
                $"[green]Rebuilt {result.Projections.Count} projections from {result.Events:N0} events ({result.Streams:N0} records) in {seconds:0.0} s ({rate:N0} events/s): {result.Documents:N0} documents, {result.Rows:N0} table rows; progress set to {result.HighWaterMark}.[/]");
        return true;
    }
}
