namespace Consultations.Tests.Auditing;

/// <summary>
/// The bundled Japan–Italy record replayed on the days of its own history: 16 January (the Tokyo summit), 28 and 29 May
/// (the first consultations), 15 June 2026 (the Rome summit and its statement) and today. Its undated facts (the
/// meetings' arrangement dates, the plan's adoption date, the second consultations' arrangement date) must not drop
/// anything of the record out of the replays: each counts from what follows it, from the day it is known by, or from its
/// plan's period.
/// </summary>
public class BundledRecordReplayTests(AppFixture fixture) : AuditingContext(fixture)
{
    protected override bool SharesRecord => true;

    private const string Document = "japan-italy-joint-statement-2026-06-15";

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

    private sealed record Expected(string[] Meetings, string[] Held, int Statements, int Fields, int Commitments, int Documents, int Milestones);

    private static readonly Expected BeforeRome = new([TokyoSummit], [TokyoSummit], 0, 0, 0, 0, 0);
    private static readonly Expected AtConsultations = new([TokyoSummit, FirstConsultations], [TokyoSummit, FirstConsultations], 0, 0, 0, 0, 0);
    private static readonly Expected FromRome = new([TokyoSummit, FirstConsultations, RomeSummit, SecondConsultations], [TokyoSummit, FirstConsultations, RomeSummit], 1, 10, 23, 1, 3);

    private static Expected On(string day) => day switch
    {
        "2026-01-16" or "2026-05-27" => BeforeRome,
        "2026-05-28" or "2026-05-29" or "2026-06-01" or "2026-06-14" => AtConsultations,
        _ => FromRome,
    };

    public static TheoryData<string> Days => new("2026-01-16", "2026-05-27", "2026-05-28", "2026-05-29", "2026-06-01", "2026-06-14", "2026-06-15", Today);

    private async Task<JsonArray> ListAsync(string url)
    {
        var (status, body) = await GetAsync(url);
        Assert.True(status == 200, $"{url} answered {status}: {body?.ToJsonString()}");
        return body!.AsArray();
    }

