using BenchmarkDotNet.Attributes;
using Consultations.LocalDatabase;
using Consultations.Host.Infrastructure;
using Consultations.Host.RecordFiles;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;

namespace Consultations.Bench;

/// <summary>
/// The whole write path against a real PostgreSQL: importing the Japan–Italy record (58 steps, ~60 events, inline
/// projections) into an empty store, and re-importing it when everything is already on record.
/// </summary>
public class ImportBenchmarks
{
    private LocalPostgres _postgres = null!;
    private DocumentStore _store = null!;
    private RecordImporter _importer = null!;
    private string _folder = "";

    [GlobalSetup]
    public async Task Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "consultations-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
        _postgres = await LocalPostgres.StartAsync(Path.Combine(_folder, "pg"), NullLogger.Instance);
        var cs = await _postgres.EnsureDatabaseAsync("bench");
        _store = DocumentStore.For(o => StoreSetup.Configure(o, cs, "bench"));
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        _importer = new RecordImporter(_store, TimeProvider.System);
    }

    [IterationSetup(Target = nameof(ImportIntoEmptyStore))]
    public void Reset() => _store.Advanced.ResetAllData().GetAwaiter().GetResult();

    [Benchmark]
    public Task<ImportResult> ImportIntoEmptyStore() => _importer.ImportAsync(RecordImporter.BundledRecordPath, "bench", null, CancellationToken.None);

    [IterationSetup(Target = nameof(ReimportUnchanged))]
    public void Prepare()
    {
        _store.Advanced.ResetAllData().GetAwaiter().GetResult();
        _importer.ImportAsync(RecordImporter.BundledRecordPath, "bench", null, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task<ImportResult> ReimportUnchanged() => _importer.ImportAsync(RecordImporter.BundledRecordPath, "bench", null, CancellationToken.None);

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _store.Dispose();
        await _postgres.StopAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
