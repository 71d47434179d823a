using System.Text.Json.Nodes;
using Consultations.Domain.Dialogues;
using Consultations.Tests.Infrastructure;

namespace Consultations.Tests.Dialogues;

public class DialogueEndpointTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    private const string Url = "/api/dialogues";

    private static JsonObject Opening() => new()
    {
        ["dialogueId"] = "japan-korea-space",
        ["title"] = "Japan–Korea space dialogue",
        ["parties"] = new JsonArray("Japan", "Korea"),
        ["subject"] = "Space cooperation.",
        ["effectiveOn"] = "2026-03-01",
    };

    [Fact]
    public async Task Opening_a_dialogue_answers_201_with_its_location_and_the_dialogue_can_be_read()
    {
        var sentAt = DateTimeOffset.UtcNow;
        await CreatedAsync(Url, Opening(), "japan-korea-space", "/api/dialogues/japan-korea-space");

        var dialogue = await ReadAsync("/api/dialogues/japan-korea-space");
        Assert.Equal("Japan–Korea space dialogue", Text(dialogue, "title"));
        Assert.Equal(["Japan", "Korea"], dialogue["parties"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("Space cooperation.", Text(dialogue, "subject"));
        Assert.Equal("2026-03-01", Text(dialogue, "openedOn"));

        var opened = await LastEventAsync<DialogueOpened>("japan-korea-space", sentAt);
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

    [Fact]
    public async Task Opening_a_dialogue_again_with_other_details_is_refused_and_nothing_is_appended()
    {
        await CreatedAsync(Url, Opening(), "japan-korea-space", "/api/dialogues/japan-korea-space");

        await ConflictAsync(Url, Opening().With("title", "Another title"), "dialogue-opened-once");
        await ConflictAsync(Url, Opening().With("effectiveOn", "2026-03-02"), "dialogue-opened-once");

        Assert.Equal("Japan–Korea space dialogue", Text(await ReadAsync("/api/dialogues/japan-korea-space"), "title"));
    }

    [Fact]
    public async Task Opening_the_seeded_dialogue_with_other_parties_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await ConflictAsync(Url, new
        {
            dialogueId = DialogueId, title = "Japan–Italy space cooperation", parties = new[] { "Japan", "Germany" },
            subject = (string?)null, effectiveOn = "2026-01-16",
        }, "dialogue-opened-once");
    }

    [Fact]
    public async Task Opening_a_dialogue_in_the_future_is_refused_and_nothing_is_appended()
    {
        await BreaksRuleAsync(Url, Opening().With("effectiveOn", InTwoDays), "effective-date-not-in-future");
        await BreaksRuleAsync(Url, Opening().With("effectiveOn", NextYear), "effective-date-not-in-future");
        Assert.Equal(404, (await GetAsync("/api/dialogues/japan-korea-space")).Status);
    }

    [Fact]
    public async Task A_dialogue_whose_two_parties_are_one_party_spelled_twice_is_refused_and_nothing_is_appended()
    {
        // "Japan" and "Japan " pass the field check (they differ as written) but name one party.
        await BreaksRuleAsync(Url, Opening().With("parties", new JsonArray("Japan", "Japan ")), "dialogue-has-two-parties");
    }

    [Theory]
    [InlineData("dialogueId", "")]
    [InlineData("dialogueId", "Japan France")]
    [InlineData("dialogueId", "-starts-with-hyphen")]
    [InlineData("title", "   ")]
    [InlineData("effectiveOn", "2026-02-30")]
    [InlineData("effectiveOn", "16/01/2026")]
    [InlineData("effectiveOn", "")]
    public async Task Opening_a_dialogue_with_an_invalid_field_is_refused_naming_it(string field, string value)
    {
        await InvalidAsync(Url, Opening().With(field, value), field);
    }

    [Theory]
    [InlineData("dialogueId")]
    [InlineData("title")]
    [InlineData("parties")]
    [InlineData("effectiveOn")]
    public async Task Opening_a_dialogue_without_a_required_field_is_refused_naming_it(string field)
    {
        await InvalidAsync(Url, Opening().Without(field), field);
        await InvalidAsync(Url, Opening().With(field, null), field);
    }

    [Fact]
    public async Task Opening_a_dialogue_with_one_party_or_a_blank_or_repeated_party_is_refused_naming_the_parties()
    {
        await InvalidAsync(Url, Opening().With("parties", new JsonArray("Japan")), "parties");
        await InvalidAsync(Url, Opening().With("parties", new JsonArray("Japan", " ")), "parties[1]");
        await InvalidAsync(Url, Opening().With("parties", new JsonArray("Japan", "JAPAN")), "parties");
    }

    [Fact]
    public async Task Opening_a_dialogue_with_too_long_a_title_is_refused_naming_it()
    {
        await InvalidAsync(Url, Opening().With("title", new string('x', 201)), "title");
    }

    [Fact]
    public async Task Opening_a_dialogue_with_an_unknown_property_is_refused_naming_it()
    {
        await InvalidAsync(Url, Opening().With("openedBy", "someone"), "openedBy");
    }

    [Fact]
    public async Task Opening_a_dialogue_with_a_number_where_text_belongs_is_refused_naming_the_field()
    {
        await InvalidAsync(Url, Opening().With("title", 42), "title");
    }

    [Theory]
    [InlineData("""{"dialogueId": "japan-korea-space", "title": """)]
    [InlineData("""{"dialogueId": "japan-korea-space",, }""")]
    [InlineData("not json at all")]
    [InlineData("[]")]
    public async Task Opening_a_dialogue_with_an_unreadable_body_is_refused_with_field_errors(string json)
    {
        await RefusedAsync(Url, json, 400);
    }

    [Fact]
    public async Task Opening_a_dialogue_with_an_empty_body_is_refused_and_nothing_is_appended()
    {
        await RefusedAsync(Url, "", 400);
    }

    [Fact]
    public async Task Opening_a_dialogue_with_a_null_body_is_refused_and_nothing_is_appended()
    {
        await RefusedAsync(Url, "null", 400);
    }
}
