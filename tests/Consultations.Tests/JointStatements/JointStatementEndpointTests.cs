using Consultations.Domain.Common;
using Consultations.Domain.JointStatements;

namespace Consultations.Tests.JointStatements;

public class JointStatementEndpointTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    internal const string Draft = "jp-it-statement-second-consultations";
    internal const string DraftUrl = "/api/statements";
    internal const string ClausesUrl = $"/api/statements/{Draft}/clauses";
    internal const string AdoptionUrl = $"/api/statements/{Draft}/adoption";

    internal static JsonObject Drafting() => new()
    {
        ["statementId"] = Draft, ["dialogueId"] = DialogueId, ["title"] = "Joint statement of the second space consultations",
        ["preamble"] = "The two delegations met in Rome.", ["effectiveOn"] = "2026-10-20",
    };

    internal static JsonObject Clause(int number = 1, string fieldCode = "JPIT-08") => new()
    {
        ["number"] = number, ["fieldCode"] = fieldCode, ["heading"] = "Space Sustainability", ["text"] = "Both sides will exchange SSA data.", ["effectiveOn"] = "2026-10-20",
    };

    internal static JsonObject Adoption() => new()
    {
        ["meetingId"] = SecondConsultations, ["adoptedOn"] = "2026-10-21", ["place"] = "Rome",
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

    public static TheoryData<string, string> Repeats => new()
    {
        { ClausesUrl, Clause(2).ToJsonString() },
        { AdoptionUrl, Adoption().ToJsonString() },
    };

    [Theory]
    [MemberData(nameof(Repeats))]
    public async Task A_change_repeated_is_recorded_once(string url, string body)
    {
        await DraftWithClauseAsync();
        await RepeatIsIdempotentAsync(url, JsonNode.Parse(body)!, Draft);
    }

    [Fact]
    public async Task Drafting_the_same_statement_twice_is_idempotent()
    {
        await SeedAsync();
        await RepeatIsIdempotentAsync(DraftUrl, Drafting(), Draft, creates: true, location: $"/api/statements/{Draft}");
    }

    // --- POST /api/statements

    [Fact]
    public async Task Drafting_a_statement_answers_201_with_its_location_and_the_draft_can_be_read()
    {
        await SeedAsync();
        var (statement, drafted) = await CreatedAndShownAsync<JointStatementDrafted>(DraftUrl, Drafting(), Draft, $"/api/statements/{Draft}");

        Assert.Equal(("Joint statement of the second space consultations", "The two delegations met in Rome.", "2026-10-20"),
            (Text(statement, "title"), Text(statement, "preamble"), Text(statement, "draftedOn")));
        Assert.Empty(statement["clauses"]!.AsArray());
        Assert.Null(statement["adoption"]);
        Assert.Equal("2026-10-20", drafted.EffectiveOn.ToString());
    }

    [Fact]
    public async Task A_statement_whose_drafting_day_is_not_on_record_is_drafted_with_the_day_it_is_known_by()
    {
        await SeedAsync();
        var body = Drafting().Without("effectiveOn").With("knownBy", "2026-10-21");
        var (statement, drafted) = await CreatedAndShownAsync<JointStatementDrafted>(DraftUrl, body, Draft, $"/api/statements/{Draft}");

        Assert.Null(statement["draftedOn"]);
        Assert.Equal("2026-10-21", Text(statement, "knownBy"));
        Assert.Null(drafted.EffectiveOn);
        Assert.Equal("2026-10-21", drafted.KnownBy.ToString());
    }

    [Fact]
    public void A_drafted_entry_stored_before_known_by_existed_reads_with_its_drafting_day()
    {
        var serializer = Store.Options.Serializer();
        var stored = JsonNode.Parse(serializer.ToJson(new JointStatementDrafted(Draft, DialogueId, "T", null, PartialDate.Parse("2026-06-15"))))!.AsObject();
        Assert.True(stored.Remove("KnownBy") | stored.Remove("knownBy"), stored.ToJsonString());

        var old = serializer.FromJson<JointStatementDrafted>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stored.ToJsonString())));

        Assert.Equal(("2026-06-15", null), (old.EffectiveOn.ToString(), old.KnownBy));
        Assert.Equal("2026-06-15", JointStatementDecider.Evolve(null, old)!.DraftedOn.ToString());
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
    public async Task Repeating_a_clause_of_an_adopted_statement_word_for_word_is_idempotent()
    {
        await SeedAsync();
        var clause6 = (await ReadAsync($"/api/statements/{StatementId}"))["clauses"]![5]!;
        await UnchangedAsync($"/api/statements/{StatementId}/clauses", new
        {
            number = 6, fieldCode = "JPIT-06", heading = Text(clause6, "heading"), text = Text(clause6, "text"), effectiveOn = "2026-06-15",
        }, StatementId);
    }

    // --- POST /api/statements/{id}/adoption

    [Fact]
    public async Task Adopting_a_statement_is_recorded_and_shown()
    {
        await DraftWithClauseAsync();
        var (statement, adopted) = await ChangedAndShownAsync<JointStatementAdopted>(AdoptionUrl, Adoption(), Draft, $"/api/statements/{Draft}");

        Assert.Equal((SecondConsultations, "2026-10-21"), (Text(statement, "adoption.meetingId"), Text(statement, "adoption.adoptedOn")));
        Assert.Equal(2, statement["adoption"]!["signatories"]!.AsArray().Count);
        Assert.Equal(Draft, Text(await ReadAsync("/api/fields/JPIT-08"), "latestStatement.id"));
        Assert.Equal("2026-10-21", adopted.EffectiveOn.ToString());
        Assert.Equal(["JPIT-08"], adopted.FieldCodes);
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

    [Fact]
    public async Task Adopting_a_statement_at_a_meeting_not_yet_held_or_before_its_first_day_is_refused()
    {
        await SeedAsync();
        await CreatedAsync(DraftUrl, Drafting(), Draft, $"/api/statements/{Draft}");
        await ChangedAsync(ClausesUrl, Clause(), Draft);

        // The second consultations are on record as scheduled only.
        await ConflictAsync(AdoptionUrl, Adoption(), "adopted-at-a-meeting-held");
        await ChangedAsync($"/api/meetings/{SecondConsultations}/held", new { dates = new { from = "2026-10-21" } }, SecondConsultations);
        await BreaksRuleAsync(AdoptionUrl, Adoption().With("adoptedOn", "2026-10-20"), "adoption-at-the-meeting");
        Assert.Null((await ReadAsync($"/api/statements/{Draft}"))["adoption"]);
    }

    [Fact]
    public async Task A_meeting_a_statement_is_on_record_as_adopted_at_is_not_cancelled()
    {
        await SeedAsync();
        await CreatedAsync(DraftUrl, Drafting(), Draft, $"/api/statements/{Draft}");
        await ChangedAsync(ClausesUrl, Clause(), Draft);
        // An adoption at a meeting not held, as the record could hold one before adoption needed the meeting held.
        await using (var session = Store.LightweightSession())
        {
            session.Events.Append(Draft, new JointStatementAdopted(Draft, SecondConsultations, PartialDate.Parse("2026-10-21"), "Rome", ["Japan", "Italy"], ["JPIT-08"],
                PartialDate.Parse("2026-10-21")));
            await session.SaveChangesAsync();
        }

        await ConflictAsync($"/api/meetings/{SecondConsultations}/cancellation", new { effectiveOn = "2026-10-22", reason = "Postponed." },
            "meetings-with-adoptions-are-not-cancelled");
        Assert.Equal("scheduled", Text(await ReadAsync($"/api/meetings/{SecondConsultations}"), "status"));
    }
}
