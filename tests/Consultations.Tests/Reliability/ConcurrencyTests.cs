using System.Net.Http.Json;

namespace Consultations.Tests.Reliability;

public class ConcurrencyTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Commitment = "/api/commitments/jpit-06-solar-c";

    private static object Amendment(int n) => new { text = $"Amended wording {n}.", effectiveOn = "2026-07-01", reason = $"Editorial pass {n}." };

    private async Task<(int Status, JsonNode? Body, string? ETag)> PostWithIfMatchAsync(string url, object body, string? ifMatch)
    {
        var result = await Host.Scenario(x =>
        {
            x.Post.Json(body).ToUrl(url);
            if (ifMatch is not null) x.WithRequestHeader("If-Match", ifMatch);
            x.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        return (result.Context.Response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text),
            result.Context.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task A_new_document_another_write_stored_first_is_a_lost_race_answered_409()
    {
        // The same new document claimed by two writers: the second's save is the race it lost, as the API and forms see it.
        var key = $"race-{Guid.NewGuid():N}";
        await using (var first = Store.LightweightSession())
        {
            first.Insert(new Consultations.Host.Infrastructure.IdempotentRequest { Id = key, Method = "POST", Path = "/api/voids" });
            await first.SaveChangesAsync();
        }

        await using var second = Store.LightweightSession();
        second.Insert(new Consultations.Host.Infrastructure.IdempotentRequest { Id = key, Method = "POST", Path = "/api/voids" });
        var lost = await Assert.ThrowsAsync<JasperFx.DocumentAlreadyExistsException>(() => second.SaveChangesAsync());

        Assert.True(Consultations.Host.Infrastructure.LostRace.Is(lost));
        var problem = Consultations.Host.Infrastructure.ProblemMapping.ToProblem(lost);
        Assert.Equal(409, problem?.Status);
        Assert.Equal("concurrent-write", problem?.Extensions["rule"]);
        Assert.False(Consultations.Host.Infrastructure.LostRace.Is(new InvalidOperationException("not a race")));
    }

    [Fact]
    public async Task A_write_answers_with_the_new_version_as_its_ETag()
    {
        await SeedAsync();
        var (status, body, etag) = await PostWithIfMatchAsync($"{Commitment}/amendments", Amendment(1), "\"1\"");

        Assert.Equal(200, status);
        Assert.Equal(2, body!["version"]!.GetValue<long>());
        Assert.Equal("\"2\"", etag);
    }

    [Fact]
    public async Task A_write_against_a_stale_version_is_refused_with_the_current_version_and_appends_nothing()
    {
        await SeedAsync();
        await PostWithIfMatchAsync($"{Commitment}/amendments", Amendment(1), "\"1\"");
        var before = await EventCountAsync();

        var (status, body, _) = await PostWithIfMatchAsync($"{Commitment}/status",
            new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Delivered." }, "\"1\"");

        Assert.Equal(409, status);
        Assert.Equal("stale-version", body!["rule"]!.GetValue<string>());
        Assert.Equal(2, body["currentVersion"]!.GetValue<long>());
        Assert.Equal(before, await EventCountAsync());
    }

    [Fact]
    public async Task An_If_Match_that_is_not_a_version_is_a_bad_request()
    {
        await SeedAsync();
        var before = await EventCountAsync();
        var (status, body, _) = await PostWithIfMatchAsync($"{Commitment}/amendments", Amendment(1), "\"yesterday\"");

        Assert.Equal(400, status);
        AssertFieldError(body, "If-Match");
        Assert.Equal(before, await EventCountAsync());
    }

    [Fact]
    public async Task Of_many_writers_holding_the_same_version_exactly_one_wins()
    {
        await SeedAsync();
        var attempts = Enumerable.Range(1, 12).Select(n => PostWithIfMatchAsync($"{Commitment}/amendments", Amendment(n), "\"1\""));
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Status == 200);
        Assert.All(results.Where(r => r.Status != 200), r => Assert.Equal(409, r.Status));
        await using var session = Store.QuerySession();
        var stream = await session.Events.FetchStreamAsync("jpit-06-solar-c");
        Assert.Equal(2, stream.Count);
    }

    [Fact]
    public async Task Every_accepted_write_of_many_parallel_writers_is_stored_exactly_once()
    {
        await SeedAsync();
        var results = await Task.WhenAll(Enumerable.Range(1, 16)
            .Select(n => PostWithIfMatchAsync($"{Commitment}/amendments", Amendment(n), null)));

        var accepted = results.Where(r => r.Status == 200).Select(r => r.Body!["version"]!.GetValue<long>()).ToList();
        Assert.All(results, r => Assert.Contains(r.Status, new[] { 200, 409 }));
        Assert.NotEmpty(accepted);
        Assert.Equal(accepted.Count, accepted.Distinct().Count());

        await using var session = Store.QuerySession();
        var stream = await session.Events.FetchStreamAsync("jpit-06-solar-c");
        var amendments = stream.Skip(1).Select(e => e.Data).OfType<Consultations.Domain.Commitments.CommitmentAmended>().ToList();
        Assert.Equal(accepted.Count, amendments.Count);
        Assert.Equal(amendments.Count, amendments.Select(a => a.Text).Distinct().Count());
        Assert.Equal(1 + accepted.Count, stream.Count);
    }
}

public class RecordVersionTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task Reading_a_record_gives_its_version_to_send_back_as_If_Match()
    {
        await SeedAsync();
        var read = await Host.Scenario(x => x.Get.Url("/api/commitments/jpit-06-solar-c"));
        var etag = read.Context.Response.Headers.ETag.ToString();
        Assert.Equal("\"1\"", etag);

        var write = await Host.Scenario(x =>
        {
            x.Post.Json(new { text = "New wording.", effectiveOn = "2026-07-01", reason = "Editorial." }).ToUrl("/api/commitments/jpit-06-solar-c/amendments");
            x.WithRequestHeader("If-Match", etag);
        });
        Assert.Equal("\"2\"", write.Context.Response.Headers.ETag.ToString());

        var reread = await Host.Scenario(x => x.Get.Url("/api/commitments/jpit-06-solar-c"));
        Assert.Equal("\"2\"", reread.Context.Response.Headers.ETag.ToString());
    }
}
