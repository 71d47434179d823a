using Consultations.Domain.ActionPlans;
using Consultations.Domain.Commitments;
using Consultations.Domain.Common;

namespace Consultations.Tests.CooperationFields;

/// <summary>
/// Entries on file from before ADR 0053's rules can be dated before the field they belong to (issue 11's second review,
/// finding 23). A replay to a day before the field was defined shows no field at all: not a "Cooperation field 0" with no
/// title, made of those early entries (ADR 0057).
/// </summary>
public sealed class EntriesBeforeTheirFieldTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Field = "JPIT-08";

    /// <summary>The bundled record, then a commitment made in 2025 and an action item added in 2023 in JPIT-08 (defined 2026-06-15), appended as the record could hold them before the rules.</summary>
    private async Task GivenEntriesBeforeTheFieldAsync()
    {
        await SeedAsync();
        await using var session = Store.LightweightSession();
        session.Events.StartStream("early-commitment-test", new CommitmentMade("early-commitment-test", DialogueId, Field,
            "Early commitment test", ["Japan", "Italy"], [], [], new SourceRef(SourceKind.Meeting, TokyoSummit),
            CommitmentStatus.Proposed, PartialDate.Parse("2025-01-01")));
        session.Events.Append(PlanId, new ActionPlanItemAdded(PlanId, DialogueId,
            "joint-ssa-workshop", Field, "Joint SSA workshop", PartialDate.Parse("2023-05-01")));
        await session.SaveChangesAsync();
    }

    private static int Proposed(JsonNode? field) => field!["commitments"]!["proposed"]!.GetValue<int>();

    [Fact]
    public async Task A_replay_before_a_field_was_defined_has_no_such_field_even_when_entries_are_dated_earlier()
    {
        await GivenEntriesBeforeTheFieldAsync();

        // The entries are on file and count once the field exists: now, and on the day it was defined.
        var (_, now) = await GetAsync($"/api/fields/{Field}");
        Assert.Equal(1, Proposed(now));
        var (_, defined) = await GetAsync($"/api/fields/{Field}?effectiveOn=2026-06-15");
        Assert.Equal(("Space Sustainability", 1, 1), (defined!["title"]!.GetValue<string>(), Proposed(defined), defined["actionItems"]!.GetValue<int>()));

        // Before it: not on record, on the effective axis alone and with a recorded instant.
        var (status, missing) = await GetAsync($"/api/fields/{Field}?effectiveOn=2026-06-01");
        Assert.True(status == 404, $"{status}: {missing?.ToJsonString()}");
        var said = missing!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains($"No cooperation field '{Field}' is on record as in effect on 2026-06-01", said, StringComparison.Ordinal);
        var instant = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"));
        Assert.Equal(404, (await GetAsync($"/api/fields/{Field}?effectiveOn=2025-06-01&recordedAt={instant}")).Status);

        // The lists leave it out, and no field of the list is one without a title.
        foreach (var on in new[] { "2025-06-01", "2026-06-01" })
        {
            var (_, fields) = await GetAsync($"/api/fields?effectiveOn={on}");
            Assert.DoesNotContain(((JsonArray)fields!).Select(f => f!["code"]!.GetValue<string>()), c => c == Field);
            Assert.All((JsonArray)fields!, f => Assert.NotEqual("", f!["title"]!.GetValue<string>()));
        }
    }
}
