using System.Text.Json.Nodes;
using Consultations.Domain.CooperationFields;
using Consultations.Tests.Infrastructure;

namespace Consultations.Tests.CooperationFields;

public class CooperationFieldEndpointTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    private const string Url = "/api/fields";

    private static JsonObject Definition() => new()
    {
        ["fieldCode"] = "JPIT-11",
        ["dialogueId"] = DialogueId,
        ["number"] = 11,
        ["title"] = "Space weather",
        ["scope"] = "Joint space-weather forecasting.",
        ["effectiveOn"] = "2026-07-01",
    };

    private static JsonObject Revision() => new()
    {
        ["title"] = "Space Sustainability and debris",
        ["scope"] = "Coordination on SSA, debris mitigation and remediation.",
        ["effectiveOn"] = "2026-09-01",
        ["reason"] = "Agreed at the second consultations.",
    };

    // --- POST /api/fields

    [Fact]
    public async Task Defining_a_field_answers_201_with_its_location_and_the_field_can_be_read()
    {
        await SeedAsync();
        var sentAt = DateTimeOffset.UtcNow;
        await CreatedAsync(Url, Definition(), "JPIT-11", "/api/fields/JPIT-11");

        var field = await ReadAsync("/api/fields/JPIT-11");
        Assert.Equal("Space weather", Text(field, "title"));
        Assert.Equal(11, field["number"]!.GetValue<int>());
        Assert.Equal(DialogueId, Text(field, "dialogueId"));
        Assert.Contains(((JsonArray)(await ReadAsync($"/api/fields?dialogue={DialogueId}"))).Select(f => Text(f, "code")), c => c == "JPIT-11");

        var defined = await LastEventAsync<CooperationFieldDefined>("JPIT-11", sentAt);
        Assert.Equal("2026-07-01", defined.EffectiveOn.ToString());
    }

    [Fact]
    public async Task Defining_the_same_field_twice_is_idempotent()
    {
        await SeedAsync();
        await RepeatIsIdempotentAsync(Url, Definition(), "JPIT-11", creates: true, location: "/api/fields/JPIT-11");
    }

    [Fact]
    public async Task Defining_a_seeded_field_again_with_another_title_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await ConflictAsync(Url, Definition().With("fieldCode", "JPIT-08").With("number", 8), "field-defined-once");
        Assert.Equal("Space Sustainability", Text(await ReadAsync("/api/fields/JPIT-08"), "title"));
    }

    [Fact]
    public async Task Defining_a_field_in_the_future_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync(Url, Definition().With("effectiveOn", InTwoDays), "effective-date-not-in-future");
        Assert.Equal(404, (await GetAsync("/api/fields/JPIT-11")).Status);
    }

    [Fact]
    public async Task Defining_a_field_of_a_dialogue_that_does_not_exist_is_refused_naming_the_dialogue()
    {
        await SeedAsync();
        await InvalidAsync(Url, Definition().With("dialogueId", "no-such-dialogue"), "dialogueId");
    }

    [Theory]
    [InlineData("fieldCode", "")]
    [InlineData("fieldCode", "JPIT 11")]
    [InlineData("dialogueId", "Japan Italy")]
    [InlineData("title", " ")]
    [InlineData("scope", "")]
    [InlineData("effectiveOn", "2026-7-1")]
    public async Task Defining_a_field_with_an_invalid_field_is_refused_naming_it(string field, string value)
    {
        await SeedAsync();
        await InvalidAsync(Url, Definition().With(field, value), field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1000)]
    public async Task Defining_a_field_with_a_number_out_of_range_is_refused_naming_the_number(int number)
    {
        await SeedAsync();
        await InvalidAsync(Url, Definition().With("number", number), "number");
    }

    [Theory]
    [InlineData("fieldCode")]
    [InlineData("dialogueId")]
    [InlineData("number")]
    [InlineData("title")]
    [InlineData("scope")]
    [InlineData("effectiveOn")]
    public async Task Defining_a_field_without_a_required_field_is_refused_naming_it(string field)
    {
        await SeedAsync();
        await InvalidAsync(Url, Definition().Without(field), field);
    }

    [Fact]
    public async Task Defining_a_field_with_a_number_written_as_text_or_an_unknown_property_is_refused_naming_it()
    {
        await SeedAsync();
        await InvalidAsync(Url, Definition().With("number", "11"), "number");
        await InvalidAsync(Url, Definition().With("colour", "blue"), "colour");
    }

    [Fact]
    public async Task Defining_a_field_with_malformed_json_is_refused()
    {
        await RefusedAsync(Url, """{"fieldCode": "JPIT-11", "number": 11""", 400);
    }

    // --- POST /api/fields/{code}/scope

    [Fact]
    public async Task Revising_a_field_scope_is_recorded_and_shown()
    {
        await SeedAsync();
        var sentAt = DateTimeOffset.UtcNow;
        await ChangedAsync("/api/fields/JPIT-08/scope", Revision(), "JPIT-08");

        var field = await ReadAsync("/api/fields/JPIT-08");
        Assert.Equal("Space Sustainability and debris", Text(field, "title"));
        Assert.Equal("Coordination on SSA, debris mitigation and remediation.", Text(field, "scope"));

        var revised = await LastEventAsync<CooperationFieldScopeRevised>("JPIT-08", sentAt);
        Assert.Equal("2026-09-01", revised.EffectiveOn.ToString());
        Assert.Equal("Agreed at the second consultations.", revised.Reason);
    }

    [Fact]
    public async Task Revising_a_field_scope_twice_with_the_same_text_is_idempotent()
    {
        await SeedAsync();
        await RepeatIsIdempotentAsync("/api/fields/JPIT-08/scope", Revision(), "JPIT-08");
    }

    [Fact]
    public async Task Revising_an_unknown_field_answers_404_and_nothing_is_appended()
    {
        await SeedAsync();
        await NotFoundAsync("/api/fields/NOPE/scope", Revision());
    }

    [Fact]
    public async Task Revising_a_field_before_it_was_defined_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync("/api/fields/JPIT-08/scope", Revision().With("effectiveOn", "2026-06-14"), "revision-after-definition");
        Assert.Equal("Space Sustainability", Text(await ReadAsync("/api/fields/JPIT-08"), "title"));
    }

    [Fact]
    public async Task Revising_a_field_in_the_future_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync("/api/fields/JPIT-08/scope", Revision().With("effectiveOn", InTwoDays), "effective-date-not-in-future");
    }

    [Theory]
    [InlineData("reason")]
    [InlineData("title")]
    [InlineData("scope")]
    [InlineData("effectiveOn")]
    public async Task Revising_a_field_scope_without_a_required_field_is_refused_naming_it(string field)
    {
        await SeedAsync();
        await InvalidAsync("/api/fields/JPIT-08/scope", Revision().Without(field), field);
    }

    [Theory]
    [InlineData("reason", "  ")]
    [InlineData("title", "")]
    [InlineData("scope", " ")]
    [InlineData("effectiveOn", "2026-09-31")]
    public async Task Revising_a_field_scope_with_a_blank_or_invalid_field_is_refused_naming_it(string field, string value)
    {
        await SeedAsync();
        await InvalidAsync("/api/fields/JPIT-08/scope", Revision().With(field, value), field);
    }

    [Fact]
    public async Task Revising_a_field_scope_with_an_unknown_property_or_malformed_json_is_refused()
    {
        await SeedAsync();
        await InvalidAsync("/api/fields/JPIT-08/scope", Revision().With("fieldCode", "JPIT-09"), "fieldCode");
        await RefusedAsync("/api/fields/JPIT-08/scope", """{"title": "x", """, 400);
    }

    [Fact]
    public async Task Revising_a_field_whose_code_in_the_route_is_not_a_code_is_refused_naming_the_code()
    {
        await SeedAsync();
        await InvalidAsync("/api/fields/JPIT_08!/scope", Revision(), "fieldCode");
    }

    [Theory]
    [InlineData("/api/fields")]
    [InlineData("/api/fields/JPIT-08/scope")]
    public async Task Posting_a_null_body_is_refused_with_400_and_nothing_is_appended(string url)
    {
        await SeedAsync();
        await RefusedAsync(url, "null", 400);
    }

    [Theory]
    [InlineData("/api/fields")]
    [InlineData("/api/fields/JPIT-08/scope")]
    public async Task Posting_an_empty_body_is_refused_with_400_and_nothing_is_appended(string url)
    {
        await SeedAsync();
        await RefusedAsync(url, "", 400);
    }
}
