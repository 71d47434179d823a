using JasperFx.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Consultations.Host.Cli;

public class ReplayInput : AxesInput
{
    [Description("Only this cooperation field")]
    [FlagAlias("field")]
    public string? FieldFlag { get; set; }
}

[Description("Prints the cooperation fields' status replayed on both time axes: as recorded at an instant, as in effect on a day", Name = "replay")]
public sealed class ReplayCommand : JasperFxAsyncCommand<ReplayInput>
{
    public override async Task<bool> Execute(ReplayInput input)
    {
        using var host = input.BuildHost();
        return await PrintAsync(AnsiConsole.Console, host.Services.GetRequiredService<IDocumentStore>(), TimeProvider.System,
            input.RecordedAtFlag, input.EffectiveOnFlag, input.FieldFlag, CancellationToken.None);
    }

    public static async Task<bool> PrintAsync(IAnsiConsole console, IDocumentStore store, TimeProvider clock, string? recordedAt, string? effectiveOn, string? field, CancellationToken ct)
    {
        if (CliAxes.Read(console, recordedAt, effectiveOn, clock) is not { } axes) return false;

        await using var session = store.QuerySession();
        if (field is not null) return await PrintAsync(console, session, axes, Subject.Of(field: field), ct);

        // One dialogue at a time: a replay holds one dialogue's events, never the whole store's.
        foreach (var dialogue in await Subject.DialoguesAsync(session, ct))
        {
            console.MarkupLineInterpolated($"[bold]{dialogue}[/]");
            await PrintAsync(console, session, axes, Subject.Of(dialogue), ct);
        }

        return true;
    }

    private static async Task<bool> PrintAsync(IAnsiConsole console, IQuerySession session, Axes axes, Subject subject, CancellationToken ct)
    {
        var replay = await RecordAsOf.LoadAsync(session, axes, subject, ct);
        var fields = FieldStatuses.InOrder(replay.Fields().Values, subject);
        if (subject.Field is { } field && fields.Count == 0)
        {
            console.MarkupLineInterpolated($"[red]No cooperation field '{field}' is on record {axes}.[/]");
            return false;
        }

        var table = new Table().Title($"Cooperation fields, {axes} ({replay.Events.Count} events)")
            .AddColumns("Field", "Title", "Proposed", "Agreed", "In progress", "Fulfilled", "Lapsed", "Withdrawn", "Superseded", "Open items", "Last activity");
        foreach (var f in fields)
        {
            var c = f.Commitments;
            table.AddRow(Markup.Escape(f.Id), Markup.Escape(f.Title), $"{c.Proposed}", $"{c.Agreed}", $"{c.InProgress}", $"{c.Fulfilled}", $"{c.Lapsed}",
                $"{c.Withdrawn}", $"{c.Superseded}", $"{f.OpenActionItems}/{f.ActionItems}", f.LastActivityOn?.ToString() ?? "");
        }

        console.Write(table);
        if (subject.Field is not null) return true;

        // The rest of the world on those axes: which meetings, statements and commitments were on record.
        var meetings = new Table().Title($"Meetings, {axes}").AddColumns("Meeting", "Title", "Status", "Dates", "Place");
        foreach (var m in replay.Records<Domain.Meetings.Meeting>(Domain.Meetings.MeetingDecider.Evolve).OrderBy(m => m.Dates?.From.Earliest ?? DateOnly.MaxValue).ThenBy(m => m.Id, StringComparer.Ordinal))
            meetings.AddRow(Markup.Escape(m.Id), Markup.Escape(m.Title), Domain.Common.Words.Of(m.Status), m.Dates?.ToString() ?? "not yet fixed", Markup.Escape(m.Place));
        console.Write(meetings);
        var statements = replay.Records<Domain.JointStatements.JointStatement>(Domain.JointStatements.JointStatementDecider.Evolve);
        foreach (var s in statements.OrderBy(s => s.Id, StringComparer.Ordinal))
            console.MarkupLineInterpolated($"Statement {s.Id}: {s.Title}, {s.Clauses.Count} clauses, {(s.Adoption is { } a ? $"adopted {a.AdoptedOn}" : "not adopted")}");
        var commitments = replay.Records<Domain.Commitments.Commitment>(Domain.Commitments.CommitmentDecider.Evolve);
        console.MarkupLineInterpolated($"{statements.Count} statements, {commitments.Count} commitments on record {axes}.");
        return true;
    }
}
