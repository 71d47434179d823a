using Consultations.Host.Security;
using Consultations.Host.Auditing.Ledger;
using Npgsql;

namespace Consultations.Tests.Auditing;

/// <summary>A clean record and an empty ledger before each test (the base reset), plus raw SQL for the tamper tests.</summary>
public abstract class AuditingContext(AppFixture fixture) : IntegrationContext(fixture)
{
    protected EventLedger Ledger => Host.Services.GetRequiredService<EventLedger>();

    protected string Schema => Store.Options.Events.DatabaseSchemaName;

    /// <summary>Waits until the ledger subscription has sealed every event recorded so far.</summary>
    protected async Task SealedAsync() => Assert.True(await Ledger.CatchUpAsync(TimeSpan.FromSeconds(60), CancellationToken.None), "The ledger did not catch up.");

    /// <summary>
    /// A forger who can rewrite everything in the database: replaces the last event of a stream (deleting it with its
    /// hash fixed at commit and every seal from there, and inserting the forged one, which the trigger hashes afresh), then
    /// rewinds the subscription so that the daemon reseals the rest. The chain is consistent again; only a digest kept
    /// outside the database shows the rewrite. Returns the forged position.
    /// </summary>
    protected async Task<long> RewriteHistoryAsync()
    {
        var target = await ScalarAsync<long>($"select max(seq_id) from \"{Schema}\".mt_events where stream_id = 'jpit-06-solar-physics'");
        await SqlAsync($$"""
            create temporary table forged on commit drop as select * from "{{Schema}}".mt_events where seq_id = {{target}};
            update forged set data = jsonb_set(data, '{Reason}', '"Nothing was promised."');
            delete from "{{Schema}}".mt_events where seq_id = {{target}};
            delete from "{{Schema}}".{{CommitHashes.TableName}} where seq_id = {{target}};
            delete from "{{Schema}}".{{LedgerSubscription.TableName}} where position >= {{target}};
            insert into "{{Schema}}".mt_events select * from forged;
            """);
        await Host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().DaemonForMainDatabase().RewindSubscriptionAsync("AuditSeal", CancellationToken.None, target - 1);
        await SealedAsync();
        return target;
    }

    protected async Task<int> SqlAsync(string sql)
    {
        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(sql, connection, tx);
        var rows = await command.ExecuteNonQueryAsync();
        await tx.CommitAsync();
        return rows;
    }

    protected async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    protected async Task<(int Status, JsonNode? Body)> PostAsAsync(string user, string url, object body)
    {
        var result = await Host.Scenario(x =>
        {
            x.Post.Json(body, JsonStyle.MinimalApi).ToUrl(url);
            x.WithRequestHeader("Authorization", TestTokens.Bearer(user, Roles.Secretariat, Roles.Auditor));
            x.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        return (result.Context.Response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }

    /// <summary>An instant between two writes, as a query-string value. Recorded times are the database's clock, on this machine.</summary>
    protected static async Task<string> InstantAsync()
    {
        await Task.Yield();
        var now = DateTimeOffset.UtcNow;
        return Uri.EscapeDataString(now.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"));
    }
}
