using JasperFx.CommandLine;
using Spectre.Console;

namespace Consultations.Host.Cli;

/// <summary>The two time axes, as every replaying command takes them.</summary>
public abstract class AxesInput : NetCoreInput
{
    [Description("The record as it stood at this instant (ISO-8601 with an offset, e.g. 2026-06-01T12:00:00Z)")]
    [FlagAlias("recorded-at")]
    public string? RecordedAtFlag { get; set; }

    [Description("The world as it was on this day (yyyy-MM-dd), according to the record")]
    [FlagAlias("effective-on")]
    public string? EffectiveOnFlag { get; set; }
}

public static class CliAxes
{
    /// <summary>Reads the axes, or prints the refusal (the parameter and why) and answers null.</summary>
    public static Axes? Read(IAnsiConsole console, string? recordedAt, string? effectiveOn, TimeProvider clock)
    {
        try
        {
            return Axes.Read(recordedAt, effectiveOn, clock);
        }
        catch (InvalidCommand e)
        {
            Refuse(console, e);
            return null;
        }
    }

    public static void Refuse(IAnsiConsole console, InvalidCommand e) =>
        console.MarkupLineInterpolated($"[red]{e.Errors.First().Key}:[/] {e.Errors.First().Value.First()}");
}
