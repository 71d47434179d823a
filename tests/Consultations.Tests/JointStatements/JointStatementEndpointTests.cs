using System.Text.Json.Nodes;
using Consultations.Domain.JointStatements;
using Consultations.Tests.Infrastructure;

namespace Consultations.Tests.JointStatements;

public class JointStatementEndpointTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    private const string Draft = "jp-it-statement-second-consultations";
    private const string DraftUrl = "/api/statements";
    private const string ClausesUrl = $"/api/statements/{Draft}/clauses";
    private const string AdoptionUrl = $"/api/statements/{Draft}/adoption";

    private static JsonObject Drafting() => new()
    {
        ["statementId"] = Draft,
        ["dialogueId"] = DialogueId,
        ["title"] = "Joint statement of the second space consultations",
        ["preamble"] = "The two delegations met in Rome.",
        ["effectiveOn"] = "2026-10-20",
    };

    private static JsonObject Clause(int number = 1, string fieldCode = "JPIT-08") => new()
    {
        ["number"] = number,
        ["fieldCode"] = fieldCode,
        ["heading"] = "Space Sustainability",
        ["text"] = "Both sides will exchange SSA data.",
        ["effectiveOn"] = "2026-10-20",
    };

    private static JsonObject Adoption() => new()
    {
        ["meetingId"] = SecondConsultations,
        ["adoptedOn"] = "2026-10-21",
        ["place"] = "Rome",
        ["signatories"] = new JsonArray("Head of the Japanese delegation", "Head of the Italian delegation"),
    };

    /// <summary>The seeded record, a drafted statement with clause 1, and the second consultations held on 21 November.</summary>
    private async Task DraftWithClauseAsync()
    {
        await SeedAsync();
        await CreatedAsync(DraftUrl, Drafting(), Draft, $"/api/statements/{Draft}");
        await ChangedAsync(ClausesUrl, Clause(), Draft);
        await ChangedAsync($"/api/meetings/{SecondConsultations}/held", new { dates = new { from = "2026-10-21" } }, SecondConsultations);
    }

    // --- POST /api/statements

    [Fact]
    public async Task Drafting_a_statement_answers_201_with_its_location_and_the_draft_can_be_read()
    {
        await SeedAsync();
        var sentAt = DateTimeOffset.UtcNow;
        await CreatedAsync(DraftUrl, Drafting(), Draft, $"/api/statements/{Draft}");

        var statement = await ReadAsync($"/api/statements/{Draft}");
        Assert.Equal("Joint statement of the second space consultations", Text(statement, "title"));
        Assert.Equal("The two delegations met in Rome.", Text(statement, "preamble"));
        Assert.Equal("2026-10-20", Text(statement, "draftedOn"));
        Assert.Empty(statement["clauses"]!.AsArray());
        Assert.Null(statement["adoption"]);

        var drafted = await LastEventAsync<JointStatementDrafted>(Draft, sentAt);
        Assert.Equal("2026-10-20", drafted.EffectiveOn.ToString());
    }

    [Fact]
    public async Task Drafting_the_same_statement_twice_is_idempotent()
    {
        await SeedAsync();
        await RepeatIsIdempotentAsync(DraftUrl, Drafting(), Draft, creates: true, location: $"/api/statements/{Draft}");
    }

    [Fact]
    public async Task Drafting_a_seeded_statement_again_under_another_title_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await ConflictAsync(DraftUrl, Drafting().With("statementId", StatementId), "statement-drafted-once");
        Assert.Equal("Japan–Italy Joint Statement on Space Collaboration", Text(await ReadAsync($"/api/statements/{StatementId}"), "title"));
    }

    [Fact]
    public async Task Drafting_a_statement_again_on_another_date_is_refused_rather_than_silently_ignored()
    {
        // Nothing but drafting sets the draft date: a second draft dated otherwise contradicts the record, yet it is
        // answered 200 with nothing appended.
        await SeedAsync();
        await CreatedAsync(DraftUrl, Drafting(), Draft, $"/api/statements/{Draft}");
        await ConflictAsync(DraftUrl, Drafting().With("effectiveOn", "2026-10-01"), "statement-drafted-once");
    }

    [Fact]
    public async Task Drafting_a_statement_in_the_future_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync(DraftUrl, Drafting().With("effectiveOn", InTwoDays), "effective-date-not-in-future");
    }

    [Fact]
    public async Task Drafting_a_statement_of_an_unknown_dialogue_is_refused_naming_the_dialogue()
    {
        await SeedAsync();
        await InvalidAsync(DraftUrl, Drafting().With("dialogueId", "no-such-dialogue"), "dialogueId");
    }

    [Theory]
    [InlineData("statementId")]
    [InlineData("dialogueId")]
    [InlineData("title")]
    [InlineData("effectiveOn")]
    public async Task Drafting_a_statement_without_a_required_field_is_refused_naming_it(string field)
    {
        await SeedAsync();
        await InvalidAsync(DraftUrl, Drafting().Without(field), field);
    }

    [Theory]
    [InlineData("statementId", "Statement One")]
    [InlineData("title", "  ")]
    public async Task Drafting_a_statement_with_an_invalid_field_is_refused_naming_it(string field, string value)
    {
        await SeedAsync();
        await InvalidAsync(DraftUrl, Drafting().With(field, value), field);
    }

    [Fact]
    public async Task Drafting_a_statement_with_an_unknown_property_or_malformed_json_is_refused()
    {
        await SeedAsync();
        await InvalidAsync(DraftUrl, Drafting().With("clauses", new JsonArray()), "clauses");
        await InvalidAsync(DraftUrl, Drafting().With("preamble", 7), "preamble");
        await RefusedAsync(DraftUrl, """{"statementId": "s", "title": 'single quotes'}""", 400);
    }

    // --- POST /api/statements/{id}/clauses

    [Fact]
    public async Task Adding_a_clause_is_recorded_and_shown()
    {
        await SeedAsync();
        await CreatedAsync(DraftUrl, Drafting(), Draft, $"/api/statements/{Draft}");
        var sentAt = DateTimeOffset.UtcNow;
        await ChangedAsync(ClausesUrl, Clause(2, "JPIT-05"), Draft);
        await ChangedAsync(ClausesUrl, Clause(1), Draft);

        var statement = await ReadAsync($"/api/statements/{Draft}");
        Assert.Equal([1, 2], statement["clauses"]!.AsArray().Select(c => c!["number"]!.GetValue<int>()));
        Assert.Equal("JPIT-05", Text(statement, "clauses.1.fieldCode"));
        Assert.Equal("Both sides will exchange SSA data.", Text(statement, "clauses.0.text"));

        var added = await LastEventAsync<ClauseAdded>(Draft, sentAt);
        Assert.Equal(1, added.Number);
        Assert.Equal("2026-10-20", added.EffectiveOn.ToString());
    }

    [Fact]
    public async Task Adding_the_same_clause_twice_is_idempotent()
    {
        await SeedAsync();
        await CreatedAsync(DraftUrl, Drafting(), Draft, $"/api/statements/{Draft}");
        await RepeatIsIdempotentAsync(ClausesUrl, Clause(), Draft);
    }

    [Fact]
    public async Task Adding_a_clause_to_an_unknown_statement_answers_404_and_nothing_is_appended()
    {
        await SeedAsync();
        await NotFoundAsync("/api/statements/no-such-statement/clauses", Clause());
    }

    [Fact]
    public async Task Adding_a_clause_under_a_number_already_taken_by_another_text_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await CreatedAsync(DraftUrl, Drafting(), Draft, $"/api/statements/{Draft}");
        await ChangedAsync(ClausesUrl, Clause(), Draft);
        await ConflictAsync(ClausesUrl, Clause().With("text", "Another text."), "clause-numbers-unique");
    }

    [Fact]
    public async Task Adding_a_clause_to_an_adopted_statement_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await ConflictAsync($"/api/statements/{StatementId}/clauses", Clause(11), "adopted-statement-is-final");
        Assert.Equal(10, (await ReadAsync($"/api/statements/{StatementId}"))["clauses"]!.AsArray().Count);
    }

    [Fact]
    public async Task Repeating_a_clause_of_an_adopted_statement_word_for_word_is_idempotent()
    {
        await SeedAsync();
        var clause6 = (await ReadAsync($"/api/statements/{StatementId}"))["clauses"]![5]!;
        await UnchangedAsync($"/api/statements/{StatementId}/clauses", new
        {
            number = 6, fieldCode = "JPIT-06", heading = Text(clause6, "heading"), text = Text(clause6, "text"), effectiveOn = "2026-06-15",
        }, StatementId);
    }

    [Fact]
    public async Task Adding_a_clause_in_the_future_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await CreatedAsync(DraftUrl, Drafting(), Draft, $"/api/statements/{Draft}");
        await BreaksRuleAsync(ClausesUrl, Clause().With("effectiveOn", InTwoDays), "effective-date-not-in-future");
    }

    [Fact]
    public async Task Adding_a_clause_of_an_unknown_field_is_refused_naming_the_field_code()
    {
        await SeedAsync();
        await CreatedAsync(DraftUrl, Drafting(), Draft, $"/api/statements/{Draft}");
        await InvalidAsync(ClausesUrl, Clause(fieldCode: "NOPE"), "fieldCode");
    }

    [Fact]
    public async Task Adding_a_clause_of_a_field_of_another_dialogue_is_refused_naming_the_field_code()
    {
        await SeedAsync();
        await OtherDialogueAsync();
        await CreatedAsync(DraftUrl, Drafting(), Draft, $"/api/statements/{Draft}");
        await InvalidAsync(ClausesUrl, Clause(fieldCode: OtherField), "fieldCode");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(1000)]
    public async Task Adding_a_clause_with_a_number_out_of_range_is_refused_naming_the_number(int number)
    {
        await SeedAsync();
        await CreatedAsync(DraftUrl, Drafting(), Draft, $"/api/statements/{Draft}");
        await InvalidAsync(ClausesUrl, Clause(number), "number");
    }

    [Theory]
    [InlineData("number")]
    [InlineData("fieldCode")]
    [InlineData("heading")]
    [InlineData("text")]
    [InlineData("effectiveOn")]
    public async Task Adding_a_clause_without_a_required_field_is_refused_naming_it(string field)
    {
        await SeedAsync();
        await CreatedAsync(DraftUrl, Drafting(), Draft, $"/api/statements/{Draft}");
        await InvalidAsync(ClausesUrl, Clause().Without(field), field);
    }

    [Fact]
    public async Task Adding_a_clause_with_blank_text_a_textual_number_or_an_unknown_property_is_refused_naming_it()
    {
        await SeedAsync();
        await CreatedAsync(DraftUrl, Drafting(), Draft, $"/api/statements/{Draft}");
        await InvalidAsync(ClausesUrl, Clause().With("text", " "), "text");
        await InvalidAsync(ClausesUrl, Clause().With("heading", ""), "heading");
        await InvalidAsync(ClausesUrl, Clause().With("number", "1"), "number");
        await InvalidAsync(ClausesUrl, Clause().With("statementId", Draft), "statementId");
        await RefusedAsync(ClausesUrl, """{"number": 1""", 400);
    }

    // --- POST /api/statements/{id}/adoption

    [Fact]
    public async Task Adopting_a_statement_is_recorded_and_shown()
    {
        await DraftWithClauseAsync();
        var sentAt = DateTimeOffset.UtcNow;
        await ChangedAsync(AdoptionUrl, Adoption(), Draft);

        var statement = await ReadAsync($"/api/statements/{Draft}");
        Assert.Equal(SecondConsultations, Text(statement, "adoption.meetingId"));
        Assert.Equal("2026-10-21", Text(statement, "adoption.adoptedOn"));
        Assert.Equal(2, statement["adoption"]!["signatories"]!.AsArray().Count);
        Assert.Equal(Draft, Text(await ReadAsync("/api/fields/JPIT-08"), "latestStatement.id"));

        var adopted = await LastEventAsync<JointStatementAdopted>(Draft, sentAt);
        Assert.Equal("2026-10-21", adopted.EffectiveOn.ToString());
        Assert.Equal(["JPIT-08"], adopted.FieldCodes);
    }

    [Fact]
    public async Task Adopting_a_statement_twice_is_idempotent()
    {
        await DraftWithClauseAsync();
        await RepeatIsIdempotentAsync(AdoptionUrl, Adoption(), Draft);
    }

    [Fact]
    public async Task Adopting_an_unknown_statement_answers_404_and_nothing_is_appended()
    {
        await SeedAsync();
        await NotFoundAsync("/api/statements/no-such-statement/adoption", Adoption());
    }

    [Fact]
    public async Task Adopting_an_adopted_statement_again_on_another_day_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await ConflictAsync($"/api/statements/{StatementId}/adoption", Adoption().With("meetingId", RomeSummit).With("adoptedOn", "2026-06-16"),
            "statement-adopted-once");
        Assert.Equal("2026-06-15", Text(await ReadAsync($"/api/statements/{StatementId}"), "adoption.adoptedOn"));
    }

    [Fact]
    public async Task Adopting_a_statement_without_clauses_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await CreatedAsync(DraftUrl, Drafting(), Draft, $"/api/statements/{Draft}");
        await ConflictAsync(AdoptionUrl, Adoption(), "statement-has-clauses");
    }

    [Fact]
    public async Task Adopting_a_statement_before_it_was_drafted_is_refused_and_nothing_is_appended()
    {
        await DraftWithClauseAsync();
        await BreaksRuleAsync(AdoptionUrl, Adoption().With("adoptedOn", "2026-10-19"), "adoption-after-drafting");
    }

    [Fact]
    public async Task Adopting_a_statement_in_the_future_is_refused_and_nothing_is_appended()
    {
        await DraftWithClauseAsync();
        await BreaksRuleAsync(AdoptionUrl, Adoption().With("adoptedOn", InTwoDays), "effective-date-not-in-future");
        Assert.Null((await ReadAsync($"/api/statements/{Draft}"))["adoption"]);
    }

    [Fact]
    public async Task Adopting_a_statement_at_an_unknown_meeting_is_refused_naming_the_meeting()
    {
        await DraftWithClauseAsync();
        await InvalidAsync(AdoptionUrl, Adoption().With("meetingId", "no-such-meeting"), "meetingId");
    }

    [Fact]
    public async Task Adopting_a_statement_at_a_meeting_of_another_dialogue_is_refused_naming_the_meeting()
    {
        await DraftWithClauseAsync();
        await OtherDialogueAsync();
        await InvalidAsync(AdoptionUrl, Adoption().With("meetingId", OtherMeeting), "meetingId");
    }

    [Fact]
    public async Task Adopting_a_statement_at_a_cancelled_meeting_is_refused_naming_the_meeting()
    {
        await SeedAsync();
        await CreatedAsync(DraftUrl, Drafting(), Draft, $"/api/statements/{Draft}");
        await ChangedAsync(ClausesUrl, Clause(), Draft);
        await ChangedAsync($"/api/meetings/{SecondConsultations}/cancellation", new { effectiveOn = "2026-10-20", reason = "Postponed." }, SecondConsultations);
        await InvalidAsync(AdoptionUrl, Adoption(), "meetingId");
    }

    [Theory]
    [InlineData("meetingId")]
    [InlineData("adoptedOn")]
    [InlineData("place")]
    [InlineData("signatories")]
    public async Task Adopting_a_statement_without_a_required_field_is_refused_naming_it(string field)
    {
        await DraftWithClauseAsync();
        await InvalidAsync(AdoptionUrl, Adoption().Without(field), field);
    }

    [Fact]
    public async Task Adopting_a_statement_without_signatories_or_with_a_blank_one_is_refused_naming_them()
    {
        await DraftWithClauseAsync();
        await InvalidAsync(AdoptionUrl, Adoption().With("signatories", new JsonArray()), "signatories");
        await InvalidAsync(AdoptionUrl, Adoption().With("signatories", new JsonArray("A", " ")), "signatories[1]");
        await InvalidAsync(AdoptionUrl, Adoption().With("place", " "), "place");
    }

    [Fact]
    public async Task Adopting_a_statement_on_an_impossible_date_is_refused_naming_the_adoption_date()
    {
        await DraftWithClauseAsync();
        await InvalidAsync(AdoptionUrl, Adoption().With("adoptedOn", "2026-11-32"), "adoptedOn");
    }

    [Fact]
    public async Task Adopting_a_statement_with_an_unknown_property_or_malformed_json_is_refused()
    {
        await DraftWithClauseAsync();
        await InvalidAsync(AdoptionUrl, Adoption().With("effectiveOn", "2026-10-21"), "effectiveOn");
        await RefusedAsync(AdoptionUrl, """{"meetingId": }""", 400);
    }

    [Theory]
    [InlineData("/api/statements")]
    [InlineData("/api/statements/jp-it-joint-statement-space-2026-06-15/clauses")]
    [InlineData("/api/statements/jp-it-joint-statement-space-2026-06-15/adoption")]
    public async Task Posting_a_null_body_is_refused_with_400_and_nothing_is_appended(string url)
    {
        await SeedAsync();
        await RefusedAsync(url, "null", 400);
    }

    [Theory]
    [InlineData("/api/statements")]
    [InlineData("/api/statements/jp-it-joint-statement-space-2026-06-15/clauses")]
    [InlineData("/api/statements/jp-it-joint-statement-space-2026-06-15/adoption")]
    public async Task Posting_an_empty_body_is_refused_with_400_and_nothing_is_appended(string url)
    {
        await SeedAsync();
        await RefusedAsync(url, "", 400);
    }
}
