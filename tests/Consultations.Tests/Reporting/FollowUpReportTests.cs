namespace Consultations.Tests.Reporting;

/// <summary>
/// What the views make of per-party progress, compliance, leads and milestones (ADR 0025): the register shows both the
/// overall status and each party's progress, flags deadlines against the day viewed (today, or the replay's day), and
/// filters on programme, lead, dueBefore and overdue; fields count per party and average compliance.
/// </summary>
public class FollowUpReportTests(AppFixture fixture) : ReportingContext(fixture)
{
    private const string SolarC = "jpit-06-solar-c";
    private const string LiteBird = "jpit-07-litebird";
    private const string Item = "ssa-data-exchange";

    private async Task PostOkAsync(string url, object body)
    {
        var answer = await SendAsync(url, body);
        Assert.True(answer.Status == 200, $"{url} answered {answer.Status}: {answer.Body?.ToJsonString()}");
    }

    /// <summary>
    /// The seeded record, then: Japan's progress on SOLAR-C in progress (Italy's unknown), JAXA leading it for Japan, a
    /// design review due 1 September 2026 (met on 10 September), a data release due 1 October 2026 never met, and
    /// compliance reviews of SOLAR-C and LiteBIRD; an action item with a milestone due 1 August 2026.
    /// </summary>
    private async Task SeedWithFollowUpAsync()
    {
        await SeedAsync();
        await PostOkAsync($"/api/commitments/{SolarC}/party-progress", new { party = "Japan", progress = "in-progress", effectiveOn = "2026-07-01", reason = "Started." });
        await PostOkAsync($"/api/commitments/{SolarC}/leads", new { party = "Japan", lead = "JAXA", effectiveOn = "2026-07-01" });
        await PostOkAsync($"/api/commitments/{SolarC}/milestones", new { milestoneId = "design-review", title = "Design review", dueOn = "2026-09-01", effectiveOn = "2026-07-01" });
        await PostOkAsync($"/api/commitments/{SolarC}/milestones/design-review/met", new { effectiveOn = "2026-09-10" });
        await PostOkAsync($"/api/commitments/{SolarC}/milestones", new { milestoneId = "data-release", title = "First data release", dueOn = "2026-10-01", effectiveOn = "2026-07-01" });
        await PostOkAsync($"/api/commitments/{SolarC}/assessments", new { party = "Japan", reviewedOn = "2026-11-01", score = 1, justification = "Instrument delivered." });
        await PostOkAsync($"/api/commitments/{SolarC}/assessments", new { party = "Italy", reviewedOn = "2026-11-01", score = 0, justification = "Partly funded." });
        await PostOkAsync($"/api/commitments/{LiteBird}/assessments", new { party = "Italy", reviewedOn = "2026-07-01", score = 1, justification = "On track." });
        await PostOkAsync($"/api/commitments/{LiteBird}/assessments", new { party = "Italy", reviewedOn = "2026-11-01", score = -1, justification = "Cut from budget." });
        await PostOkAsync($"/api/action-plans/{PlanId}/items", new { itemId = Item, fieldCode = "JPIT-08", text = "Set up an exchange of SSA data.", effectiveOn = "2026-07-01" });
        await PostOkAsync($"/api/action-plans/{PlanId}/items/{Item}/milestones", new { milestoneId = "first", title = "First exchange", dueOn = "2026-08-01", effectiveOn = "2026-07-01" });
        await CaughtUpAsync();
    }

    private static JsonNode Row(JsonNode rows, string id) => rows.AsArray().Single(r => r!["id"]!.GetValue<string>() == id)!;

    private static bool Flag(JsonNode node, string name) => node[name]!.GetValue<bool>();

    [Fact]
    public async Task The_register_shows_each_party_s_progress_beside_the_status_with_leads_compliance_and_deadlines()
    {
        await SeedWithFollowUpAsync();

        var row = Row((await FetchAsync("/api/reports/commitment-register?field=JPIT-06")).Json, SolarC);

        Assert.Equal("in-progress", Text(row, "status"));
        var progress = row["partyProgress"]!.AsArray();
        Assert.Equal(("Japan", "in-progress"), (Text(progress[0], "party"), Text(progress[0], "progress")));
        // Nothing recorded about Italy's own progress: unknown stays unknown.
        Assert.Equal("Italy", Text(progress[1], "party"));
        Assert.Null(progress[1]!["progress"]);
        Assert.Equal("JAXA", Text(row, "leads.0.lead"));
        Assert.Equal(0.5, row["compliance"]!["average"]!.GetValue<double>());
        Assert.Equal(2, row["compliance"]!["reviews"]!.GetValue<int>());
        var milestones = row["milestones"]!.AsArray();
        Assert.False(Flag(milestones[0]!, "overdue"));
        Assert.True(Flag(milestones[1]!, "overdue"));
        Assert.True(Flag(row, "overdue"));
        Assert.Equal("2026-10-01", Text(row, "nextDueOn"));
    }

    [Theory]
    [InlineData("2026-08-15", false, true)]
    [InlineData("2026-09-05", true, true)]
    [InlineData("2026-09-20", false, true)]
    [InlineData("2026-10-02", true, false)]
    public async Task Deadlines_in_a_replay_are_judged_against_the_replay_s_day_not_the_clock(string day, bool overdue, bool dueSoon)
    {
        await SeedWithFollowUpAsync();

        var row = Row((await FetchAsync($"/api/reports/commitment-register?field=JPIT-06&effectiveOn={day}")).Json, SolarC);

        Assert.Equal((overdue, dueSoon), (Flag(row, "overdue"), Flag(row, "dueSoon")));
    }

