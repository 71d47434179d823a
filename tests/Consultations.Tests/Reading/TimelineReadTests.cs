using System.Text.RegularExpressions;

namespace Consultations.Tests.Reading;

public class TimelineReadTests(AppFixture fixture) : IntegrationContext(fixture)
{
    protected override bool SharesRecord => true;

    private static string S(JsonNode? item, string name) => item![name]!.GetValue<string>();

    private static string? N(JsonNode? item, string name) => item![name]?.GetValue<string>();

    private async Task<JsonArray> TimelineAsync(string query = "")
    {
        var (status, body) = await GetAsync("/api/timeline" + query);
        Assert.True(status == 200, $"GET /api/timeline{query} answered {status}: {body?.ToJsonString()}");
        return body!.AsArray();
    }

    [Fact]
    public async Task Meetings_come_in_the_order_they_happened_and_the_undated_one_last()
    {
        var items = await TimelineAsync();

        var meetings = items.Where(i => S(i, "kind") == "meeting").ToList();
        Assert.Equal(
            ["tokyo-summit-2026-01-16", "space-consultations-1-tokyo", "rome-summit-2026-06-15", "space-consultations-2-rome"],
            meetings.Select(m => S(m, "recordId")));

        Assert.Equal("2026-01-16", N(meetings[0], "effectiveOn"));
        Assert.Null(N(meetings[0], "effectiveTo"));
        Assert.Equal("Japan–Italy summit, Tokyo", S(meetings[0], "title"));

        Assert.Equal("2026-05-28", N(meetings[1], "effectiveOn"));
        Assert.Equal("2026-05-29", N(meetings[1], "effectiveTo"));
        Assert.Equal("2026-05-28/2026-05-29", S(meetings[1], "date"));
        Assert.Equal("day", S(meetings[1], "precision"));
        Assert.Equal("Tokyo", N(meetings[1], "place"));
        Assert.Equal("held", N(meetings[1], "status"));

        Assert.Equal("2026-06-15", N(meetings[2], "effectiveOn"));
        Assert.Equal("Rome", N(meetings[2], "place"));

        var second = meetings[3];
        Assert.Equal("not-fixed", S(second, "precision"));
        Assert.Null(N(second, "effectiveOn"));
        Assert.Null(N(second, "effectiveTo"));
        Assert.Equal("not yet fixed", S(second, "date"));
        Assert.Equal("scheduled", N(second, "status"));
        Assert.Equal("meeting:space-consultations-2-rome", S(items[^1], "id"));
    }

    [Fact]
    public async Task The_action_plan_known_only_by_its_period_comes_first_over_that_period()
    {
        var items = await TimelineAsync();

        var first = items[0];
        Assert.Equal("action-plan", S(first, "kind"));
        Assert.Equal("action-plan-2024-2027", S(first, "recordId"));
        Assert.Equal("year", S(first, "precision"));
        Assert.Equal("2024/2027", S(first, "date"));
        Assert.Equal("2024-01-01", N(first, "effectiveOn"));
        Assert.Equal("2027-12-31", N(first, "effectiveTo"));
        Assert.Equal("Period 2024–2027; adoption date not on record.", N(first, "summary"));
        Assert.Equal("/api/action-plans/action-plan-2024-2027", S(first, "link"));
    }

