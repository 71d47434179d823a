using Consultations.Host.Cli;
using Consultations.Host.Reports;
using Consultations.Tests.Reading;
using Spectre.Console;

namespace Consultations.Tests.Reporting;

/// <summary>
/// The reports on the auditor's two time axes, replayed from the events: the Japan–Italy record made its statement and
/// 23 commitments on 15 June 2026 at the Rome summit; the first consultations were held on 28–29 May.
/// </summary>
public class ReportReplayTests(AppFixture fixture) : ReportingContext(fixture)
{
    private const string SolarC = "jpit-06-solar-c";

    private static string Instant() => Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"));

    private static JsonNode Row(JsonNode rows, string id) => rows.AsArray().Single(r => r!["id"]!.GetValue<string>() == id)!;

    [Theory]
    [InlineData("2026-06-14", 0, null)]
    [InlineData("2026-06-15", 23, 0)]
    [InlineData("2026-06-30", 23, 15)]
    public async Task The_register_as_in_effect_on_a_day_counts_days_in_status_to_that_day(string day, int rows, int? solarCDays)
    {
        await SeedAsync();

        var answer = await FetchAsync($"/api/reports/commitment-register?effectiveOn={day}");

        Assert.Equal(200, answer.Status);
        Assert.Equal(rows, answer.Json.AsArray().Count);
        if (solarCDays is { } days) Assert.Equal(days, Row(answer.Json, SolarC)["daysInStatus"]!.GetValue<int>());
        // Replayed from the events, the answer is current by construction: no projection sequence to report.
        Assert.Equal("true", answer.Header(ProjectionFreshness.CurrentHeader));
        Assert.Equal("", answer.Header(ProjectionFreshness.SequenceHeader));
    }

    [Fact]
    public async Task A_status_change_recorded_now_shows_neither_before_it_was_recorded_nor_before_it_took_effect()
    {
        await SeedAsync();
        var before = Instant();
        Assert.Equal(200, (await SendAsync($"/api/commitments/{SolarC}/status", new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Delivered." })).Status);
        await CaughtUpAsync();

        foreach (var (query, status) in new[]
                 {
                     ($"recordedAt={before}", "in-progress"),
                     ($"recordedAt={before}&field=JPIT-06", "in-progress"),
                     ("effectiveOn=2026-08-01", "in-progress"),
                     ("effectiveOn=2026-09-01", "fulfilled"),
                     ("", "fulfilled"),
                 })
        {
            var rows = (await FetchAsync($"/api/reports/commitment-register?{query}")).Json;
            Assert.True(Row(rows, SolarC)["status"]!.GetValue<string>() == status, $"?{query}: {Row(rows, SolarC).ToJsonString()}");
        }
    }

    [Fact]
    public async Task Meeting_records_as_in_effect_before_and_on_the_Rome_summit()
    {
        await SeedAsync();

        var before = (await FetchAsync($"/api/reports/meetings?dialogue={DialogueId}&effectiveOn=2026-06-14")).Json.AsArray();
        var on = (await FetchAsync($"/api/reports/meetings?dialogue={DialogueId}&effectiveOn=2026-06-15")).Json.AsArray();

        var ids = before.Select(m => Text(m, "id")).ToList();
        Assert.Contains(TokyoSummit, ids);
        Assert.Contains(FirstConsultations, ids);
        Assert.DoesNotContain(RomeSummit, ids);
        Assert.Equal("held", Text(before.Single(m => Text(m, "id") == FirstConsultations), "status"));
        var rome = on.Single(m => Text(m, "id") == RomeSummit)!;
        Assert.Equal("held", Text(rome, "status"));
        Assert.Equal(JapanItalyRecord.StatementTitle, Text(Assert.Single(rome["statementsAdopted"]!.AsArray()), "title"));
        Assert.Equal(JapanItalyRecord.CommitmentCount, rome["commitmentCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Each_report_replayed_now_equals_what_its_projection_holds()
    {
        await SeedAsync();
        await SendAsync($"/api/commitments/{SolarC}/status", new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Delivered." });
        await SendAsync($"/api/action-plans/{PlanId}/items", new { itemId = "a", fieldCode = "JPIT-08", text = "SSA data.", effectiveOn = "2026-07-01" });
        await SendAsync($"/api/action-plans/{PlanId}/items/a/completion", new { note = "Done.", effectiveOn = "2026-09-01" });
        await CaughtUpAsync();
        var now = Instant();

        foreach (var route in new[] { "/api/reports/commitment-register", $"/api/reports/meetings?dialogue={DialogueId}", "/api/reports/action-plans" })
        {
            var separator = route.Contains('?') ? '&' : '?';
            var stored = await FetchAsync(route);
            var replayed = await FetchAsync($"{route}{separator}recordedAt={now}");
            Assert.Equal(200, replayed.Status);
            Assert.NotEmpty(stored.Json.AsArray());
            Assert.Equal(stored.Text, replayed.Text);
        }
    }

    [Theory]
    [InlineData("2026-06-14", "md", "- **0** commitments: 0 open, 0 fulfilled")]
    [InlineData("2026-06-14", "html", "<b>0</b><span>commitments")]
    [InlineData("2026-06-30", "md", "| JPIT-06 Solar Activity and solar physics | active |")]
    public async Task The_status_report_replayed_on_a_day_names_its_axes(string day, string format, string expected)
    {
        await SeedAsync();

        var answer = await FetchAsync($"/api/reports/status?dialogue={DialogueId}&effectiveOn={day}&format={format}");

        Assert.Equal(200, answer.Status);
        Assert.Contains($"as in effect on {day}, replayed from its events", answer.Text);
        Assert.Contains($"status on {day}", answer.Text);
        Assert.Contains(expected, answer.Text);
        Assert.DoesNotContain("Reflects every event recorded", answer.Text);
    }

    [Fact]
    public async Task The_register_exports_as_csv_on_a_day_and_refuses_a_future_instant()
    {
        await SeedAsync();

        var answer = await FetchAsync("/api/reports/commitment-register?format=csv&effectiveOn=2026-06-15");

        Assert.Equal(200, answer.Status);
        Assert.StartsWith("text/csv", answer.ContentType);
        var (header, rows) = ParseCsv(answer.Bytes);
        Assert.Contains("daysInStatus", header);
        Assert.Equal(JapanItalyRecord.CommitmentCount, rows.Count);
        Assert.All(rows, r => Assert.Equal("0", r["daysInStatus"]));
        Assert.Equal(400, (await FetchAsync("/api/reports/meetings?recordedAt=2999-01-01T00:00:00Z")).Status);
    }

    [Fact]
    public async Task The_report_command_writes_the_report_as_in_effect_on_a_day()
    {
        await SeedAsync();
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.md");
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 240;
        try
        {
            Assert.True(await ReportCommand.WriteAsync(console, Host.Services, TimeProvider.System, new ReportInput { OutFlag = path, EffectiveOnFlag = "2026-06-14" }, CancellationToken.None));
            var text = await File.ReadAllTextAsync(path);
            Assert.StartsWith("# Japan–Italy space cooperation", text);
            Assert.Contains("as in effect on 2026-06-14, replayed from its events", text);
            Assert.Contains("- **0** commitments", text);

            Assert.False(await ReportCommand.WriteAsync(console, Host.Services, TimeProvider.System, new ReportInput { OutFlag = path, EffectiveOnFlag = "2026-13-01" }, CancellationToken.None));
            Assert.Contains("effectiveOn:", output.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