    private static string[] Ids(JsonArray list) => [.. list.Select(x => x!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Days))]
    public async Task On_each_day_of_its_history_the_record_shows_all_it_held_then_and_nothing_later(string day)
    {
        var expected = On(day);
        var at = $"effectiveOn={day}";

        Assert.Equal(["japan-italy-space"], Ids(await ListAsync($"/api/dialogues?{at}")));
        var meetings = await ListAsync($"/api/meetings?{at}");
        Assert.Equal(expected.Meetings.Order(StringComparer.Ordinal), Ids(meetings));
        Assert.Equal(expected.Held.Order(StringComparer.Ordinal),
            meetings.Where(m => m!["status"]!.GetValue<string>() == "held").Select(m => m!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        foreach (var meeting in expected.Meetings)
            Assert.Equal(meeting, (await ReadAsync($"/api/meetings/{meeting}?{at}"))["id"]!.GetValue<string>());

        // The plan is known by its period (2024–2027): it is on record on every day of the record's history, undated.
        var plans = await ListAsync($"/api/action-plans?{at}");
        Assert.Equal([PlanId], Ids(plans));
        Assert.Null(plans[0]!["adoptedOn"]);
        Assert.Equal(expected == FromRome ? 1 : 0, plans[0]!["reaffirmations"]!.AsArray().Count);

        Assert.Equal(expected.Statements, (await ListAsync($"/api/statements?{at}")).Count);
        if (expected == FromRome)
        {
            // The source gives no drafting day (ADR 0056): none is on record, only the day the statement is known by.
            var statement = await ReadAsync($"/api/statements/{StatementId}?{at}");
            Assert.Null(statement["draftedOn"]);
            Assert.Equal("2026-06-15", statement["knownBy"]!.GetValue<string>());
        }
        else
        {
            Assert.Equal(404, (await GetAsync($"/api/statements/{StatementId}?{at}")).Status);
        }

        Assert.Equal(expected.Fields, (await ListAsync($"/api/fields?{at}")).Count);
        Assert.Equal(expected.Commitments, (await ListAsync($"/api/commitments?{at}")).Count);
        Assert.Equal(expected.Documents, (await ListAsync($"/api/documents?{at}")).Count);
        Assert.Equal(expected.Milestones, (await ListAsync($"/api/milestones?{at}")).Count);

        // Reports replay the same record.
        Assert.Equal(expected.Meetings.Order(StringComparer.Ordinal), Ids(await ListAsync($"/api/reports/meetings?{at}")));
        Assert.Contains(await ListAsync($"/api/reports/action-plans?{at}"), row => row!["planId"]!.GetValue<string>() == PlanId);
        Assert.Equal(expected.Commitments, (await ListAsync($"/api/reports/commitment-register?{at}")).Count);
        var (report, _) = await GetTextAsync($"/api/reports/status?format=md&{at}");
        Assert.Equal(200, report);

        // The timeline: the plan over its period, every meeting on record, the undated second consultations last.
        var timeline = await ListAsync($"/api/timeline?{at}");
        var plan = timeline.Single(i => i!["kind"]!.GetValue<string>() == "action-plan");
        Assert.Equal("2024/2027", plan!["date"]!.GetValue<string>());
        Assert.Equal("2024-01-01", plan["effectiveOn"]!.GetValue<string>());
        Assert.Equal("year", plan["precision"]!.GetValue<string>());
        var meetingItems = timeline.Where(i => i!["kind"]!.GetValue<string>() == "meeting").Select(i => i!["recordId"]!.GetValue<string>()).ToList();
        Assert.Equal(expected.Meetings.Order(StringComparer.Ordinal), meetingItems.Order(StringComparer.Ordinal));
        if (expected == FromRome)
        {
            var last = timeline[^1]!;
            Assert.Equal(SecondConsultations, last["recordId"]!.GetValue<string>());
            Assert.Null(last["effectiveOn"]);
            Assert.Equal("not-fixed", last["precision"]!.GetValue<string>());
            Assert.Equal(3, timeline.Count(i => i!["kind"]!.GetValue<string>() == "milestone"));
        }
    }

    [Fact]
    public async Task On_the_day_of_the_rome_summit_the_timeline_runs_summit_statement_reaffirmation_then_commitments_by_field()
    {
        var day = (await ListAsync("/api/timeline?from=2026-06-15&to=2026-06-15")).Where(i => i!["date"]!.GetValue<string>() == "2026-06-15").ToList();
        string Of(JsonNode? item, string member) => item![member]!.GetValue<string>();

        Assert.Equal(["meeting", "statement", "action-plan-reaffirmed"], day.Take(3).Select(i => Of(i, "kind")));
        Assert.Equal([RomeSummit, StatementId], day.Take(2).Select(i => Of(i, "recordId")));
        var commitments = day.Skip(3).ToList();
        Assert.All(commitments, i => Assert.Equal("commitment-made", Of(i, "kind")));
        Assert.Equal(CommitmentCount, commitments.Count);
        var order = commitments.Select(i => (Field: i!["fieldCodes"]![0]!.GetValue<string>(), Text: Of(i, "summary"))).ToList();
        Assert.Equal(order.OrderBy(o => o.Field, StringComparer.Ordinal).ThenBy(o => o.Text, StringComparer.Ordinal), order);

        // The status report lists the timeline in the same order.
        var (_, report) = await GetTextAsync("/api/reports/status?format=md");
        var summit = report.IndexOf("| 2026-06-15 | meeting | Japan–Italy summit, Rome |", StringComparison.Ordinal);
        var statement = report.IndexOf($"| 2026-06-15 | statement | {StatementTitle} |", StringComparison.Ordinal);
        var commitment = report.IndexOf("| 2026-06-15 | commitment-made |", StringComparison.Ordinal);
        Assert.True(summit >= 0 && statement > summit && commitment > statement, report);
    }

    [Fact]
    public async Task Replayed_today_the_record_is_what_the_projections_hold()
    {
        foreach (var url in new[] { "/api/meetings", "/api/action-plans", "/api/statements", "/api/commitments", "/api/documents", "/api/milestones", "/api/timeline" })
        {
            var now = (await ListAsync(url)).ToJsonString();
            var replayed = (await ListAsync($"{url}?effectiveOn={Today}")).ToJsonString();
            Assert.True(now == replayed, $"{url} differs when replayed today.");
        }
    }

    [Fact]
    public async Task The_audit_trail_says_from_when_each_undated_fact_counts()
    {
        var second = (await ReadAsync($"/api/audit?record={SecondConsultations}"))!;
        Assert.Equal("2026-06-15", Entries(second).Single()!["countsFrom"]!.GetValue<string>());
        Assert.Null(Entries(second).Single()!["effectiveOn"]);
        var first = await ReadAsync($"/api/audit?record={FirstConsultations}");
        Assert.Equal("2026-05-28", Entries(first)[0]!["countsFrom"]!.GetValue<string>());
        var plan = await ReadAsync($"/api/audit?record={PlanId}");
        Assert.Equal("2024-01-01", Entries(plan)[0]!["countsFrom"]!.GetValue<string>());
        var statement = await ReadAsync($"/api/audit?record={StatementId}");
        Assert.Null(Entries(statement)[0]!["effectiveOn"]);
        Assert.Equal("2026-06-15", Entries(statement)[0]!["countsFrom"]!.GetValue<string>());
        var document = await ReadAsync($"/api/audit?record={Document}");
        Assert.Equal("2026-06-15", Entries(document)[0]!["countsFrom"]!.GetValue<string>());
    }

    private static JsonArray Entries(JsonNode? trail) => trail is JsonArray list ? list : trail!["entries"]!.AsArray();

    private async Task<JsonNode> ReadAsync(string url)
    {
        var (status, body) = await GetAsync(url);
        Assert.True(status == 200, $"{url} answered {status}: {body?.ToJsonString()}");
        return body!;
    }

    private async Task<(int Status, string Text)> GetTextAsync(string url)
    {
        var result = await Host.Scenario(x =>
        {
            x.Get.Url(url);
            x.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsTextAsync());
    }
}
