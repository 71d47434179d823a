using Consultations.Host.Cli;
using Consultations.Host.Reports;
using Consultations.Tests.Reading;
using Spectre.Console;

namespace Consultations.Tests.Reporting;

/// <summary>
/// The reports over the bundled record, imported once for the class: the register, meeting records, field health and the
/// status report as they stand, and as in effect on the days of the record's history (replayed from its events).
/// Reports after a change are in <see cref="ReportEndpointTests"/> and <see cref="ReportReplayTests"/>.
/// </summary>
public class ReportReadTests(AppFixture fixture) : ReportingContext(fixture)
{
    private const string SolarC = "jpit-06-solar-c";

    protected override bool SharesRecord => true;

    protected override Task ArrangeSharedAsync() => SeedAndCatchUpAsync();

    private static JsonNode Row(JsonNode rows, string id) => rows.AsArray().Single(r => r!["id"]!.GetValue<string>() == id)!;

    [Fact]
    public async Task The_commitment_register_lists_every_commitment_with_its_status_dates_and_days_in_status()
    {
        var answer = await FetchAsync("/api/reports/commitment-register");

        Assert.Equal(200, answer.Status);
        var rows = answer.Json.AsArray();
        Assert.Equal(JapanItalyRecord.CommitmentCount, rows.Count);
        Assert.Equal("23", answer.Header("X-Total-Count"));
        var solarC = rows.Single(r => Text(r, "id") == "jpit-06-solar-c")!;
        Assert.Equal("in-progress", Text(solarC, "status"));
        Assert.Equal("2026-06-15", Text(solarC, "statusSince"));
        Assert.Equal("2026-06-15", solarC["statusDates"]!["inProgressOn"]!.GetValue<string>());
        Assert.Null(solarC["statusDates"]!["fulfilledOn"]);
        var expectedDays = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - new DateOnly(2026, 6, 15).DayNumber;
        Assert.Equal(expectedDays, solarC["daysInStatus"]!.GetValue<int>());
        Assert.Equal("Solar Activity and solar physics", Text(solarC, "fieldTitle"));
        Assert.Equal("clause", solarC["source"]!["kind"]!.GetValue<string>());
        Assert.Equal("/api/commitments/jpit-06-solar-c", Text(solarC, "link"));
    }
    [Fact]
    public async Task Meeting_records_give_each_meeting_its_outcome_statements_and_commitments()
    {
        var meetings = (await FetchAsync($"/api/reports/meetings?dialogue={JapanItalyRecord.DialogueId}")).Json.AsArray();

        Assert.Equal([TokyoSummit, FirstConsultations, RomeSummit, SecondConsultations], meetings.Select(m => Text(m, "id")));
        var rome = meetings.Single(m => Text(m, "id") == RomeSummit)!;
        Assert.Equal("held", Text(rome, "status"));
        Assert.False(string.IsNullOrWhiteSpace(Text(rome, "outcome")));
        var statement = Assert.Single(rome["statementsAdopted"]!.AsArray())!;
        Assert.Equal(StatementId, Text(statement, "id"));
        Assert.Equal(JapanItalyRecord.StatementTitle, Text(statement, "title"));
        Assert.Equal(JapanItalyRecord.CommitmentCount, rome["commitmentCount"]!.GetValue<int>());
        Assert.Contains(PlanId, rome["plansReaffirmed"]!.AsArray().Select(p => p!.GetValue<string>()));
        var second = meetings.Single(m => Text(m, "id") == SecondConsultations)!;
        Assert.Equal("scheduled", Text(second, "status"));
        Assert.Equal("not yet fixed", Text(second, "date"));
        Assert.Equal(0, second["commitmentCount"]!.GetValue<int>());
    }
    [Fact]
    public async Task Fields_say_their_health_and_days_since_last_activity()
    {
        var fields = (await FetchAsync("/api/fields")).Json.AsArray();

        // The seeded fields last moved on 15 June 2026; the default is stalled after 180 days.
        var days = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - new DateOnly(2026, 6, 15).DayNumber;
        Assert.All(fields, f => Assert.Equal(days, f!["daysSinceLastActivity"]!.GetValue<int>()));
        Assert.All(fields, f => Assert.Equal(days > 180 ? "stalled" : "active", Text(f, "health")));
    }
    [Fact]
    public async Task Reading_a_report_view_says_which_event_it_reflects()
    {
        var events = await EventCountAsync();

        var answer = await FetchAsync("/api/reports/commitment-register");

        Assert.Equal(answer.Header("X-Event-Sequence"), answer.Header("X-Projection-Sequence"));
        Assert.True(long.Parse(answer.Header("X-Projection-Sequence"), System.Globalization.CultureInfo.InvariantCulture) >= events);
        Assert.Equal("true", answer.Header("X-Projection-Current"));
        Assert.True(DateTimeOffset.TryParse(answer.Header("X-Projection-As-Of"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));
        var freshness = (await FetchAsync("/api/reports/freshness")).Json.AsArray();
        Assert.Equal(["CommitmentRegister", "CommitmentRegisterTable", "MeetingRecord", "ActionPlanProgress", "SearchIndex"], freshness.Select(f => Text(f, "projection")));
        Assert.All(freshness, f => Assert.True(f!["isCurrent"]!.GetValue<bool>()));
    }
    [Fact]
    public async Task The_status_report_is_an_html_page_with_both_charts()
    {
        var answer = await FetchAsync("/api/reports/status");

        Assert.Equal(200, answer.Status);
        Assert.StartsWith("text/html", answer.ContentType);
        var html = answer.Text;
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("Commitments by status in each cooperation field", html);
        Assert.Contains("Timeline of the dialogue", html);
        Assert.Equal(2, html.Split("<svg ").Length - 1);
        foreach (var title in JapanItalyRecord.FieldTitles) Assert.Contains(System.Net.WebUtility.HtmlEncode(title), html);
        Assert.Contains("Jan 2026", html);
        Assert.Contains("Jun", html);
        Assert.Contains("no date yet", html);
        // Words, not ids: the commitment by its first words (ADR 0033).
        Assert.DoesNotContain("jpit-06-solar-c", html);
        Assert.Contains("Commitment made: “", html);
        Assert.Contains("Reflects every event recorded", html);
        // The SVG is well-formed XML.
        var start = html.IndexOf("<svg ", StringComparison.Ordinal);
        System.Xml.Linq.XElement.Parse(html[start..(html.IndexOf("</svg>", start, StringComparison.Ordinal) + 6)]);
    }
    [Fact]
    public async Task The_status_report_comes_as_markdown_too()
    {
        var answer = await FetchAsync($"/api/reports/status?dialogue={JapanItalyRecord.DialogueId}&format=md");

        Assert.Equal(200, answer.Status);
        Assert.StartsWith("text/markdown", answer.ContentType);
        Assert.StartsWith("# Japan–Italy space cooperation", answer.Text);
        Assert.Contains("## Commitments by status in each field", answer.Text);
        Assert.Contains("| JPIT-06 · Solar Activity and solar physics | active |", answer.Text);
    }
    [Fact]
    public async Task The_status_report_refuses_an_unknown_format_and_an_unknown_dialogue()
    {
        Assert.Equal(400, (await FetchAsync("/api/reports/status?format=odt")).Status);
        Assert.Equal(404, (await FetchAsync("/api/reports/status?dialogue=nope")).Status);
    }
    [Theory]
    [InlineData("2026-06-14", 0, null)]
    [InlineData("2026-06-15", 23, 0)]
    [InlineData("2026-06-30", 23, 15)]
    public async Task The_register_as_in_effect_on_a_day_counts_days_in_status_to_that_day(string day, int rows, int? solarCDays)
    {
        var answer = await FetchAsync($"/api/reports/commitment-register?effectiveOn={day}");

        Assert.Equal(200, answer.Status);
        Assert.Equal(rows, answer.Json.AsArray().Count);
        if (solarCDays is { } days) Assert.Equal(days, Row(answer.Json, SolarC)["daysInStatus"]!.GetValue<int>());
        // Replayed from the events, the answer is current by construction: no projection sequence to report.
        Assert.Equal("true", answer.Header(ProjectionFreshness.CurrentHeader));
        Assert.Equal("", answer.Header(ProjectionFreshness.SequenceHeader));
    }
    [Fact]
    public async Task Meeting_records_as_in_effect_before_and_on_the_Rome_summit()
    {
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
    [Theory]
    [InlineData("2026-06-14", "md", "- 0 commitments: 0 open, 0 fulfilled")]
    [InlineData("2026-06-14", "html", "<li>0 commitments: 0 open, 0 fulfilled</li>")]
    [InlineData("2026-06-30", "md", "| JPIT-06 · Solar Activity and solar physics | active |")]
    public async Task The_status_report_replayed_on_a_day_names_its_axes(string day, string format, string expected)
    {
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
            Assert.Contains("- 0 commitments", text);

            Assert.False(await ReportCommand.WriteAsync(console, Host.Services, TimeProvider.System, new ReportInput { OutFlag = path, EffectiveOnFlag = "2026-13-01" }, CancellationToken.None));
            Assert.Contains("effectiveOn:", output.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }}
