namespace Consultations.Tests.Api;

/// <summary>
/// How a body that cannot become a command is answered: a 400 whose <c>errors</c> names every field at fault by its
/// path in the body (nested members and list elements included), and nothing else.
/// </summary>
public class BodyProblemTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    private const string Meetings = "/api/meetings";

    private static JsonObject Meeting() => new()
    {
        ["meetingId"] = "body-problems",
        ["dialogueId"] = DialogueId,
        ["kind"] = "consultation",
        ["title"] = "T",
        ["place"] = "Tokyo",
        ["plannedDates"] = new JsonObject { ["from"] = "2027-03-10" },
        ["parties"] = new JsonArray("Japan", "Italy"),
        ["delegations"] = new JsonArray(new JsonObject { ["party"] = "Japan", ["head"] = null, ["members"] = new JsonArray("A") }),
    };

    public static TheoryData<string, string, string> Faults => new()
    {
        { "a missing member", Meeting().Without("title").ToJsonString(), "title" },
        { "a missing nested member", Meeting().With("plannedDates", new JsonObject { ["to"] = "2027-03-11" }).ToJsonString(), "plannedDates.from" },
        { "a missing member of a list element", Meeting().With("delegations", new JsonArray(new JsonObject { ["party"] = "Japan" })).ToJsonString(), "delegations[0].members" },
        { "null for a required member", Meeting().With("title", null).ToJsonString(), "title" },
        { "null for a required nested member", Meeting().With("plannedDates", new JsonObject { ["from"] = null }).ToJsonString(), "plannedDates.from" },
        { "null as a list element", Meeting().With("parties", new JsonArray("Japan", null)).ToJsonString(), "parties[1]" },
        { "text where a list is expected", Meeting().With("parties", "Japan").ToJsonString(), "parties" },
        { "a number where an object is expected", Meeting().With("plannedDates", 42).ToJsonString(), "plannedDates" },
        { "a number in a list of texts", Meeting().With("parties", new JsonArray("Japan", 7)).ToJsonString(), "parties[1]" },
        { "an object where text is expected", Meeting().With("title", new JsonObject { ["x"] = 1 }).ToJsonString(), "title" },
        { "an unreadable nested date", Meeting().With("plannedDates", new JsonObject { ["from"] = "2027-02-30" }).ToJsonString(), "plannedDates.from" },
        { "an unknown enum word", Meeting().With("kind", "conference").ToJsonString(), "kind" },
        { "a number for an enum", Meeting().With("kind", 1).ToJsonString(), "kind" },
        { "an unknown member", Meeting().With("agenda", "Space").ToJsonString(), "agenda" },
        { "an unknown nested member", Meeting().With("plannedDates", new JsonObject { ["from"] = "2027-03-10", ["until"] = "2027-03-11" }).ToJsonString(), "plannedDates.until" },
        { "a member given twice", """{"title":"U",""" + Meeting().ToJsonString()[1..], "title" },
        { "malformed JSON", """{"meetingId": "m", "parties": ["Japan" "Italy"]}""", "body" },
        { "an empty body", "", "body" },
        { "a null body", "null", "body" },
        { "a list for a body", "[]", "body" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_body_fault_is_named_by_its_path(string fault, string body, string field)
    {
        var problem = await RefusedAsync(Meetings, body, 400, field: field);

        var named = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.True(named.SequenceEqual([field]), $"{fault}: expected only '{field}', got {problem.ToJsonString()}");
    }

    [Fact]
    public async Task Every_fault_of_a_body_is_named_at_once()
    {
        var body = Meeting().Without("title").With("kind", "conference").With("titel", "T")
            .With("plannedDates", new JsonObject { ["from"] = "2027-13" });

        var problem = await RefusedAsync(Meetings, body, 400);

        var named = problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["kind", "plannedDates.from", "titel", "title"], named);
    }

    [Fact]
    public async Task A_nested_enum_word_is_named_with_the_words_allowed()
    {
        var body = new JsonObject
        {
            ["commitmentId"] = "c", ["dialogueId"] = DialogueId, ["fieldCode"] = "JPIT-08", ["text"] = "T",
            ["parties"] = new JsonArray("Japan", "Italy"), ["agencies"] = new JsonArray(), ["programmes"] = new JsonArray(),
            ["source"] = new JsonObject { ["kind"] = "speech", ["id"] = StatementId }, ["status"] = "agreed", ["effectiveOn"] = "2026-06-15",
        };

        var problem = await RefusedAsync("/api/commitments", body, 400, field: "source.kind");

        Assert.Contains("meeting", problem["errors"]!["source.kind"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task What_is_wrong_is_said_in_the_api_s_words()
    {
        var kind = await RefusedAsync(Meetings, Meeting().With("kind", "conference"), 400);
        var date = await RefusedAsync(Meetings, Meeting().With("plannedDates", new JsonObject { ["from"] = "soon" }), 400);

        Assert.Equal("must be one of: summit, consultation, working-group.", kind["errors"]!["kind"]![0]!.GetValue<string>());
        Assert.Contains("yyyy-MM-dd", date["errors"]!["plannedDates.from"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_well_formed_date_past_the_years_the_record_holds_is_called_after_today_not_not_a_date()
    {
        var late = await RefusedAsync(Meetings, Meeting().With("effectiveOn", "2999-01-01"), 400, field: "effectiveOn");
        var early = await RefusedAsync(Meetings, Meeting().With("plannedDates", new JsonObject { ["from"] = "1850-03" }), 400, field: "plannedDates.from");

        Assert.Equal("'2999-01-01' is after today; the record holds dates from 1900 to 2200.", late["errors"]!["effectiveOn"]![0]!.GetValue<string>());
        Assert.Equal("'1850-03' is before 1900; the record holds dates from 1900 to 2200.", early["errors"]!["plannedDates.from"]![0]!.GetValue<string>());
    }
}
