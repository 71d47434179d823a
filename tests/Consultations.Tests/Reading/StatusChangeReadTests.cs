namespace Consultations.Tests.Reading;

public class StatusChangeReadTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Commitment = "jpit-06-solar-physics";

    private static int Count(JsonNode? field, string status) => field!["commitments"]![status]!.GetValue<int>();

    [Fact]
    public async Task Fulfilling_an_agreed_commitment_moves_the_field_counts()
    {
        await SeedAsync();
        var (_, before) = await GetAsync("/api/fields/JPIT-06");
        Assert.Equal(1, Count(before, "agreed"));
        Assert.Equal(0, Count(before, "fulfilled"));

        var (status, recorded) = await PostAsync($"/api/commitments/{Commitment}/status",
            new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Joint solar physics programme concluded." });

        Assert.Equal(200, status);
        Assert.Equal(1, recorded!["appended"]!.GetValue<int>());
        var (_, after) = await GetAsync("/api/fields/JPIT-06");
        Assert.Equal(Count(before, "agreed") - 1, Count(after, "agreed"));
        Assert.Equal(Count(before, "fulfilled") + 1, Count(after, "fulfilled"));
        Assert.Equal(Count(before, "inProgress"), Count(after, "inProgress"));
        Assert.Equal(Count(before, "total"), Count(after, "total"));
        Assert.Equal(Count(before, "open") - 1, Count(after, "open"));
        Assert.Equal("2026-09-01", after!["lastActivityOn"]!.GetValue<string>());
        var brief = after["commitmentList"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == Commitment);
        Assert.Equal("fulfilled", brief!["status"]!.GetValue<string>());
        Assert.Equal("2026-09-01", brief["statusSince"]!.GetValue<string>());

        // The list agrees with the single read, and no other field moved.
        var (_, list) = await GetAsync("/api/fields");
        var listed = list!.AsArray().Single(f => f!["code"]!.GetValue<string>() == "JPIT-06");
        Assert.Equal(0, Count(listed, "agreed"));
        Assert.Equal(1, Count(listed, "fulfilled"));
        var jpit07 = list.AsArray().Single(f => f!["code"]!.GetValue<string>() == "JPIT-07");
        Assert.Equal(1, Count(jpit07, "agreed"));
        Assert.Equal(0, Count(jpit07, "fulfilled"));
    }

    [Fact]
    public async Task A_status_change_appears_on_the_timeline()
    {
        await SeedAsync();
        var (_, before) = await GetAsync("/api/timeline");

        await PostAsync($"/api/commitments/{Commitment}/status",
            new { to = "in-progress", effectiveOn = "2026-07-01", reason = "Work plan agreed between JAXA and ASI." });

        var (_, after) = await GetAsync("/api/timeline");
        Assert.Equal(before!.AsArray().Count + 1, after!.AsArray().Count);
        var change = Assert.Single(after.AsArray(), i => i!["kind"]!.GetValue<string>() == "commitment-status");
        Assert.Equal(Commitment, change!["recordId"]!.GetValue<string>());
        Assert.Equal("commitment", change["recordKind"]!.GetValue<string>());
        Assert.Equal("2026-07-01", change["effectiveOn"]!.GetValue<string>());
        Assert.Equal("in-progress", change["status"]!.GetValue<string>());
        // Named by its words, with the API's status words (ADR 0033).
        Assert.Matches("^Commitment “[^”]+”: agreed → in-progress$", change["title"]!.GetValue<string>());
        Assert.Equal("Work plan agreed between JAXA and ASI.", change["summary"]!.GetValue<string>());
        Assert.Equal(["JPIT-06"], change["fieldCodes"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal($"/api/commitments/{Commitment}", change["link"]!.GetValue<string>());

        // Dated after the Rome summit, it comes after every 2026-06-15 entry, before the milestone planned for 2027 and the
        // undated second consultations.
        var items = after.AsArray();
        Assert.Equal("meeting:space-consultations-2-rome", items[^1]!["id"]!.GetValue<string>());
        Assert.Equal("milestone:unispace-iv-2027", items[^2]!["id"]!.GetValue<string>());
        Assert.Equal("commitment-status", items[^3]!["kind"]!.GetValue<string>());

        var (_, filtered) = await GetAsync("/api/timeline?kind=commitment-status");
        Assert.Single(filtered!.AsArray());
    }

    [Fact]
    public async Task Each_status_change_grows_the_commitments_history()
    {
        await SeedAsync();
        var (_, before) = await GetAsync($"/api/commitments/{Commitment}");
        Assert.Empty(before!["statusHistory"]!.AsArray());

        await PostAsync($"/api/commitments/{Commitment}/status", new { to = "in-progress", effectiveOn = "2026-07-01", reason = "Started." });
        var (_, middle) = await GetAsync($"/api/commitments/{Commitment}");
        Assert.Single(middle!["statusHistory"]!.AsArray());

        await PostAsync($"/api/commitments/{Commitment}/status", new { to = "fulfilled", effectiveOn = "2026-10-01", reason = "Done." });
        var (_, after) = await GetAsync($"/api/commitments/{Commitment}");

        var history = after!["statusHistory"]!.AsArray();
        Assert.Equal(2, history.Count);
        Assert.Equal("agreed", history[0]!["from"]!.GetValue<string>());
        Assert.Equal("in-progress", history[0]!["to"]!.GetValue<string>());
        Assert.Equal("2026-07-01", history[0]!["effectiveOn"]!.GetValue<string>());
        Assert.Equal("Started.", history[0]!["reason"]!.GetValue<string>());
        Assert.Equal("in-progress", history[1]!["from"]!.GetValue<string>());
        Assert.Equal("fulfilled", history[1]!["to"]!.GetValue<string>());
        Assert.Equal("fulfilled", after["status"]!.GetValue<string>());
        Assert.Equal("2026-10-01", after["statusSince"]!.GetValue<string>());
        Assert.Equal("2026-06-15", after["madeOn"]!.GetValue<string>());

        var (_, field) = await GetAsync("/api/fields/JPIT-06");
        Assert.Equal(0, Count(field, "agreed"));
        Assert.Equal(1, Count(field, "inProgress"));
        Assert.Equal(1, Count(field, "fulfilled"));

        var (_, timeline) = await GetAsync("/api/timeline?kind=commitment-status");
        Assert.Equal(["in-progress", "fulfilled"], timeline!.AsArray().Select(i => i!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_refused_status_change_moves_nothing()
    {
        await SeedAsync();
        var events = await EventCountAsync();
        var (_, before) = await GetAsync("/api/fields/JPIT-06");

        // Agreed cannot go back to proposed.
        var (status, problem) = await PostAsync($"/api/commitments/{Commitment}/status",
            new { to = "proposed", effectiveOn = "2026-07-01", reason = "Reconsidered." });

        Assert.Equal(409, status);
        Assert.Equal("commitment-lifecycle", problem!["rule"]!.GetValue<string>());
        Assert.Equal(events, await EventCountAsync());
        var (_, after) = await GetAsync("/api/fields/JPIT-06");
        Assert.Equal(before!["commitments"]!.ToJsonString(), after!["commitments"]!.ToJsonString());
        var (_, timeline) = await GetAsync("/api/timeline?kind=commitment-status");
        Assert.Empty(timeline!.AsArray());
    }

    [Fact]
    public async Task The_status_filter_of_the_register_follows_the_change()
    {
        await SeedAsync();
        var (_, fulfilledBefore) = await GetAsync("/api/commitments?status=fulfilled");
        Assert.Empty(fulfilledBefore!.AsArray());
        var (_, inProgressBefore) = await GetAsync("/api/commitments?status=in-progress");
        Assert.Equal(["jpit-06-solar-c", "jpit-07-hazardous-asteroids"], inProgressBefore!.AsArray().Select(c => c!["id"]!.GetValue<string>()));

        await PostAsync("/api/commitments/jpit-06-solar-c/status", new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Delivered." });

        var (_, fulfilled) = await GetAsync("/api/commitments?status=fulfilled");
        Assert.Equal(["jpit-06-solar-c"], fulfilled!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        var (_, inProgress) = await GetAsync("/api/commitments?status=in-progress");
        Assert.Equal(["jpit-07-hazardous-asteroids"], inProgress!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
    }

    // Here rather than in FieldReadTests, whose tests share one seeded record.
    [Fact]
    public async Task An_empty_record_lists_no_fields()
    {
        var (status, body) = await GetAsync("/api/fields");

        Assert.Equal(200, status);
        Assert.Empty(body!.AsArray());
    }
}
