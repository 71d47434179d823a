using Consultations.Domain.Dialogues;

namespace Consultations.Tests.Dialogues;

public class DialogueEndpointTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    private const string Url = "/api/dialogues";

    private static JsonObject Opening() => new()
    {
        ["dialogueId"] = "japan-korea-space", ["title"] = "Japan–Korea space dialogue", ["parties"] = new JsonArray("Japan", "Korea"),
        ["subject"] = "Space cooperation.", ["effectiveOn"] = "2026-03-01",
    };

    [Fact]
    public async Task Opening_a_dialogue_answers_201_with_its_location_and_the_dialogue_can_be_read()
    {
        var (dialogue, opened) = await CreatedAndShownAsync<DialogueOpened>(Url, Opening(), "japan-korea-space", "/api/dialogues/japan-korea-space");

        Assert.Equal(("Japan–Korea space dialogue", "Space cooperation.", "2026-03-01"), (Text(dialogue, "title"), Text(dialogue, "subject"), Text(dialogue, "openedOn")));
        Assert.Equal(["Japan", "Korea"], dialogue["parties"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("2026-03-01", opened.EffectiveOn.ToString());
    }

    [Fact]
    public async Task A_dialogue_without_a_subject_and_opened_in_a_year_only_is_accepted()
    {
        await CreatedAsync(Url, Opening().Without("subject").With("effectiveOn", "2024"), "japan-korea-space", "/api/dialogues/japan-korea-space");

        var dialogue = await ReadAsync("/api/dialogues/japan-korea-space");
        Assert.Null(dialogue["subject"]);
        Assert.Equal("2024", Text(dialogue, "openedOn"));
    }

    [Fact]
    public async Task Opening_the_same_dialogue_twice_is_idempotent()
    {
        await RepeatIsIdempotentAsync(Url, Opening(), "japan-korea-space", creates: true, location: "/api/dialogues/japan-korea-space");

        // The parties in another order are the same parties.
        await UnchangedAsync(Url, Opening().With("parties", new JsonArray("Korea", "Japan")), "japan-korea-space");
    }

    // What the endpoint checks against the body: each fault answered 400 naming the field, nothing appended.
    // The command's own input rules are proven in Consultations.Domain.Tests (CommandCheckTests); rule statuses in Api/RuleStatusTests.
    public static TheoryData<string, string> Faults => new()
    {
        { Opening().With("effectiveOn", "2026-02-30").ToJsonString(), "effectiveOn" },
        { Opening().With("effectiveOn", "16/01/2026").ToJsonString(), "effectiveOn" },
        { Opening().With("effectiveOn", "").ToJsonString(), "effectiveOn" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_fault_found_by_the_endpoint_is_refused_naming_the_field(string body, string field)
    {
        await InvalidAsync(Url, body, field);
    }
}
