using System.Text.Json.Nodes;
using Consultations.Tests.Infrastructure;

namespace Consultations.Tests.Auditing;

/// <summary>A void is one more event: the audit trail links it with the entry it voids, and the ledger seals it, altering nothing.</summary>
public class VoidAuditTests(AppFixture fixture) : AuditingContext(fixture)
{
    private const string SolarC = "jpit-06-solar-c";

    [Fact]
    public async Task The_audit_trail_links_a_void_with_its_entry_and_the_ledger_stays_intact()
    {
        await SeedAsync();
        var (fulfilled, _) = await PostAsync($"/api/commitments/{SolarC}/status", new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "By mistake." });
        Assert.Equal(200, fulfilled);
        var (_, commitment) = await GetAsync($"/api/commitments/{SolarC}");
        var mistake = commitment!["history"]!.AsArray().Last(h => h!["kind"]!.GetValue<string>() == "commitment-status-changed")!["eventId"]!.GetValue<string>();
        var (voided, _) = await PostAsync("/api/voids", new { eventId = mistake, reason = "Recorded in error." });
        Assert.Equal(200, voided);

        var (_, trail) = await GetAsync($"/api/audit?record={SolarC}");
        var audit = trail!.AsArray();
        var voidEntry = audit.Single(a => a!["type"]!.GetValue<string>() == "entry_voided")!;
        Assert.Equal(mistake, voidEntry["corrects"]!["eventId"]!.GetValue<string>());
        Assert.Equal("Recorded in error.", voidEntry["reason"]!.GetValue<string>());
        var entry = audit.Single(a => a!["eventId"]!.GetValue<string>() == mistake)!;
        Assert.Contains(voidEntry["sequence"]!.GetValue<long>(), entry["correctedBy"]!.AsArray().Select(x => x!.GetValue<long>()));

        var (_, verified) = await GetAsync("/api/ledger/verify");
        Assert.True(verified!["intact"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.True(verified["checked"]!.GetValue<long>() >= voidEntry["sequence"]!.GetValue<long>());
    }
}
