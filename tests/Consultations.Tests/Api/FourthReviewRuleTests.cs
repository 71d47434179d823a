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
}
