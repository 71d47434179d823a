using System.Net.Http.Json;
using System.Text.Json;
using Consultations.Host.Auditing.Ledger;
using Consultations.Host.Infrastructure;
using Consultations.Projections.Register;
using Consultations.Projections.Search;
using Consultations.Host.RecordFiles;
using Marten.Events.Daemon.Coordination;

namespace Consultations.Tests.Infrastructure;

/// <summary>Base for integration tests: a clean record before each test, and helpers to act as a user would.</summary>
public abstract class IntegrationContext(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    protected AppFixture Fixture => fixture;

    protected IAlbaHost Host => fixture.Host;

    protected IDocumentStore Store => fixture.Store;

    /// <summary>
    /// True in a class whose tests only read: the record <see cref="ArrangeSharedAsync"/> writes is written once for the
    /// class (on its fixture's fresh schema) and read by every test, instead of being reset and written again before each.
    /// A test of such a class must not write; one that needs another record belongs in another class.
    /// </summary>
    protected virtual bool SharesRecord => false;

    /// <summary>What a class that shares its record reads: by default the bundled record.</summary>
    protected virtual Task ArrangeSharedAsync() => SeedAsync();

    public virtual async Task InitializeAsync()
    {
        if (!SharesRecord)
        {
            await ResetAsync(ResetStoreAsync);
            return;
        }

        if (Fixture.Arranged) return;
        await ResetAsync(ResetStoreAsync);
        await ArrangeSharedAsync();
        Fixture.Arranged = true;
    }

    /// <summary>
    /// Marten's reset with the daemon paused, so that its async views and the ledger subscription start again from the
    /// empty store rather than from positions past the new events; and the plain tables Marten's reset does not know (the
    /// ledger, which a subscription starting from nothing must find empty, the register's SQL table and the search index) wiped with it.
    /// </summary>
    private async Task ResetStoreAsync()
    {
        var coordinator = Host.Services.GetService<IProjectionCoordinator>();
        if (coordinator is not null) await coordinator.PauseAsync();
        try
        {
            await Store.Advanced.ResetAllData();
            await using var session = Store.LightweightSession();
            session.QueueSqlCommand($"delete from \"{Fixture.Schema}\".{LedgerSubscription.TableName}");
            session.QueueSqlCommand($"delete from \"{Fixture.Schema}\".{CommitHashes.TableName}");
            session.QueueSqlCommand($"delete from \"{Fixture.Schema}\".{CommitmentRegisterTable.TableName}");
            session.QueueSqlCommand($"delete from \"{Fixture.Schema}\".{SearchIndexProjection.TableName}");
            await session.SaveChangesAsync();
        }
        finally
        {
            if (coordinator is not null) await coordinator.ResumeAsync();
        }
    }

    /// <summary>
    /// Test classes run in parallel, each in its own schema; PostgreSQL can still pick one of two concurrent resets as a
    /// deadlock victim (40P01) over shared catalog locks. A reset is safe to repeat, so it is retried.
    /// </summary>
    protected static async Task ResetAsync(Func<Task> reset)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await reset();
                return;
            }
            catch (Exception e) when (attempt < 5 && IsDeadlock(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
            }
        }
    }

    private static bool IsDeadlock(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: "40P01" }) return true;
        }

        return false;
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected Task<ImportResult> SeedAsync() =>
        Host.Services.GetRequiredService<RecordImporter>().ImportAsync(RecordImporter.BundledRecordPath, "test", null, CancellationToken.None);

    protected async Task<long> EventCountAsync()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    /// <summary>POSTs a JSON body (anything serializable, or raw JSON text) and returns the answer's status and body.</summary>
    protected async Task<(int Status, JsonNode? Body)> PostAsync(string url, object body)
    {
        var result = await Host.Scenario(x =>
        {
            if (body is string raw) x.Post.Text(raw).ToUrl(url);
            else x.Post.Json(body, JsonStyle.MinimalApi).ToUrl(url);
            x.WithRequestHeader("Content-Type", "application/json");
            x.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        return (result.Context.Response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }

    protected async Task<(int Status, JsonNode? Body)> GetAsync(string url)
    {
        var result = await Host.Scenario(x =>
        {
            x.Get.Url(url);
            x.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        return (result.Context.Response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }

    protected static JsonSerializerOptions Json => JsonConventions.Options;

    protected static void AssertProblem(JsonNode? body, int status) => Assert.Equal(status, body?["status"]?.GetValue<int>());

    protected static void AssertFieldError(JsonNode? body, string field)
    {
        var errors = body?["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(field), $"Expected an error for '{field}' in: {body?.ToJsonString()}");
    }

    protected static HttpContent Raw(string json) => JsonContent.Create(json);
}
