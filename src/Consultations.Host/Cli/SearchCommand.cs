using Consultations.Host.Search;
using JasperFx.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Consultations.Host.Cli;

public class SearchInput : AxesInput
{
    [Description("What to search for: every word must match the start of a word, case and accents aside")]
    public string Query { get; set; } = "";

    [Description("Only this kind: commitment, preamble, clause, outcome, decision, action-item, document, meeting, milestone")]
    [FlagAlias("kind")]
    public string? KindFlag { get; set; }

    [Description("Only this cooperation field")]
    [FlagAlias("field")]
    public string? FieldFlag { get; set; }

    [Description("Only this dialogue")]
    [FlagAlias("dialogue")]
    public string? DialogueFlag { get; set; }
}

[Description("Searches commitments, clauses, meeting outcomes and decisions, action items and documents, best match first (as GET /api/search)", Name = "search")]
public sealed class SearchCommand : JasperFxAsyncCommand<SearchInput>
{
    public override async Task<bool> Execute(SearchInput input)
    {
        using var host = input.BuildHost();
        return await PrintAsync(CliOutput.AnswerConsole(), host.Services.GetRequiredService<IDocumentStore>(), TimeProvider.System, input, catchUp: true, CancellationToken.None);
    }

    public static async Task<bool> PrintAsync(IAnsiConsole console, IDocumentStore store, TimeProvider clock, SearchInput input, bool catchUp, CancellationToken ct)
    {
        if (CliAxes.Read(console, input.RecordedAtFlag, input.EffectiveOnFlag, clock) is not { } axes) return false;
        SearchRequest request;
        try
        {
            request = SearchRequest.Read(input.Query, input.KindFlag, input.FieldFlag, input.DialogueFlag);
        }
        catch (InvalidCommand e)
        {
            CliAxes.Refuse(console, e);
            return false;
        }

        if (axes.IsNow && catchUp)
        {
            // The index is an async projection: bring it up to the last event first, as the report command does.
            using var daemon = await store.BuildProjectionDaemonAsync();
            await daemon.CatchUpAsync(TimeSpan.FromMinutes(5), ct);
        }

        await using var session = store.QuerySession();
        var results = await SearchQueries.FindAsync(session, request, axes, ct);
        var table = new Table().Title($"'{Markup.Escape(input.Query)}': {results.Count} results, {axes}").AddColumns("Rank", "Kind", "Record", "Id", "Snippet");
        foreach (var r in results)
            table.AddRow($"{r.Rank:0.000}", r.Kind, Markup.Escape(r.RecordId), Markup.Escape(r.Id), Markup.Escape(r.Snippet));
        console.Write(table);
        return true;
    }
}
