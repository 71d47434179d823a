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

        var other = await PostAsync(Host, "/api/commitments/jpit-06-solar-c/status", new { to = "withdrawn", effectiveOn = "2026-09-01", reason = "Other." }, "retry-2");

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

    [Fact]
    public async Task A_key_is_the_callers_own_another_user_sending_it_gets_no_answer_of_theirs()
    {
        await SeedAsync();
        var first = await PostAsync(Host, "/api/commitments/jpit-06-solar-c/status", Fulfil, "shared-key");
        Assert.Equal(200, first.Status);

        var result = await Host.Scenario(x =>
        {
            x.Post.Json(Fulfil).ToUrl("/api/commitments/jpit-06-solar-c/status");
            x.WithRequestHeader("Idempotency-Key", "shared-key");
            x.WithRequestHeader("Authorization", TestTokens.Bearer("Bianchi, Anna", Consultations.Host.Security.Roles.Secretariat));
        });

        Assert.False(result.Context.Response.Headers.ContainsKey("Idempotent-Replayed"));
        Assert.Equal(0, JsonNode.Parse(await result.ReadAsTextAsync())!["appended"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_key_on_a_route_that_records_nothing_stores_nothing()
    {
        await using var anonymous = await AppFixture.StartHostAsync(Fixture.Schema, authenticate: false);
        for (var i = 0; i < 5; i++)
        {
            await anonymous.Scenario(x =>
            {
                x.Post.Json(new { }).ToUrl("/health/live");
                x.WithRequestHeader("Idempotency-Key", $"anonymous-{i}");
                x.IgnoreStatusCode();
            });
            await Host.Scenario(x =>
            {
                x.Get.Url("/api/fields");
                x.WithRequestHeader("Idempotency-Key", $"read-{i}");
            });
        }

        await using var session = Store.QuerySession();
        Assert.Equal(0, await session.Query<Consultations.Host.Infrastructure.IdempotentRequest>().CountAsync());

        // The anonymous caller's key blocks nobody's real write.
        await SeedAsync();
        var write = await PostAsync(Host, "/api/commitments/jpit-06-solar-c/status", Fulfil, "anonymous-0");
        Assert.Equal(200, write.Status);
    }

    [Fact]
    public async Task A_key_expires_after_its_configured_lifetime()
    {
        await SeedAsync();
        await using var shortLived = await AppFixture.StartHostAsync(Fixture.Schema,
            settings: new Dictionary<string, string> { ["Consultations:IdempotencyKeyHours"] = "0" });
        var first = await PostAsync(shortLived, "/api/commitments/jpit-06-solar-c/status", Fulfil, "expiring");
        var retry = await PostAsync(shortLived, "/api/commitments/jpit-06-solar-c/status", Fulfil, "expiring");

        Assert.Equal(200, first.Status);
        Assert.Equal(200, retry.Status);
        // Expired: the retry is decided again (and, the status already fulfilled, appends nothing), not replayed.
        Assert.False(retry.Result.Context.Response.Headers.ContainsKey("Idempotent-Replayed"));
        Assert.Equal(0, JsonNode.Parse(retry.Body)!["appended"]!.GetValue<int>());
        await using var session = Store.QuerySession();
        Assert.True(await session.Query<Consultations.Host.Infrastructure.IdempotentRequest>().CountAsync() <= 1);
    }
}
