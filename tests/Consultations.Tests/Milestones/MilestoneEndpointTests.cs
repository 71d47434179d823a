using Consultations.Domain.Milestones;

namespace Consultations.Tests.Milestones;

public class MilestoneEndpointTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    private const string Url = "/api/milestones";
    private const string New = "unispace-iv-preparatory-meeting";
    private const string Document = "japan-italy-joint-statement-2026-06-15";

    private static JsonObject Recording() => new()
    {
        ["milestoneId"] = New, ["dialogueId"] = DialogueId, ["title"] = "UNISPACE IV preparatory meeting", ["dates"] = new JsonObject { ["from"] = "2027-02" },
        ["certainty"] = "possible", ["fieldCodes"] = new JsonArray("JPIT-02"), ["documentId"] = Document,
        ["quote"] = "the possible convening of UNISPACE IV Conference in 2027", ["effectiveOn"] = "2026-06-15",
    };

    // What the endpoint checks against the body and the record; the command's own input rules are proven in CommandCheckTests.
    public static TheoryData<string, string> Faults => new()
    {
        { Recording().With("dialogueId", "no-such-dialogue").ToJsonString(), "dialogueId" },
        { Recording().With("fieldCodes", new JsonArray("JPIT-99")).ToJsonString(), "fieldCodes[0]" },
        { Recording().With("documentId", "no-such-document").ToJsonString(), "documentId" },
        { Recording().With("certainty", "likely").ToJsonString(), "certainty" },
        { Recording().Without("dates").ToJsonString(), "dates" },
        { Recording().With("dates", new JsonObject { ["from"] = "2027-14" }).ToJsonString(), "dates.from" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_fault_found_by_the_endpoint_is_refused_naming_the_field(string body, string field)
    {
        await SeedAsync();
        await InvalidAsync(Url, body, field);
    }

    [Fact]
    public async Task A_milestone_planned_for_next_year_is_recorded_as_a_plan_and_shown_on_the_timeline()
    {
        await SeedAsync();
        var (milestone, recorded) = await CreatedAndShownAsync<MilestoneRecorded>(Url, Recording(), New, $"/api/milestones/{New}");
        Assert.Equal(("2027-02", "possible", "2026-06-15"), (Text(milestone, "dates.from"), Text(milestone, "certainty"), Text(milestone, "knownFrom")));
        Assert.Equal(MilestoneCertainty.Possible, recorded.Certainty);

        var timeline = (JsonArray)await ReadAsync("/api/timeline?kind=milestone");
        var item = timeline.Single(i => Text(i, "title") == "UNISPACE IV preparatory meeting");
        Assert.Equal("2027-02-01", Text(item, "effectiveOn"));
        Assert.Equal("month", Text(item, "precision"));
        Assert.Equal($"/api/milestones/{New}", Text(item, "link"));
    }

    [Fact]
    public async Task A_milestone_known_from_a_day_before_the_document_that_states_it_is_refused_next_to_its_date()
    {
        await SeedAsync();
        var problem = await BreaksRuleAsync(Url, Recording().With("effectiveOn", "2026-06-14"), "milestone-known-from-its-source");
        Assert.Contains($"document '{Document}' was issued on 2026-06-15", Text(problem, "detail"), StringComparison.Ordinal);
        // Without a document, nothing dates its knowing: the same day is recorded.
        await CreatedAndShownAsync<MilestoneRecorded>(Url, Recording().Without("documentId").Without("quote").With("effectiveOn", "2026-06-14"), New, $"/api/milestones/{New}");
    }

    [Fact]
    public async Task Recording_the_same_milestone_twice_is_idempotent()
    {
        await SeedAsync();
        await RepeatIsIdempotentAsync(Url, Recording(), New, creates: true, location: $"/api/milestones/{New}");
    }

    [Fact]
    public async Task A_milestone_not_on_record_answers_404()
    {
        await SeedAsync();
        var (status, _) = await GetAsync("/api/milestones/no-such-milestone");
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task The_bundled_record_has_the_statements_three_dated_milestones()
    {
        await SeedAsync();
        var milestones = (JsonArray)await ReadAsync($"{Url}?dialogue={DialogueId}");
        Assert.Equal(
            ["jp-it-relations-160th-anniversary:2026:stated", "italian-copuos-chairmanship-2026-2027:2026/2027:stated", "unispace-iv-2027:2027:possible"],
            milestones.Select(m => $"{Text(m, "id")}:{DatesOf(m)}:{Text(m, "certainty")}"));
        Assert.All(milestones, m => Assert.Equal(Document, Text(m, "documentId")));

        // Known from the statement: not on record the day before it.
        Assert.Empty((JsonArray)await ReadAsync($"{Url}?effectiveOn=2026-06-14"));
        Assert.Equal(3, ((JsonArray)await ReadAsync($"{Url}?effectiveOn=2026-06-15")).Count);
    }

    private static string DatesOf(JsonNode? milestone) =>
        milestone!["dates"]!["to"] is { } to ? $"{Text(milestone, "dates.from")}/{to.GetValue<string>()}" : Text(milestone, "dates.from");
}
