using Consultations.Host.RecordFiles;

namespace Consultations.Host.Infrastructure;

/// <summary>On start, loads the bundled Japan–Italy record when the event store holds nothing yet.</summary>
public sealed class SeedWhenEmpty(IDocumentStore store, RecordImporter importer, IConfiguration configuration, ILogger<SeedWhenEmpty> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (!configuration.GetValue("Consultations:SeedWhenEmpty", true)) return;
        await using var session = store.QuerySession();
        if (await session.Events.QueryAllRawEvents().AnyAsync(ct)) return;

        var result = await importer.ImportAsync(RecordImporter.BundledRecordPath, "seed", null, ct);
        logger.LogInformation("The store was empty: loaded {File} ({Steps} steps, {Events} events).", result.File, result.Steps, result.EventsAppended);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
