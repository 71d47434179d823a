using Consultations.Host.RecordFiles;
using Consultations.Host.Reports;
using Consultations.Tests.Reporting;
using Marten.Events;
using Marten.Events.Daemon.Coordination;
using Npgsql;

namespace Consultations.Tests.RecordFiles;

/// <summary>
/// An import holds its sequence numbers uncommitted until its one commit. While it does, the daemon sees a gap under
/// events committed after it; a daemon that skipped that gap as stale would leave the imported records out of every
/// async view for good. The daemon must wait the import out (ADR 0062): here it is given a small stale threshold and
/// many chances to skip, and the async views must still end equal to their rebuild from every event. The same setup
/// with Marten's wall-clock-only skipping (transaction evidence off) loses the import: the test can tell the two apart.
/// </summary>
public sealed class ImportDuringDaemonTests : IAsyncLifetime
{
    private static readonly TimeSpan StaleThreshold = TimeSpan.FromMilliseconds(250);

    // How long the gap stays under committed events before the import is let go: many stale thresholds, so that the
    // daemon's high-water agent has checked it, found it stale and decided on it several times (it polls every second or less).
    private static readonly TimeSpan HeldUnderCommitted = TimeSpan.FromSeconds(4);

    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _folder = Directory.CreateTempSubdirectory("consultations-import-daemon-").FullName;
    private IAlbaHost? _host;

    public Task InitializeAsync() => Task.CompletedTask;

    private async Task StartAsync(bool transactionEvidence) =>
        _host = await AppFixture.StartHostAsync(_schema, services: s => s.ConfigureMarten(o =>
        {
            o.Projections.StaleSequenceThreshold = StaleThreshold;
            if (!transactionEvidence) o.Projections.UseTransactionEvidenceForGapSkipping = false;
        }));

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(await PostgresServer.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private Task<DateTime> ServerNowAsync() => ScalarAsync<DateTime>("select clock_timestamp()::timestamp");

    [Fact]
    public async Task An_import_held_open_while_later_writes_commit_ends_in_every_async_view()
    {
        await StartAsync(transactionEvidence: true);
        var (store, release, importing, laterSequence) = await HoldAnImportUnderALaterFileAsync();
        var committedAbove = await ServerNowAsync();
        while (await ServerNowAsync() - committedAbove < HeldUnderCommitted)
        {
            // A hold of a set length, not a wait for the views: the daemon must not pass the gap at any point of it.
            Assert.True(await MarkAsync() < laterSequence, "The daemon's high-water mark passed the held import's sequence numbers.");
            await Task.Delay(StaleThreshold);
        }

        release.SetResult();
        var imported = await importing;
        Assert.Equal(imported.Steps, imported.StepsThatChangedTheRecord);
        await _host!.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var live = await RebuildTests.SnapshotAsync(_schema);
        // The daemon went past the later file, and the bundled record's 23 commitments are in the register table.
        Assert.True(await MarkAsync() >= laterSequence);
        Assert.Equal(23, live["commitment_register"].Count);

        var rebuilt = await RebuildAsyncViewsAsync(store);
        foreach (var view in AsyncViews)
        {
            Assert.NotEmpty(rebuilt[view]);
            Assert.Equal(rebuilt[view], live[view]);
        }
    }

    [Fact]
    public async Task A_daemon_skipping_stale_gaps_by_the_clock_alone_would_lose_the_held_import()
    {
        await StartAsync(transactionEvidence: false);
        var (store, release, importing, laterSequence) = await HoldAnImportUnderALaterFileAsync();
        // Skipped: the mark and then every async view's progress pass the later file while the import is still held.
        var names = string.Join(", ", ReportingSetup.AsyncProjections.Select(n => $"'{n}:All'"));
        var passed = $"select count(*) from {_schema}.mt_event_progression where name in ({names}) and last_seq_id >= {laterSequence}";
        for (var tries = 0; await MarkAsync() < laterSequence || await ScalarAsync<long>(passed) < ReportingSetup.AsyncProjections.Count; tries++)
        {
            Assert.True(tries < 240, "The daemon never skipped the gap.");
            await Task.Delay(StaleThreshold);
        }

        release.SetResult();
        await importing;
        await _host!.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var live = await RebuildTests.SnapshotAsync(_schema);
        var rebuilt = await RebuildAsyncViewsAsync(store);
        Assert.Equal(23, rebuilt["commitment_register"].Count);
        Assert.NotEqual(rebuilt["commitment_register"], live.GetValueOrDefault("commitment_register") ?? []);
    }

    private static readonly string[] AsyncViews =
        ["mt_doc_commitmentregisterentry", "commitment_register", "mt_doc_meetingrecord", "mt_doc_actionplanprogress", "search_index"];

    private Task<long> MarkAsync() =>
        ScalarAsync<long>($"select coalesce((select last_seq_id from {_schema}.mt_event_progression where name = 'HighWaterMark'), 0)");

    private async Task<SortedDictionary<string, List<string>>> RebuildAsyncViewsAsync(IDocumentStore store)
    {
        var coordinator = _host!.Services.GetRequiredService<IProjectionCoordinator>();
        await coordinator.PauseAsync();
        try
        {
            using var daemon = await store.BuildProjectionDaemonAsync();
            foreach (var name in ReportingSetup.AsyncProjections) await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(1), CancellationToken.None);
        }
        finally
        {
            await coordinator.ResumeAsync();
        }

        return await RebuildTests.SnapshotAsync(_schema);
    }

    // The bundled record imported up to its commit and held there; then a later file committed above its sequence numbers,
    // so the daemon sees a gap under committed events. Answers the later file's sequence number.
    private async Task<(IDocumentStore Store, TaskCompletionSource Release, Task<ImportResult> Importing, long LaterSequence)> HoldAnImportUnderALaterFileAsync()
    {
        var store = _host!.Services.GetRequiredService<IDocumentStore>();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new RecordImporter(store, TimeProvider.System)
        {
            BeforeCommit = async ct =>
            {
                held.TrySetResult();
                await release.Task.WaitAsync(ct);
            },
        };
        var importing = slow.ImportAsync(RecordImporter.BundledRecordPath, "test", null, CancellationToken.None);
        await held.Task.WaitAsync(TimeSpan.FromMinutes(2));

        // A later file commits above the held sequence numbers: the daemon now sees a gap under committed events.
        var later = Path.Combine(_folder, "later.yaml");
        await File.WriteAllTextAsync(later, """
            format: consultations-record/1
            steps:
              - open-dialogue:
                  dialogueId: later-dialogue
                  title: A dialogue recorded while the import was held
                  parties: [Japan, Italy]
                  effectiveOn: "2026-01-16"
            """);
        Assert.Equal(1, (await new RecordImporter(store, TimeProvider.System).ImportAsync(later, "test", null, CancellationToken.None)).EventsAppended);
        // The later file's number is above every held one: a mark at or past it has skipped the held import.
        var laterSequence = await ScalarAsync<long>($"select min(seq_id) from {_schema}.mt_events where stream_id = 'later-dialogue'");
        return (store, release, importing, laterSequence);
    }
}
