using System.Collections.Concurrent;
using Wolverine;

namespace Consultations.Tests.Infrastructure;

/// <summary>
/// An Alba host for a test class, on the shared throwaway PostgreSQL, in a schema of its own so that classes run in
/// parallel without seeing each other's data. A host outlives its class: when the class ends, the host and its schema
/// go back to a pool and the next class takes them, because starting a host (Wolverine compiles its handlers at start)
/// cost more than most classes' tests. Nothing carries over: <see cref="IntegrationContext"/> resets the store before
/// each test, or once before a class that shares its record, exactly as between two tests of one class (ADR 0038).
/// </summary>
public class AppFixture : IAsyncLifetime
{
    private static readonly ConcurrentBag<(IAlbaHost Host, string Schema)> Idle = [];

    public IAlbaHost Host { get; private set; } = null!;

    public string Schema { get; private set; } = "";

    /// <summary>Set once a class that shares its record (<see cref="IntegrationContext.SharesRecord"/>) has written it.</summary>
    public bool Arranged { get; set; }

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        if (Idle.TryTake(out var idle))
        {
            (Host, Schema) = idle;
            return;
        }

        Schema = "t_" + Guid.NewGuid().ToString("N")[..12];
        Host = await StartHostAsync(Schema);
    }

    /// <summary>
    /// A host on the shared test database. Unless <paramref name="authenticate"/> is false, every request that brings no
    /// Authorization header of its own carries a token with all three roles.
    /// </summary>
    public static async Task<IAlbaHost> StartHostAsync(string schema, bool authenticate = true, IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var connectionString = await PostgresServer.ConnectionStringAsync();
        var host = await AlbaHost.For<Program>(x =>
        {
            x.UseSetting("ConnectionStrings:Marten", connectionString);
            x.UseSetting("Consultations:Schema", schema);
            x.UseSetting("Consultations:SeedWhenEmpty", "false");
            x.UseSetting("Consultations:ProjectionDaemon", "Solo");
            x.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
            // No append here commits into a gap late: an unsealed event the sealer has passed is a lost seal at once.
            x.UseSetting("Consultations:Ledger:SettleSeconds", "0");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>()) x.UseSetting(key, value);
            x.ConfigureServices(s =>
            {
                s.RunWolverineInSoloMode();
                services?.Invoke(s);
            });
        });
        if (authenticate)
        {
            host.BeforeEach(context =>
            {
                if (!context.Request.Headers.ContainsKey("Authorization"))
                    context.Request.Headers.Authorization = "Bearer " + TestTokens.Everyone;
            });
        }

        return host;
    }

    /// <summary>
    /// Back to the pool, not stopped: the hosts left at the end go with the test process, and the test PostgreSQL with them.
    /// </summary>
    public Task DisposeAsync()
    {
        Idle.Add((Host, Schema));
        return Task.CompletedTask;
    }
}
