using Consultations.Tests.Infrastructure;

namespace Consultations.Tests.Reliability;

public class HealthTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task The_host_says_it_is_alive_and_ready_when_the_database_answers()
    {
        var live = await Host.Scenario(x => { x.Get.Url("/health/live"); x.IgnoreStatusCode(); });
        var ready = await GetAsync("/health/ready");

        Assert.Equal(200, live.Context.Response.StatusCode);
        Assert.Equal(200, ready.Status);
        Assert.Equal("Healthy", ready.Body!["checks"]!["database"]!["status"]!.GetValue<string>());
    }
}
