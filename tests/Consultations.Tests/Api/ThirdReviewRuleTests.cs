using static Consultations.Tests.Commitments.CommitmentEndpointTests;

namespace Consultations.Tests.Api;

/// <summary>
/// The rules the third outside review of issue 11 found missing (ADR 0059), as the API answers them: the same decider
/// refuses them for the web forms.
/// </summary>
public class ThirdReviewRuleTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    private const string Workshop = "ssa-working-group";

    /// <summary>A two-day working group of the seeded dialogue, held 10–11 November, and a statement drafted with one clause.</summary>
    private async Task HeldWorkingGroupAndDraftAsync()
    {
        await SeedAsync();
        await CreatedAsync("/api/meetings", new
        {
            meetingId = Workshop, dialogueId = DialogueId, kind = "working-group", title = "SSA working group", place = "Tokyo",
            plannedDates = new { from = "2026-11-10", to = "2026-11-11" }, parties = new[] { "Japan", "Italy" }, delegations = Array.Empty<object>(),
            effectiveOn = "2026-10-01",
        }, Workshop, $"/api/meetings/{Workshop}");
        await ChangedAsync($"/api/meetings/{Workshop}/held", new { dates = new { from = "2026-11-10", to = "2026-11-11" } }, Workshop);
        await CreatedAsync("/api/statements", new { statementId = "joint-note", dialogueId = DialogueId, title = "Joint note on SSA", effectiveOn = "2026-11-09" },
            "joint-note", "/api/statements/joint-note");
        await ChangedAsync("/api/statements/joint-note/clauses",
            new { number = 1, fieldCode = "JPIT-08", heading = "SSA", text = "Share SSA data.", effectiveOn = "2026-11-09" }, "joint-note");
    }

    private static object Adoption(string on) => new { meetingId = Workshop, adoptedOn = on, place = "Tokyo", signatories = new[] { "Both heads" } };

    [Fact]
    public async Task A_statement_adopted_at_a_meeting_of_two_days_after_its_last_day_is_422_and_on_its_last_day_is_recorded()
    {
        await HeldWorkingGroupAndDraftAsync();
        await BreaksRuleAsync("/api/statements/joint-note/adoption", Adoption("2026-11-12"), "adoption-at-the-meeting");
        await ChangedAsync("/api/statements/joint-note/adoption", Adoption("2026-11-11"), "joint-note");
    }

    [Fact]
    public async Task A_plan_reaffirmed_by_a_cancelled_meeting_or_one_not_yet_held_is_409()
    {
        await HeldWorkingGroupAndDraftAsync();
        await ChangedAsync($"/api/meetings/{SecondConsultations}/cancellation",
            new { effectiveOn = "2026-11-15", reason = "Postponed sine die." }, SecondConsultations);
        var byCancelled = new { by = new { kind = "meeting", id = SecondConsultations }, effectiveOn = "2026-11-20" };
        await ConflictAsync($"/api/action-plans/{PlanId}/reaffirmations", byCancelled, "source-held-or-adopted");
        var byDraft = new { by = new { kind = "statement", id = "joint-note" }, effectiveOn = "2026-11-20" };
        await ConflictAsync($"/api/action-plans/{PlanId}/reaffirmations", byDraft, "source-held-or-adopted");
        var beforeHeld = new { by = new { kind = "meeting", id = Workshop }, effectiveOn = "2026-11-09" };
        await BreaksRuleAsync($"/api/action-plans/{PlanId}/reaffirmations", beforeHeld, "entry-after-its-source");
        await ChangedAsync($"/api/action-plans/{PlanId}/reaffirmations", new { by = new { kind = "meeting", id = Workshop }, effectiveOn = "2026-11-11" }, PlanId);
    }

    [Fact]
    public async Task A_commitment_from_a_meeting_not_held_is_409()
    {
        await SeedAsync();
        await ConflictAsync(Url, Making().With("source", Source("meeting", SecondConsultations)).With("effectiveOn", "2026-11-20"), "source-held-or-adopted");
    }

    [Fact]
    public async Task A_meeting_held_or_planned_before_its_dialogue_was_opened_is_422()
    {
        await SeedAsync();
        await BreaksRuleAsync($"/api/meetings/{SecondConsultations}/held", new { dates = new { from = "2020-01-01" } }, "meeting-after-dialogue-opened");
        await BreaksRuleAsync("/api/meetings", new
        {
            meetingId = "early-talks", dialogueId = DialogueId, kind = "consultation", title = "Early talks", place = "Rome",
            plannedDates = new { from = "2025-12-01" }, parties = new[] { "Japan", "Italy" }, delegations = Array.Empty<object>(),
        }, "meeting-after-dialogue-opened");
    }

    [Fact]
    public async Task A_field_with_a_number_already_used_in_its_dialogue_is_409_and_a_code_not_following_its_number_422()
    {
        await SeedAsync();
        var field = new JsonObject
        {
            ["fieldCode"] = "JPIT-12", ["dialogueId"] = DialogueId, ["number"] = 3, ["title"] = "Dup number", ["scope"] = "S.", ["effectiveOn"] = "2026-11-01",
        };
        await ConflictAsync("/api/fields", field, "field-numbers-unique");
        await BreaksRuleAsync("/api/fields", field.With("number", 11), "field-code-follows-number");
        await CreatedAsync("/api/fields", field.With("number", 12), "JPIT-12", "/api/fields/JPIT-12");
    }
}
