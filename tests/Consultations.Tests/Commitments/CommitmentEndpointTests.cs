using Consultations.Tests.Infrastructure;

namespace Consultations.Tests.Commitments;

public class CommitmentEndpointTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task Changing_a_seeded_commitment_status_is_recorded_and_shown()
    {
        await SeedAsync();
        var (status, body) = await PostAsync("/api/commitments/jpit-06-solar-c/status",
            new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "SOLAR-C instrument delivered." });
        Assert.Equal(200, status);
        Assert.Equal("jpit-06-solar-c", body!["id"]!.GetValue<string>());

        var (_, commitment) = await GetAsync("/api/commitments/jpit-06-solar-c");
        Assert.Equal("fulfilled", commitment!["status"]!.GetValue<string>());
    }
}
