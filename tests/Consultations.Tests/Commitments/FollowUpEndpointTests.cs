namespace Consultations.Tests.Commitments;

/// <summary>
/// The follow-up routes of commitments and action items (ADR 0025): per-party progress, compliance assessments, leads and
/// milestones. Each answers 200 and appends one event, a repeat appends nothing, and every refusal appends nothing.
/// The rules are the domain's (CommitmentFollowUpTests, ActionItemFollowUpTests); their statuses are rows of RuleStatusTests,
/// the faults the endpoints find (a lead changed without a reason, a party not of the record) rows of EndpointFaultTests, and
/// the record-file steps are in FollowUpImportTests.
/// </summary>
public class FollowUpEndpointTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    internal const string SolarC = "jpit-06-solar-c";
    internal const string Commitment = $"/api/commitments/{SolarC}";
    internal const string Item = "ssa-data-exchange";
    internal const string ItemUrl = $"/api/action-plans/{PlanId}/items/{Item}";

    internal static JsonObject Progress(string party = "Japan", string progress = "in-progress", string on = "2026-07-01") =>
        new() { ["party"] = party, ["progress"] = progress, ["effectiveOn"] = on, ["reason"] = "JAXA reported instrument work under way." };

    internal static JsonObject Assessment(string party = "Italy", int score = 1, string on = "2026-11-01", string justification = "Contribution funded.", string? reason = null) =>
        new() { ["party"] = party, ["reviewedOn"] = on, ["score"] = score, ["justification"] = justification, ["reason"] = reason };

    internal static JsonObject Lead(string party = "Japan", string lead = "JAXA", string? reason = null) =>
        new() { ["party"] = party, ["lead"] = lead, ["effectiveOn"] = "2026-07-01", ["reason"] = reason };

    internal static JsonObject Milestone(string id = "design-review", string due = "2026-12-15", string title = "Instrument design review") =>
        new() { ["milestoneId"] = id, ["title"] = title, ["dueOn"] = due, ["effectiveOn"] = "2026-07-01" };

    internal static JsonObject Met(string on = "2026-11-20") => new() { ["note"] = "Passed.", ["effectiveOn"] = on };

    internal static JsonObject Reschedule(string due = "2027-02") => new() { ["dueOn"] = due, ["effectiveOn"] = "2026-11-01", ["reason"] = "Launch slipped." };

    private async Task SeedWithItemAsync()
    {
        await SeedAsync();
        await ChangedAsync($"/api/action-plans/{PlanId}/items",
            new JsonObject { ["itemId"] = Item, ["fieldCode"] = "JPIT-08", ["text"] = "Set up an exchange of SSA data.", ["effectiveOn"] = "2026-07-01" }, PlanId);
    }

    // --- Success: each route appends one event and the record shows it

    [Fact]
    public async Task A_party_s_progress_is_recorded_and_the_commitment_keeps_its_status()
    {
        await SeedAsync();
        await ChangedAsync($"{Commitment}/party-progress", Progress(), SolarC);

        var commitment = await ReadAsync(Commitment);
        Assert.Equal("in-progress", Text(commitment, "status"));
        var japan = Assert.Single(commitment["partyProgress"]!.AsArray())!;
        Assert.Equal(("Japan", "in-progress", "2026-07-01"), (Text(japan, "party"), Text(japan, "progress"), Text(japan, "since")));
    }

    [Fact]
    public async Task A_compliance_assessment_is_recorded_and_a_correction_with_a_reason_replaces_it()
    {
        await SeedAsync();
        await ChangedAsync($"{Commitment}/assessments", Assessment(), SolarC);
        await ChangedAsync($"{Commitment}/assessments", Assessment(score: 0, justification: "Half funded.", reason: "Misread the budget."), SolarC);

        var assessment = Assert.Single((await ReadAsync(Commitment))["assessments"]!.AsArray())!;
        Assert.Equal(0, assessment["score"]!.GetValue<int>());
        Assert.Equal(1, assessment["corrections"]!.GetValue<int>());
        Assert.Equal("2026-11-01", Text(assessment, "reviewedOn"));
    }

    [Fact]
    public async Task Leads_and_milestones_are_recorded_on_commitments()
    {
        await SeedAsync();
        await ChangedAsync($"{Commitment}/leads", Lead(), SolarC);
        await ChangedAsync($"{Commitment}/leads", Lead(lead: "MEXT", reason: "The ministry took it over."), SolarC);
        await ChangedAsync($"{Commitment}/milestones", Milestone(), SolarC);
        await ChangedAsync($"{Commitment}/milestones/design-review/reschedule", Reschedule(), SolarC);
        await ChangedAsync($"{Commitment}/milestones/design-review/met", Met(), SolarC);

        var commitment = await ReadAsync(Commitment);
        Assert.Equal("MEXT", Text(Assert.Single(commitment["leads"]!.AsArray()), "lead"));
        var milestone = Assert.Single(commitment["milestones"]!.AsArray())!;
        Assert.Equal(("2027-02", "2026-11-20"), (Text(milestone, "dueOn"), Text(milestone, "metOn")));
        Assert.Equal(1, milestone["reschedules"]!.GetValue<int>());
    }

    [Fact]
    public async Task Leads_and_milestones_are_recorded_on_action_items()
    {
        await SeedWithItemAsync();
        await ChangedAsync($"{ItemUrl}/leads", Lead(party: "italy", lead: "ASI"), PlanId);
        await ChangedAsync($"{ItemUrl}/milestones", Milestone("first-exchange", "2026-10"), PlanId);
        await ChangedAsync($"{ItemUrl}/milestones/first-exchange/reschedule", Reschedule("2027-01"), PlanId);
        await ChangedAsync($"{ItemUrl}/milestones/first-exchange/met", Met("2026-11-25"), PlanId);

        var item = (await ReadAsync($"/api/action-plans/{PlanId}"))["items"]!.AsArray().Single(i => Text(i, "itemId") == Item)!;
        // The party as the dialogue names it.
        Assert.Equal(("Italy", "ASI"), (Text(item, "leads.0.party"), Text(item, "leads.0.lead")));
        Assert.Equal(("2027-01", "2026-11-25"), (Text(item, "milestones.0.dueOn"), Text(item, "milestones.0.metOn")));
        Assert.Equal("not-started", Text(item, "progress"));
    }

    // --- Idempotent repeats

    public static TheoryData<string, string> Repeats => new()
    {
        { $"{Commitment}/party-progress", Progress().ToJsonString() },
        { $"{Commitment}/assessments", Assessment().ToJsonString() },
        { $"{Commitment}/leads", Lead().ToJsonString() },
        { $"{Commitment}/milestones", Milestone().ToJsonString() },
        { $"{Commitment}/milestones/design-review/met", Met().ToJsonString() },
        { $"{Commitment}/milestones/design-review/reschedule", Reschedule().ToJsonString() },
        { $"{ItemUrl}/leads", Lead().ToJsonString() },
        { $"{ItemUrl}/milestones", Milestone().ToJsonString() },
        { $"{ItemUrl}/milestones/design-review/met", Met().ToJsonString() },
        { $"{ItemUrl}/milestones/design-review/reschedule", Reschedule().ToJsonString() },
    };

    [Theory]
    [MemberData(nameof(Repeats))]
    public async Task A_follow_up_repeated_is_recorded_once(string url, string body)
    {
        await SeedWithItemAsync();
        var id = url.StartsWith(Commitment, StringComparison.Ordinal) ? SolarC : PlanId;
        if (url.Contains("/milestones/", StringComparison.Ordinal))
            await ChangedAsync(url.StartsWith(Commitment, StringComparison.Ordinal) ? $"{Commitment}/milestones" : $"{ItemUrl}/milestones", Milestone(), id);
        await RepeatIsIdempotentAsync(url, JsonNode.Parse(body)!, id);
    }
}
