namespace Consultations.Tests.Auditing;

/// <summary>A void is one more event: the audit trail links it with the entry it voids, and the ledger seals it, altering nothing.</summary>
public class VoidAuditTests(AppFixture fixture) : AuditingContext(fixture)
{
    private const string SolarC = "jpit-06-solar-c";

    [Fact]
    public async Task The_audit_trail_links_a_void_with_its_entry_and_the_ledger_stays_intact()
    {
        await SeedAsync();
        var before = DateTimeOffset.UtcNow;
        var (fulfilled, _) = await PostAsync($"/api/commitments/{SolarC}/status", new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "By mistake." });
        Assert.Equal(200, fulfilled);
        var (_, commitment) = await GetAsync($"/api/commitments/{SolarC}");
        var mistake = commitment!["history"]!.AsArray().Last(h => h!["kind"]!.GetValue<string>() == "commitment-status-changed")!["eventId"]!.GetValue<string>();
        var (voided, _) = await PostAsync("/api/voids", new { eventId = mistake, reason = "Recorded in error." });
        Assert.Equal(200, voided);

        var (_, trail) = await GetAsync($"/api/audit?record={SolarC}");
        var audit = trail!.AsArray();
        var voidEntry = audit.Single(a => a!["kind"]!.GetValue<string>() == "entry-voided")!;
        Assert.Equal("entry_voided", voidEntry["type"]!.GetValue<string>());
        Assert.Equal(mistake, voidEntry["corrects"]!["eventId"]!.GetValue<string>());
        Assert.Equal("Recorded in error.", voidEntry["reason"]!.GetValue<string>());
        var entry = audit.Single(a => a!["eventId"]!.GetValue<string>() == mistake)!;
        Assert.Contains(voidEntry["eventId"]!.GetValue<string>(), entry["correctedBy"]!.AsArray().Select(x => x!.GetValue<string>()));
        // The record's own history names the same void by the same id.
        var (_, afterVoid) = await GetAsync($"/api/commitments/{SolarC}");
        var struck = afterVoid!["history"]!.AsArray().Single(h => h!["eventId"]!.GetValue<string>() == mistake)!;
        Assert.Equal(voidEntry["eventId"]!.GetValue<string>(), struck["voidedBy"]!.GetValue<string>());

        // The changes between two instants list what was stored in between, the mistake and its void both; the field's
        // counts before and after agree, since the void took the mistake back.
        var (_, changes) = await GetAsync($"/api/changes?from={Uri.EscapeDataString(before.ToString("O"))}&field=JPIT-06");
        var types = changes!["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["commitment_status_changed", "entry_voided"], types);
        Assert.DoesNotContain(changes["fields"]!.AsArray(), f => f!["changes"]!.AsArray().Count > 0);

        // On the effective axis an entry whose value was corrected is listed as corrected, under its own type.
        var (_, meeting) = await GetAsync("/api/meetings/space-consultations-1-tokyo");
        var heldEntry = meeting!["history"]!.AsArray().Single(h => h!["kind"]!.GetValue<string>() == "meeting-held")!;
        // A history entry shows what it recorded: where the meeting was held, and when.
        Assert.Equal(["place", "heldDates"], heldEntry["changes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()));
        var held = heldEntry["eventId"]!.GetValue<string>();
        var (corrected, _) = await PostAsync("/api/corrections", new { eventId = held, reason = "The place was recorded wrongly.", place = "Tokyo, JAXA" });
        Assert.Equal(200, corrected);
        var (status, effective) = await GetAsync("/api/changes?axis=effective&from=2026-05-01&to=2026-05-31");
        Assert.Equal(200, status);
        Assert.Contains("meeting_held", effective!["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));

        var (_, verified) = await GetAsync("/api/ledger/verify");
        Assert.True(verified!["intact"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.True(verified["checked"]!.GetValue<long>() >= voidEntry["sequence"]!.GetValue<long>());
    }
}
