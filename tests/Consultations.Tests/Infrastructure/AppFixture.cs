using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Consultations.Tests.Infrastructure;

/// <summary>
/// One Alba host per test class, on the shared throwaway PostgreSQL, in a schema of its own so that classes run in
/// parallel without seeing each other's data.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;

    public string Schema { get; } = "t_" + Guid.NewGuid().ToString("N")[..12];

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.ConnectionStringAsync();
        Host = await AlbaHost.For<Program>(x =>
        {
            x.UseSetting("ConnectionStrings:Marten", connectionString);
            x.UseSetting("Consultations:Schema", Schema);
            x.UseSetting("Consultations:SeedWhenEmpty", "false");
            x.UseSetting("Consultations:ProjectionDaemon", "Solo");
            x.ConfigureServices(s => s.RunWolverineInSoloMode());
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
    }
}
