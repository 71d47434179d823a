namespace Consultations.Tests.Commitments;

/// <summary>A commitment is made by parties of its own dialogue; anyone else is refused naming the party at fault.</summary>
public class CommitmentPartyTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    [Fact]
    public async Task A_party_outside_the_dialogue_is_refused_naming_it_and_nothing_is_appended()
    {
        await SeedAsync();
        var making = new JsonObject
        {
            ["commitmentId"] = "jpit-08-ssa-with-france", ["dialogueId"] = DialogueId, ["fieldCode"] = "JPIT-08", ["text"] = "Share SSA data.",
            ["parties"] = new JsonArray("Japan", "France"), ["agencies"] = new JsonArray(), ["programmes"] = new JsonArray(),
            ["source"] = new JsonObject { ["kind"] = "statement", ["id"] = StatementId }, ["status"] = "agreed", ["effectiveOn"] = "2026-07-01",
        };

        await InvalidAsync("/api/commitments", making, "parties[1]");
        await CreatedAsync("/api/commitments", making.With("parties", new JsonArray("Japan", "Italy")), "jpit-08-ssa-with-france",
            "/api/commitments/jpit-08-ssa-with-france");
    }
}
