using Consultations.Tests.Reading;

namespace Consultations.Tests.Reporting;

public class ReportEndpointTests(AppFixture fixture) : ReportingContext(fixture)
{
    [Fact]
    public async Task The_commitment_register_lists_every_commitment_with_its_status_dates_and_days_in_status()
    {
        await SeedAndCatchUpAsync();

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
    public async Task The_register_follows_a_status_change_once_the_daemon_has_caught_up()
    {
        await SeedAndCatchUpAsync();
        var change = await SendAsync("/api/commitments/jpit-06-solar-c/status", new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Delivered, \"on time\", to JAXA." });
        Assert.Equal(200, change.Status);
        await CaughtUpAsync();

        var rows = (await FetchAsync("/api/reports/commitment-register?field=JPIT-06&status=fulfilled")).Json.AsArray();

        var row = Assert.Single(rows)!;
        Assert.Equal("2026-09-01", row["statusDates"]!["fulfilledOn"]!.GetValue<string>());
        Assert.Equal("2026-06-15", row["statusDates"]!["inProgressOn"]!.GetValue<string>());
        Assert.True(row["final"]!.GetValue<bool>());
        Assert.Equal(["in-progress", "fulfilled"], row["steps"]!.AsArray().Select(s => s!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Meeting_records_give_each_meeting_its_outcome_statements_and_commitments()
    {
        await SeedAndCatchUpAsync();

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
    public async Task Action_plan_progress_has_a_row_per_plan_and_per_plan_and_field()
    {
        await SeedAsync();
        await SendAsync($"/api/action-plans/{PlanId}/items", new { itemId = "a", fieldCode = "JPIT-08", text = "SSA data exchange.", effectiveOn = "2026-07-01" });
        await SendAsync($"/api/action-plans/{PlanId}/items", new { itemId = "b", fieldCode = "JPIT-08", text = "Debris study.", effectiveOn = "2026-07-01" });
        await SendAsync($"/api/action-plans/{PlanId}/items", new { itemId = "c", fieldCode = "JPIT-09", text = "Exchanges of students.", effectiveOn = "2026-07-01" });
        await SendAsync($"/api/action-plans/{PlanId}/items/a/completion", new { note = "Done.", effectiveOn = "2026-09-01" });
        await SendAsync($"/api/action-plans/{PlanId}/items/c/progress", new { progress = "delayed", note = "Funding.", effectiveOn = "2026-09-01" });
        await CaughtUpAsync();

        var rows = (await FetchAsync("/api/reports/action-plans")).Json.AsArray();

        Assert.Equal([null, "JPIT-08", "JPIT-09"], rows.Select(r => r!["fieldCode"]?.GetValue<string>()));
        Assert.Equal((3, 1, 1, 33), (rows[0]!["items"]!["total"]!.GetValue<int>(), rows[0]!["items"]!["completed"]!.GetValue<int>(),
            rows[0]!["items"]!["delayed"]!.GetValue<int>(), rows[0]!["percentDone"]!.GetValue<int>()));
        Assert.Equal((2, 50), (rows[1]!["items"]!["total"]!.GetValue<int>(), rows[1]!["percentDone"]!.GetValue<int>()));

        var field = (await FetchAsync("/api/fields/JPIT-08")).Json;
        Assert.Equal(1, field["actionItemsByProgress"]!["completed"]!.GetValue<int>());
        Assert.Equal(1, field["actionItemsByProgress"]!["notStarted"]!.GetValue<int>());
    }

    [Fact]
    public async Task Fields_say_their_health_and_days_since_last_activity()
    {
        await SeedAsync();

        var fields = (await FetchAsync("/api/fields")).Json.AsArray();

        // The seeded fields last moved on 15 June 2026; the default is stalled after 180 days.
        var days = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - new DateOnly(2026, 6, 15).DayNumber;
        Assert.All(fields, f => Assert.Equal(days, f!["daysSinceLastActivity"]!.GetValue<int>()));
        Assert.All(fields, f => Assert.Equal(days > 180 ? "stalled" : "active", Text(f, "health")));
    }

    [Fact]
    public async Task Reading_a_report_view_says_which_event_it_reflects()
    {
        await SeedAndCatchUpAsync();
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
        await SeedAndCatchUpAsync();

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
        Assert.Contains("jpit-06-solar-c", html);
        Assert.Contains("Reflects every event recorded", html);
        // The SVG is well-formed XML.
        var start = html.IndexOf("<svg ", StringComparison.Ordinal);
        System.Xml.Linq.XElement.Parse(html[start..(html.IndexOf("</svg>", start, StringComparison.Ordinal) + 6)]);
    }

    [Fact]
    public async Task The_status_report_comes_as_markdown_too()
    {
        await SeedAndCatchUpAsync();

        var answer = await FetchAsync($"/api/reports/status?dialogue={JapanItalyRecord.DialogueId}&format=md");

        Assert.Equal(200, answer.Status);
        Assert.StartsWith("text/markdown", answer.ContentType);
        Assert.StartsWith("# Japan–Italy space cooperation", answer.Text);
        Assert.Contains("## Commitments by status in each field", answer.Text);
        Assert.Contains("| JPIT-06 Solar Activity and solar physics |", answer.Text);
    }

    [Fact]
    public async Task The_status_report_refuses_an_unknown_format_and_an_unknown_dialogue()
    {
        await SeedAndCatchUpAsync();

        Assert.Equal(400, (await FetchAsync("/api/reports/status?format=pdf")).Status);
        Assert.Equal(404, (await FetchAsync("/api/reports/status?dialogue=nope")).Status);
    }

    [Fact]
    public async Task The_status_report_asks_which_dialogue_when_there_are_two()
    {
        await SeedAsync();
        await OtherDialogueAsync();
        await CaughtUpAsync();

        Assert.Equal(400, (await FetchAsync("/api/reports/status")).Status);
        var other = await FetchAsync($"/api/reports/status?dialogue={OtherDialogue}");
        Assert.Equal(200, other.Status);
        Assert.Contains("Japan–France space", other.Text);
    }
}
