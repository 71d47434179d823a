using Alba;
using Wolverine;

namespace Consultations.Tests.Reliability;

public class IdempotencyTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly object Fulfil = new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Delivered." };

    private static async Task<(int Status, string Body, IScenarioResult Result)> PostAsync(IAlbaHost host, string url, object body, string key)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(body).ToUrl(url);
            x.WithRequestHeader("Idempotency-Key", key);
            x.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsTextAsync(), result);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_returns_the_first_answer_and_appends_nothing()
    {
        await SeedAsync();
        var first = await PostAsync(Host, "/api/commitments/jpit-06-solar-c/status", Fulfil, "retry-1");
        var afterFirst = await EventCountAsync();
        var retry = await PostAsync(Host, "/api/commitments/jpit-06-solar-c/status", Fulfil, "retry-1");

        Assert.Equal(200, first.Status);
        Assert.Equal(200, retry.Status);
        Assert.Equal(first.Body, retry.Body);
        Assert.Equal(1, JsonNode.Parse(retry.Body)!["appended"]!.GetValue<int>());
        Assert.Equal("true", retry.Result.Context.Response.Headers["Idempotent-Replayed"].ToString());
        Assert.Equal(afterFirst, await EventCountAsync());
    }

    [Fact]
    public async Task The_same_key_for_another_request_is_refused()
    {
        await SeedAsync();
        await PostAsync(Host, "/api/commitments/jpit-06-solar-c/status", Fulfil, "retry-2");
        var before = await EventCountAsync();

        var other = await PostAsync(Host, "/api/commitments/jpit-05-earth-observation/status", Fulfil, "retry-2");

        Assert.Equal(422, other.Status);
        Assert.Equal("idempotency-key-reused", JsonNode.Parse(other.Body)!["rule"]!.GetValue<string>());
        Assert.Equal(before, await EventCountAsync());
    }

    [Fact]
    public async Task A_refused_request_is_not_kept_so_it_can_be_retried_once_fixed()
    {
        await SeedAsync();
        var refused = await PostAsync(Host, "/api/commitments/jpit-06-solar-c/status", new { to = "proposed", effectiveOn = "2026-09-01", reason = "x" }, "retry-3");
        Assert.Equal(409, refused.Status);

        var again = await PostAsync(Host, "/api/commitments/jpit-06-solar-c/status", new { to = "proposed", effectiveOn = "2026-09-01", reason = "x" }, "retry-3");
        Assert.Equal(409, again.Status);
        Assert.False(again.Result.Context.Response.Headers.ContainsKey("Idempotent-Replayed"));
    }

    [Fact]
    public async Task The_key_survives_a_restart_of_the_host()
    {
        await SeedAsync();
        var first = await PostAsync(Host, "/api/commitments/jpit-06-solar-c/status", Fulfil, "retry-4");
        var before = await EventCountAsync();

        await using var restarted = await AppFixture.StartHostAsync(Fixture.Schema);
        var retry = await PostAsync(restarted, "/api/commitments/jpit-06-solar-c/status", Fulfil, "retry-4");

        Assert.Equal(first.Body, retry.Body);
        Assert.Equal("true", retry.Result.Context.Response.Headers["Idempotent-Replayed"].ToString());
        Assert.Equal(before, await EventCountAsync());
    }
}
