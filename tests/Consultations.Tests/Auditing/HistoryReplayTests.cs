using Consultations.Host.Cli;
using Spectre.Console;

namespace Consultations.Tests.Auditing;

/// <summary>
/// The bundled Japan–Italy record replayed at the dates of its own history: each day shows exactly the meetings,
/// statement, fields and commitments that existed then, on every replaying route and in the CLI. The summits' and the
/// first consultations' arrangement dates are unknown: they count from the day they were held, not the import day.
/// </summary>
public class HistoryReplayTests(AppFixture fixture) : AuditingContext(fixture)
{

    public sealed record World(string Day, string[] Meetings, string[] Statements, int Fields, int Commitments, bool Dialogue);

    public static TheoryData<World> Days =>
    [
        new("2026-01-15", [], [], 0, 0, false),
        new("2026-01-16", [TokyoSummit], [], 0, 0, true),
        new("2026-05-29", [TokyoSummit, FirstConsultations], [], 0, 0, true),
        new("2026-06-14", [TokyoSummit, FirstConsultations], [], 0, 0, true),
        new("2026-06-15", [TokyoSummit, FirstConsultations, RomeSummit, SecondConsultations], [StatementId], 10, 23, true),
    ];

    private async Task<JsonArray> ListAsync(string url)
    {
        var (status, body) = await GetAsync(url);
        Assert.True(status == 200, $"{url}: {status} {body?.ToJsonString()}");
        return body!.AsArray();
    }

    private static string[] Ids(JsonArray list, string member = "id") => [.. list.Select(x => x![member]!.GetValue<string>()).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Each_day_of_the_record_shows_what_existed_then(World world)
    {
        await SeedAsync();
        var on = $"effectiveOn={world.Day}";
        var meetings = world.Meetings.Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(meetings, Ids(await ListAsync($"/api/meetings?{on}")));
        Assert.Equal(meetings, Ids(await ListAsync($"/api/timeline?kind=meeting&{on}"), "recordId"));
        Assert.Equal(world.Statements, Ids(await ListAsync($"/api/statements?{on}")));
        Assert.Equal(world.Fields, (await ListAsync($"/api/fields?{on}")).Count);
        Assert.Equal(world.Commitments, (await ListAsync($"/api/commitments?{on}")).Count);
        Assert.Equal(world.Dialogue ? 1 : 0, (await ListAsync($"/api/dialogues?{on}")).Count);
        // The action plan (2024) predates the whole record.
        Assert.Single(await ListAsync($"/api/action-plans?{on}"));

        foreach (var meeting in new[] { TokyoSummit, FirstConsultations, RomeSummit, SecondConsultations })
            Assert.Equal(world.Meetings.Contains(meeting) ? 200 : 404, (await GetAsync($"/api/meetings/{meeting}?{on}")).Status);
        Assert.Equal(world.Statements.Length > 0 ? 200 : 404, (await GetAsync($"/api/statements/{StatementId}?{on}")).Status);
        Assert.Equal(world.Fields > 0 ? 200 : 404, (await GetAsync($"/api/fields/JPIT-06?{on}")).Status);
        Assert.Equal(world.Commitments > 0 ? 200 : 404, (await GetAsync($"/api/commitments/jpit-06-solar-c?{on}")).Status);

        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 240;
        Assert.True(await ReplayCommand.PrintAsync(console, Store, TimeProvider.System, null, world.Day, null, CancellationToken.None));
        var printed = output.ToString();
        foreach (var meeting in new[] { TokyoSummit, FirstConsultations, RomeSummit, SecondConsultations })
            Assert.Equal(world.Meetings.Contains(meeting), printed.Contains(meeting, StringComparison.Ordinal));
        Assert.Equal(world.Fields > 0, printed.Contains("JPIT-10", StringComparison.Ordinal));
        Assert.Contains($"{world.Statements.Length} statements, {world.Commitments} commitments on record", printed);
    }

    [Fact]
    public async Task Held_meetings_are_held_on_the_days_after_they_were_held_and_the_statement_is_adopted_from_15_June()
    {
        await SeedAsync();

        var (_, tokyo) = await GetAsync($"/api/meetings/{TokyoSummit}?effectiveOn=2026-01-16");
        Assert.Equal("held", tokyo!["status"]!.GetValue<string>());
        var (_, rome) = await GetAsync($"/api/meetings/{RomeSummit}?effectiveOn=2026-07-01");
        Assert.Equal("held", rome!["status"]!.GetValue<string>());
        var (_, statement) = await GetAsync($"/api/statements/{StatementId}?effectiveOn=2026-06-15");
        Assert.Equal(10, statement!["clauses"]!.AsArray().Count);
        Assert.NotNull(statement["adoption"]);

        // Not in effect yet is not the same as never recorded: the refusal names the axes.
        var (status, problem) = await GetAsync($"/api/meetings/{RomeSummit}?effectiveOn=2026-06-14");
        Assert.Equal(404, status);
        Assert.Contains("as in effect on 2026-06-14", problem!["detail"]!.GetValue<string>());

        var timeline = await ListAsync("/api/timeline?effectiveOn=2026-06-01");
        Assert.Equal(["action-plan-2024-2027", TokyoSummit, FirstConsultations], timeline.Select(x => x!["recordId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_register_as_it_stood_on_30_June_downloads_as_a_file_that_names_its_axes()
    {
        await SeedAsync();
        var before = DateTimeOffset.UtcNow.ToString("O");
        await PostAsync("/api/commitments/jpit-06-solar-c/status", new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Delivered." });

        var result = await Host.Scenario(x => x.Get.Url($"/api/commitments?effectiveOn=2026-06-30&recordedAt={Uri.EscapeDataString(before)}&format=csv"));
        var headers = result.Context.Response.Headers;
        Assert.StartsWith("recordedAt=", headers["X-Record-Axes"].ToString());
        Assert.EndsWith("; effectiveOn=2026-06-30", headers["X-Record-Axes"].ToString());
        Assert.Contains("-effective-2026-06-30.csv", headers.ContentDisposition.ToString());
        var csv = await result.ReadAsTextAsync();
        Assert.Contains("jpit-06-solar-c", csv);
        Assert.DoesNotContain("fulfilled", csv);

        var now = await Host.Scenario(x => x.Get.Url("/api/commitments"));
        Assert.False(now.Context.Response.Headers.ContainsKey("X-Record-Axes"));
    }
}