    [Fact]
    public async Task The_register_filters_on_programme_lead_due_date_and_overdue()
    {
        await SeedWithFollowUpAsync();

        async Task<IReadOnlyList<string>> Ids(string query) =>
            [.. (await FetchAsync($"/api/reports/commitment-register?{query}")).Json.AsArray().Select(r => Text(r, "id"))];

        Assert.Equal([SolarC], await Ids("programme=solar-c"));
        Assert.Equal([SolarC], await Ids("lead=JAXA"));
        Assert.Empty(await Ids("lead=ASI"));
        Assert.Equal([SolarC], await Ids("overdue=true"));
        Assert.Equal(22, (await Ids("overdue=false")).Count);
        Assert.Equal([SolarC], await Ids("dueBefore=2026-10-02"));
        // The met design review no longer counts; the data release falls due on 1 October, not before it.
        Assert.Empty(await Ids("dueBefore=2026-10-01"));
        Assert.Equal([SolarC], await Ids("party=Japan&lead=jaxa&programme=SOLAR-C&overdue=true&dueBefore=2027"));
        Assert.Equal([SolarC], [.. (await FetchAsync("/api/commitments?lead=JAXA&programme=SOLAR-C")).Json.AsArray().Select(r => Text(r, "id"))]);
    }

    [Fact]
    public async Task The_register_exports_the_follow_up_as_csv()
    {
        await SeedWithFollowUpAsync();

        var (header, rows) = ParseCsv((await FetchAsync("/api/reports/commitment-register?field=JPIT-06&format=csv")).Bytes);

        Assert.Contains("overdue", header);
        var solarC = rows.Single(r => r["id"] == SolarC);
        Assert.Equal(("Japan: in-progress; Italy: unknown", "Japan: JAXA"), (solarC["partyProgress"], solarC["leads"]));
        Assert.Equal(("0.5", "true", "2026-10-01"), (solarC["complianceAverage"], solarC["overdue"], solarC["nextDueOn"]));
    }

    [Fact]
    public async Task A_field_counts_per_party_and_averages_the_latest_reviews()
    {
        await SeedWithFollowUpAsync();

        var solar = (await ReadAsync("/api/fields/JPIT-06"))!;
        Assert.Equal(1, solar["byParty"]!["Japan"]!["progress"]!["inProgress"]!.GetValue<int>());
        Assert.Equal(1, solar["byParty"]!["Japan"]!["progress"]!["unknown"]!.GetValue<int>());
        Assert.Equal(2, solar["byParty"]!["Italy"]!["progress"]!["unknown"]!.GetValue<int>());
        Assert.Equal(2, solar["byParty"]!["Italy"]!["commitments"]!["total"]!.GetValue<int>());
        Assert.Equal(0.5, solar["compliance"]!["average"]!.GetValue<double>());
        Assert.Equal(1.0, solar["byParty"]!["Japan"]!["compliance"]!["average"]!.GetValue<double>());

        // LiteBIRD: Italy's latest review (-1 on 1 November) counts, not the earlier +1.
        var cosmos = (await ReadAsync("/api/fields/JPIT-07"))!;
        Assert.Equal(-1.0, cosmos["compliance"]!["average"]!.GetValue<double>());
        Assert.Null((await ReadAsync("/api/fields/JPIT-01"))!["compliance"]!["average"]);

        // The same read replayed on the effective axis before the November reviews: LiteBIRD at +1.
        var july = (await ReadAsync("/api/fields/JPIT-07?effectiveOn=2026-07-31"))!;
        Assert.Equal(1.0, july["compliance"]!["average"]!.GetValue<double>());
    }

    [Fact]
    public async Task The_action_plan_report_and_the_status_report_show_deadlines_and_compliance()
    {
        await SeedWithFollowUpAsync();

        var rows = (await FetchAsync("/api/reports/action-plans")).Json.AsArray();
        var plan = rows.Single(r => Text(r, "planId") == PlanId && r!["fieldCode"] is null)!;
        Assert.Equal(1, plan["overdueMilestones"]!.GetValue<int>());
        var july = (await FetchAsync("/api/reports/action-plans?effectiveOn=2026-07-15")).Json.AsArray()
            .Single(r => Text(r, "planId") == PlanId && r!["fieldCode"]?.GetValue<string>() == "JPIT-08")!;
        Assert.Equal((0, 1), (july["overdueMilestones"]!.GetValue<int>(), july["milestonesDueSoon"]!.GetValue<int>()));

        var report = (await FetchAsync($"/api/reports/status?dialogue={DialogueId}&format=md")).Text;
        // Latest reviews: SOLAR-C Japan +1, Italy 0; LiteBIRD Italy -1.
        Assert.Contains("**0.00** average compliance (-1 to +1) over 3 latest party reviews", report);
        Assert.Contains("**1** commitments with a milestone overdue", report);
    }

    [Fact]
    public async Task Days_in_status_stop_at_a_final_status()
    {
        await SeedAsync();
        await PostOkAsync($"/api/commitments/{SolarC}/status", new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Delivered." });
        await CaughtUpAsync();

        var row = Row((await FetchAsync("/api/reports/commitment-register?field=JPIT-06")).Json, SolarC);

        // In progress from 15 June to 1 September: 78 days, however long ago that was.
        Assert.Equal(78, row["daysInStatus"]!.GetValue<int>());
    }
}
