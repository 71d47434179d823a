using Consultations.Tests.Infrastructure;
namespace Consultations.Tests.Api;
public class ZzProbeTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task Probe()
    {
        await SeedAsync();
        var sb = new System.Text.StringBuilder();
        foreach (var url in new[] { "/api/fields", "/api/fields/JPIT-06", "/api/timeline", "/api/commitments/jpit-06-solar-c", "/api/fields/NOPE", "/api/timeline?from=2026-13-01", "/api/timeline?from=2026-06-01&to=2026-05-01", "/api/dialogues" })
        {
            var (s, b) = await GetAsync(url);
            sb.AppendLine($"==== {url} {s}\n{b?.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true })}");
        }
        File.WriteAllText("/tmp/probe.txt", sb.ToString());
    }
}
