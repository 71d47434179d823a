using Consultations.Host.Security;
using Alba;
using Consultations.Host.Auditing.Ledger;
using Marten;
using Npgsql;

namespace Consultations.Tests.Auditing;

/// <summary>A clean record and an empty ledger before each test (the base reset), plus raw SQL for the tamper tests.</summary>
public abstract class AuditingContext(AppFixture fixture) : IntegrationContext(fixture)
{
    protected EventLedger Ledger => Host.Services.GetRequiredService<EventLedger>();

    protected string Schema => Store.Options.Events.DatabaseSchemaName;

    /// <summary>Waits until the ledger subscription has sealed every event recorded so far.</summary>
    protected async Task SealedAsync() => Assert.True(await Ledger.CatchUpAsync(TimeSpan.FromSeconds(60), CancellationToken.None), "The ledger did not catch up.");

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