    [Fact]
    public async Task The_statements_milestones_sit_at_the_years_it_gives_them()
    {
        var milestones = await TimelineAsync("?kind=milestone");

        Assert.Equal(
            ["milestone:jp-it-relations-160th-anniversary:2026:stated", "milestone:italian-copuos-chairmanship-2026-2027:2026/2027:stated",
             "milestone:unispace-iv-2027:2027:possible"],
            milestones.Select(i => $"{S(i, "id")}:{S(i, "date")}:{N(i, "status")}"));
        Assert.All(milestones, i => Assert.Equal("year", S(i, "precision")));
        Assert.Equal(["JPIT-02"], milestones[2]!["fieldCodes"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public async Task The_whole_timeline_holds_every_record_in_date_order_with_iso_days()
    {
        var items = await TimelineAsync();

        Assert.Equal(33, items.Count);
        Assert.Equal(3, items.Count(i => S(i, "kind") == "milestone"));
        Assert.Equal(23, items.Count(i => S(i, "kind") == "commitment-made"));
        Assert.Equal(1, items.Count(i => S(i, "kind") == "statement"));
        Assert.Equal(1, items.Count(i => S(i, "kind") == "action-plan-reaffirmed"));
        Assert.All(items, i => Assert.Equal(JapanItalyRecord.DialogueId, S(i, "dialogueId")));
        Assert.Equal(items.Count, items.Select(i => S(i, "id")).Distinct().Count());

        var dated = items.Where(i => N(i, "effectiveOn") is not null).ToList();
        Assert.Equal(32, dated.Count);
        var day = new Regex(@"^\d{4}-\d{2}-\d{2}$");
        Assert.All(dated, i => Assert.Matches(day, N(i, "effectiveOn")!));
        Assert.All(dated, i => Assert.True(N(i, "effectiveTo") is null || day.IsMatch(N(i, "effectiveTo")!)));
        var days = dated.Select(i => N(i, "effectiveOn")!).ToList();
        Assert.Equal(days.Order(StringComparer.Ordinal), days);

        // On the day of the Rome summit the meeting comes before the statement it adopted, which comes before the commitments it holds.
        var onTheDay = items.Where(i => N(i, "effectiveOn") == "2026-06-15").Select(i => S(i, "kind")).ToList();
        Assert.Equal("meeting", onTheDay[0]);
        Assert.Equal("statement", onTheDay[1]);
        Assert.Equal("action-plan-reaffirmed", onTheDay[2]);
        Assert.All(onTheDay.Skip(3), k => Assert.Equal("commitment-made", k));
    }

    [Fact]
    public async Task A_from_to_window_keeps_only_what_falls_inside_it()
    {
        var may = await TimelineAsync("?from=2026-05-01&to=2026-05-31");

        // What may fall in May: the consultations, and what spans it (the plan over its period, the year-long milestones).
        Assert.Equal(
            ["action-plan:action-plan-2024-2027", "milestone:jp-it-relations-160th-anniversary", "milestone:italian-copuos-chairmanship-2026-2027",
             "meeting:space-consultations-1-tokyo"],
            may.Select(i => S(i, "id")));

        var mayMeetings = await TimelineAsync("?from=2026-05-01&to=2026-05-31&kind=meeting");
        Assert.Equal(["space-consultations-1-tokyo"], mayMeetings.Select(i => S(i, "recordId")));
    }

    [Fact]
    public async Task From_alone_leaves_out_earlier_and_undated_records()
    {
        var june = await TimelineAsync("?from=2026-06");

        // The entries of 15 June, and what runs into June or beyond (the plan, the milestones of 2026 and 2027).
        Assert.Equal(30, june.Count);
        Assert.Equal(26, june.Count(i => N(i, "effectiveOn") == "2026-06-15"));
        Assert.Equal(["action-plan", "milestone", "milestone", "milestone"],
            june.Where(i => N(i, "effectiveOn") != "2026-06-15").Select(i => S(i, "kind")));
        Assert.DoesNotContain(june, i => S(i, "recordId") == "space-consultations-2-rome");
        Assert.DoesNotContain(june, i => S(i, "recordId") == "tokyo-summit-2026-01-16");
    }

    [Fact]
    public async Task To_alone_keeps_the_earlier_records_including_the_year_only_plan()
    {
        var early = await TimelineAsync("?to=2026-01");

        Assert.Equal(
            ["action-plan:action-plan-2024-2027", "milestone:jp-it-relations-160th-anniversary", "milestone:italian-copuos-chairmanship-2026-2027",
             "meeting:tokyo-summit-2026-01-16"],
            early.Select(i => S(i, "id")));
    }

    [Fact]
    public async Task A_kind_keeps_only_records_of_that_kind()
    {
        var meetings = await TimelineAsync("?kind=meeting");
        Assert.Equal(4, meetings.Count);
        Assert.All(meetings, i => Assert.Equal("meeting", S(i, "kind")));

        var statements = await TimelineAsync("?kind=statement");
        var statement = Assert.Single(statements);
        Assert.Equal(JapanItalyRecord.StatementId, S(statement, "recordId"));
        Assert.Equal("adopted", N(statement, "status"));
        Assert.Equal(JapanItalyRecord.FieldCodes, statement!["fieldCodes"]!.AsArray().Select(f => f!.GetValue<string>()));

        var made = await TimelineAsync("?kind=commitment-made");
        Assert.Equal(JapanItalyRecord.CommitmentCount, made.Count);

        Assert.Empty(await TimelineAsync("?kind=commitment-status"));
    }

    [Fact]
    public async Task An_impossible_from_date_is_a_400_naming_from()
    {
        var (status, body) = await GetAsync("/api/timeline?from=2026-13-01");

        Assert.Equal(400, status);
        AssertProblem(body, 400);
        AssertFieldError(body, "from");
        Assert.Contains("2026-13-01", body!["errors"]!["from"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unreadable_to_date_is_a_400_naming_to()
    {
        var (status, body) = await GetAsync("/api/timeline?to=15-06-2026");

        Assert.Equal(400, status);
        AssertFieldError(body, "to");
    }

    [Fact]
    public async Task A_to_before_from_is_a_400()
    {
        var (status, body) = await GetAsync("/api/timeline?from=2026-06-01&to=2026-05-01");

        Assert.Equal(400, status);
        AssertProblem(body, 400);
        AssertFieldError(body, "to");
    }

    [Fact]
    public async Task A_to_within_the_same_month_as_a_month_only_from_is_accepted()
    {
        // "2026-05" may be any day of May, so the 28th is not before it.
        var items = await TimelineAsync("?from=2026-05&to=2026-05-28");

        Assert.Equal(
            ["action-plan:action-plan-2024-2027", "milestone:jp-it-relations-160th-anniversary", "milestone:italian-copuos-chairmanship-2026-2027",
             "meeting:space-consultations-1-tokyo"],
            items.Select(i => S(i, "id")));
    }
}
