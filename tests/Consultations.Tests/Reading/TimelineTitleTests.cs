namespace Consultations.Tests.Reading;

/// <summary>Titles a person reads name records as a person would; ids stay in <c>recordId</c> and <c>link</c> (ADR 0033).</summary>
public class TimelineTitleTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Plan = JapanItalyRecord.PlanId;

    [Fact]
    public async Task Timeline_titles_name_commitments_items_and_plans_by_their_words_not_their_ids()
    {
        await SeedAsync();
        await PostAsync($"/api/action-plans/{Plan}/items", new { itemId = "ap-solar-c-data", fieldCode = "JPIT-06", text = "Share SOLAR-C data with Italian teams.", effectiveOn = "2026-07-01" });
        await PostAsync($"/api/action-plans/{Plan}/items/ap-solar-c-data/progress", new { progress = "delayed", note = "Funding.", effectiveOn = "2026-09-01" });
        await PostAsync("/api/commitments/jpit-01-mutual-access/status", new { to = "in-progress", effectiveOn = "2026-09-01", reason = "Launch agreement signed." });
        await PostAsync("/api/commitments/jpit-01-mutual-access/amendments", new { text = "Japan and Italy will open their launch services to each other's payloads.", effectiveOn = "2026-11-01", reason = "Clarified at working level." });

        var (status, body) = await GetAsync("/api/timeline");

        Assert.Equal(200, status);
        var items = body!.AsArray();
        var titles = items.Select(i => i!["title"]!.GetValue<string>()).ToList();
        Assert.Contains("Commitment made: “Japan and Italy are committed to facilitating mutual access to space.”", titles);
        Assert.Contains("Commitment “Japan and Italy are committed to facilitating mutual access to space.”: agreed → in-progress", titles);
        Assert.Contains("2024–2027 Action Plan item “Share SOLAR-C data with Italian teams.”: action item delayed", titles);
        // A commitment is named by its text as made: June's entry does not read November's amended words.
        Assert.DoesNotContain(titles, t => t.Contains("launch services", StringComparison.Ordinal));
        // A paraphrase is said to be one, never put in quotation marks as if it were the statement's words.
        Assert.Contains(titles, t => t.StartsWith("Commitment made: As signatories to the Artemis Accords", StringComparison.Ordinal) && t.EndsWith("(paraphrase)", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.StartsWith("Action plan reaffirmed by statement Japan–Italy Joint Statement on Space Collaboration", StringComparison.Ordinal));
        Assert.DoesNotContain(titles, t => t.Contains("jpit-", StringComparison.Ordinal) || t.Contains(Plan, StringComparison.Ordinal) || t.Contains("ap-solar-c-data", StringComparison.Ordinal));
        // The machines keep the ids.
        var made = items.First(i => i!["kind"]!.GetValue<string>() == "commitment-made" && i["recordId"]!.GetValue<string>() == "jpit-01-mutual-access")!;
        Assert.Equal("/api/commitments/jpit-01-mutual-access", made["link"]!.GetValue<string>());
    }
}
