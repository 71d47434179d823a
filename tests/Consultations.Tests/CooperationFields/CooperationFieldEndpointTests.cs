using Consultations.Domain.CooperationFields;

namespace Consultations.Tests.CooperationFields;

public class CooperationFieldEndpointTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    private const string Url = "/api/fields";

    private static JsonObject Definition() => new()
    {
        ["fieldCode"] = "JPIT-11", ["dialogueId"] = DialogueId, ["number"] = 11, ["title"] = "Space weather",
        ["scope"] = "Joint space-weather forecasting.", ["effectiveOn"] = "2026-07-01",
    };

    private static JsonObject Revision() => new()
    {
        ["title"] = "Space Sustainability and debris", ["scope"] = "Coordination on SSA, debris mitigation and remediation.",
        ["effectiveOn"] = "2026-09-01", ["reason"] = "Agreed at the second consultations.",
    };

    /// <summary>Only what the field routes need: the dialogue, and field JPIT-08 defined on 15 June 2026.</summary>
    private async Task GivenDialogueAsync(bool withField = false)
    {
        await CreatedAsync("/api/dialogues", new { dialogueId = DialogueId, title = "Japan–Italy space", parties = new[] { "Japan", "Italy" }, effectiveOn = "2024" },
            DialogueId, $"/api/dialogues/{DialogueId}");
        if (withField)
        {
            await CreatedAsync(Url, Definition().With("fieldCode", "JPIT-08").With("number", 8).With("effectiveOn", "2026-06-15"), "JPIT-08",
                "/api/fields/JPIT-08");
        }
    }

    // What the endpoint checks against the body and the record: each fault answered 400 naming the field, nothing appended.
    // The commands' own input rules are proven in Consultations.Domain.Tests (CommandCheckTests); rule statuses in Api/RuleStatusTests.
    public static TheoryData<string, string, string> Faults => new()
    {
        { Url, Definition().With("dialogueId", "no-such-dialogue").ToJsonString(), "dialogueId" },
        { Url, Definition().With("effectiveOn", "2026-7-1").ToJsonString(), "effectiveOn" },
        { Url, Definition().With("number", "11").ToJsonString(), "number" },
        { "/api/fields/JPIT-08/scope", Revision().With("effectiveOn", "2026-09-31").ToJsonString(), "effectiveOn" },
        { "/api/fields/JPIT_08!/scope", Revision().ToJsonString(), "fieldCode" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_fault_found_by_the_endpoint_is_refused_naming_the_field(string url, string body, string field)
    {
        await GivenDialogueAsync(withField: true);
        await InvalidAsync(url, body, field);
    }

    // --- POST /api/fields

    [Fact]
    public async Task Defining_a_field_answers_201_with_its_location_and_the_field_can_be_read()
    {
        await GivenDialogueAsync();
        var (field, defined) = await CreatedAndShownAsync<CooperationFieldDefined>(Url, Definition(), "JPIT-11", "/api/fields/JPIT-11");

        Assert.Equal(("Space weather", 11, DialogueId), (Text(field, "title"), field["number"]!.GetValue<int>(), Text(field, "dialogueId")));
        Assert.Contains(((JsonArray)(await ReadAsync($"/api/fields?dialogue={DialogueId}"))).Select(f => Text(f, "code")), c => c == "JPIT-11");
        Assert.Equal("2026-07-01", defined.EffectiveOn.ToString());
    }

    // --- POST /api/fields/{code}/scope

    [Fact]
    public async Task Revising_a_field_scope_is_recorded_and_shown()
    {
        await GivenDialogueAsync(withField: true);
        var (field, revised) = await ChangedAndShownAsync<CooperationFieldScopeRevised>("/api/fields/JPIT-08/scope", Revision(), "JPIT-08", "/api/fields/JPIT-08");

        Assert.Equal(("Space Sustainability and debris", "Coordination on SSA, debris mitigation and remediation."), (Text(field, "title"), Text(field, "scope")));
        Assert.Equal(("2026-09-01", "Agreed at the second consultations."), (revised.EffectiveOn.ToString(), revised.Reason));
    }

    [Fact]
    public async Task Revising_an_unknown_field_answers_404_and_nothing_is_appended()
    {
        await GivenDialogueAsync();
        await NotFoundAsync("/api/fields/NOPE/scope", Revision());
    }

    [Theory]
    [InlineData(Url, true)]
    [InlineData("/api/fields/JPIT-08/scope", false)]
    public async Task A_command_repeated_is_recorded_once(string url, bool creates)
    {
        await GivenDialogueAsync(withField: !creates);
        if (creates) await RepeatIsIdempotentAsync(Url, Definition(), "JPIT-11", creates: true, location: "/api/fields/JPIT-11");
        else await RepeatIsIdempotentAsync(url, Revision(), "JPIT-08");
    }
}
