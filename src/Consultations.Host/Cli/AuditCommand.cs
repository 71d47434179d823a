using JasperFx.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Consultations.Host.Cli;

public class AuditInput : NetCoreInput
{
    [Description("One record's id (a commitment, meeting, statement, plan, field or dialogue)")]
    [FlagAlias("record")]
    public string? RecordFlag { get; set; }

    [Description("Recorded from this instant or day")]
    [FlagAlias("from")]
    public string? FromFlag { get; set; }

    [Description("Recorded up to this instant or day")]
    [FlagAlias("to")]
    public string? ToFlag { get; set; }

    [Description("Print the entries as JSON, as GET /api/audit answers them")]
    [FlagAlias("json")]
    public bool JsonFlag { get; set; }
}

[Description("Prints the audit trail: each event with its effective date, recorded time, user, correlation id and reason", Name = "audit")]
public sealed class AuditCommand : JasperFxAsyncCommand<AuditInput>
{
    public override async Task<bool> Execute(AuditInput input)
    {
        using var host = input.BuildHost();
        return await PrintAsync(CliOutput.AnswerConsole(), host.Services.GetRequiredService<IDocumentStore>(), input.RecordFlag, input.FromFlag, input.ToFlag,
            CancellationToken.None, input.JsonFlag ? CliOutput.Answer : null);
    }

    /// <param name="json">Where to write the entries as JSON instead of a table; null prints the table.</param>
    public static async Task<bool> PrintAsync(IAnsiConsole console, IDocumentStore store, string? record, string? from, string? to, CancellationToken ct,
        TextWriter? json = null)
    {
        await using var session = store.QuerySession();
        IReadOnlyList<AuditEntry> entries;
        try
        {
            entries = await AuditTrail.ListAsync(record, from, to, session, ct);
        }
        catch (InvalidCommand e)
        {
            CliAxes.Refuse(console, e);
            return false;
        }
        catch (Domain.Common.RecordNotFound e)
        {
            CliOutput.MessagesFor(console).MarkupLineInterpolated($"[red]{e.Message}[/]");
            return false;
        }

        if (json is not null)
        {
            CliOutput.Json(json, entries);
            return true;
        }

        var table = new Table().Title($"Audit trail: {entries.Count} events")
            .AddColumns("Seq", "Record", "Ver", "Event", "Effective", "Recorded (UTC)", "User", "Correlation", "Reason");
        foreach (var e in entries)
        {
            var reason = e.Reason ?? "";
            if (e.Corrects is { } c) reason = $"corrects v{c.Version}: {reason}";
            if (e.CorrectedBy.Count > 0)
                reason = $"{reason} [corrected by {string.Join(", ", e.CorrectedBy.Select(id => entries.FirstOrDefault(x => x.EventId == id) is { } by ? $"#{by.Sequence}" : id.ToString()))}]".Trim();
            table.AddRow($"{e.Sequence}", Markup.Escape(e.Stream), $"{e.Version}", Markup.Escape(e.Kind), e.EffectiveOn ?? "", e.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"),
                Markup.Escape(e.User ?? ""), Markup.Escape(e.CorrelationId ?? ""), Markup.Escape(reason));
        }

        console.Write(table);
        return true;
    }
}
