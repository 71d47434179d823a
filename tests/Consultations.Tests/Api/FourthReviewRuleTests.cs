using Consultations.Tests.Commitments;

namespace Consultations.Tests.Api;

/// <summary>
/// The rules the fourth outside review of issue 11 found missing (ADR 0064), as the API answers them: the same deciders
/// refuse them for the web forms.
/// </summary>
public class FourthReviewRuleTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    private static object Meeting(string id, string planned, string arrangedOn) => new
    {
        meetingId = id, dialogueId = DialogueId, kind = "working-group", title = "SSA working group", place = "Rome",
        plannedDates = new { from = planned }, parties = new[] { "Japan", "Italy" }, delegations = Array.Empty<object>(), effectiveOn = arrangedOn,
    };

    [Fact]
    public async Task A_meeting_planned_or_held_before_it_was_arranged_or_arranged_before_its_dialogue_was_opened_is_422()
    {
        await SeedAsync();
        await BreaksRuleAsync("/api/meetings", Meeting("planned-early", "2026-09-01", "2026-10-20"), "meeting-dates-after-arrangement");
        await BreaksRuleAsync("/api/meetings", Meeting("arranged-early", "2026-10-20", "2025-01-01"), "meeting-arranged-after-dialogue-opened");
        await CreatedAsync("/api/meetings", Meeting("ssa-wg", "2026-10-20", "2026-10-20"), "ssa-wg", "/api/meetings/ssa-wg");
        await BreaksRuleAsync("/api/meetings/ssa-wg/held", new { dates = new { from = "2026-10-01", to = "2026-10-02" } }, "meeting-dates-after-arrangement");
        await ChangedAsync("/api/meetings/ssa-wg/held", new { dates = new { from = "2026-10-20", to = "2026-10-21" } }, "ssa-wg");
        await BreaksRuleAsync("/api/meetings/ssa-wg/held-corrections", new { dates = new { from = "2026-10-05" }, reason = "test" }, "meeting-dates-after-arrangement");
    }

    [Fact]
    public async Task A_clause_before_its_statement_was_drafted_and_an_adoption_on_a_month_of_a_meeting_of_days_are_422()
    {
        await SeedAsync();
        await CreatedAsync("/api/meetings", Meeting("ssa-wg", "2026-11-18", "2026-10-20") , "ssa-wg", "/api/meetings/ssa-wg");
        await ChangedAsync("/api/meetings/ssa-wg/held", new { dates = new { from = "2026-11-18", to = "2026-11-19" } }, "ssa-wg");
        await CreatedAsync("/api/statements", new { statementId = "joint-note", dialogueId = DialogueId, title = "Joint note on SSA", effectiveOn = "2026-11-17" },
            "joint-note", "/api/statements/joint-note");
        var clause = new JsonObject { ["number"] = 1, ["fieldCode"] = "JPIT-08", ["heading"] = "SSA", ["text"] = "Share SSA data.", ["effectiveOn"] = "2026-11-01" };
        await BreaksRuleAsync("/api/statements/joint-note/clauses", clause, "clause-after-drafting");
        await ChangedAsync("/api/statements/joint-note/clauses", clause.With("effectiveOn", "2026-11-17"), "joint-note");
        var adoption = new JsonObject { ["meetingId"] = "ssa-wg", ["adoptedOn"] = "2026-11", ["place"] = "Rome", ["signatories"] = new JsonArray("Both heads") };
        await BreaksRuleAsync("/api/statements/joint-note/adoption", adoption, "adoption-at-the-meeting");
        await ChangedAsync("/api/statements/joint-note/adoption", adoption.With("adoptedOn", "2026-11-19"), "joint-note");
    }

    [Fact]
    public async Task A_commitment_filed_under_another_field_than_its_clause_or_superseded_by_one_not_yet_made_is_422()
    {
        await SeedAsync();
        var refusal = await BreaksRuleAsync(CommitmentEndpointTests.Url,
            CommitmentEndpointTests.Making().With("fieldCode", "JPIT-01").With("source", CommitmentEndpointTests.Source("clause", StatementId, "6")),
            "commitment-in-its-clause-field");
        Assert.Contains("JPIT-06", refusal.ToJsonString(), StringComparison.Ordinal);
        await CreatedAsync(CommitmentEndpointTests.Url, CommitmentEndpointTests.Making().With("effectiveOn", "2026-11-19"),
            CommitmentEndpointTests.New, $"/api/commitments/{CommitmentEndpointTests.New}");
        var superseding = CommitmentEndpointTests.StatusChange("superseded", CommitmentEndpointTests.New).With("effectiveOn", "2026-08-01");
        await BreaksRuleAsync($"/api/commitments/{CommitmentEndpointTests.Collision}/status", superseding, "superseded-after-successor-made");
        await ChangedAsync($"/api/commitments/{CommitmentEndpointTests.Collision}/status", superseding.With("effectiveOn", "2026-11-20"), CommitmentEndpointTests.Collision);
    }

    [Fact]
    public async Task A_field_of_another_dialogue_coded_with_the_japan_italy_prefix_is_409_and_japan_italy_keeps_its_next_code()
    {
        await SeedAsync();
        await OtherDialogueAsync();
        var field = new JsonObject
        {
            ["fieldCode"] = "JPIT-11", ["dialogueId"] = OtherDialogue, ["number"] = 2, ["title"] = "Maritime domain awareness", ["scope"] = "S.", ["effectiveOn"] = "2026-11-01",
        };
        await ConflictAsync("/api/fields", field, "field-code-prefix-of-one-dialogue");
        await CreatedAsync("/api/fields", field.With("dialogueId", DialogueId).With("number", 11), "JPIT-11", "/api/fields/JPIT-11");
    }
}
