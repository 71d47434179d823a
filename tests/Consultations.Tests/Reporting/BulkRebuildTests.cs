using Consultations.Projections.Rebuilding;
using Consultations.Tests.RecordFiles;
using Marten.Events.Daemon.Coordination;
using Marten.Events;
using Npgsql;

namespace Consultations.Tests.Reporting;

/// <summary>
/// The bulk rebuild (<c>views rebuild</c>, ADR 0049) leaves every view, documents and SQL tables alike, row for row as
/// Marten's own rebuild leaves it, on a record with voids and value corrections; run again it changes nothing; and the
/// daemon, taking over from the progress it sets, does not process the events again.
/// </summary>
public class BulkRebuildTests(AppFixture fixture, ITestOutputHelper output) : RecordFileContext(fixture)
{
    private static readonly string[] Views =
    [
        "mt_doc_dialogue", "mt_doc_cooperationfield", "mt_doc_meeting", "mt_doc_jointstatement", "mt_doc_actionplan", "mt_doc_commitment",
        "mt_doc_document", "mt_doc_milestone", "mt_doc_recordfootprint", "mt_doc_timelineentry", "mt_doc_commitmentregisterentry",
        "mt_doc_meetingrecord", "mt_doc_actionplanprogress", "commitment_register", "search_index",
    ];

    private async Task<long> LastSequenceAsync()
    {
        await using var connection = new NpgsqlConnection(await PostgresServer.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select max(seq_id) from {Fixture.Schema}.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ForgetProgressAsync()
    {
        await using var connection = new NpgsqlConnection(await PostgresServer.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"delete from {Fixture.Schema}.mt_event_progression where name <> 'HighWaterMark'", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static IEnumerable<string> Differences(SortedDictionary<string, List<string>> expected, SortedDictionary<string, List<string>> actual) =>
        expected.Keys.Union(actual.Keys)
            .Where(t => !expected.TryGetValue(t, out var e) || !actual.TryGetValue(t, out var a) || !e.SequenceEqual(a))
            .Select(t =>
            {
                var e = expected.GetValueOrDefault(t) ?? [];
                var a = actual.GetValueOrDefault(t) ?? [];
                return $"{t}: expected {e.Count} rows, got {a.Count}; first difference:\n  expected {e.Except(a).FirstOrDefault()}\n  got      {a.Except(e).FirstOrDefault()}";
            });

    [Fact]
    public async Task The_bulk_rebuild_gives_every_view_row_for_row_as_Martens_rebuild_and_the_daemon_goes_on_from_it()
    {
        await SeedAsync();
        await ImportAsync("follow-up.yaml", FollowUpImportTests.FollowUp);
        // An amendment counts in the register table (amendments + 1): a view folded twice would show it.
        var (status, _) = await PostAsync("/api/commitments/jpit-08-collision-avoidance/amendments",
            new { text = "Share conjunction data, too.", effectiveOn = "2026-09-01", reason = "Clarified." });
        Assert.Equal(200, status);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var names = Store.Options.Events.Projections().Select(p => p.Name).Distinct().ToList();
        using (var daemon = await Store.BuildProjectionDaemonAsync())
        {
            foreach (var name in names) await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        var marten = await RebuildTests.SnapshotAsync(Fixture.Schema);
        // Every view has rows to compare: the records, footprints, timeline, register (document and table), meeting
        // records, plans' progress and the search index.
        Assert.All(Views, view => Assert.NotEmpty(marten[view]));

        var coordinator = Host.Services.GetRequiredService<IProjectionCoordinator>();
        await coordinator.PauseAsync();
        BulkRebuildResult first, second;
        try
        {
            // From no progress at all: if the bulk rebuild did not set it, the daemon would fold every event again on top.
            await ForgetProgressAsync();
            first = await new BulkRebuild(Store) { BatchSize = 50 }.RunAsync();
            output.WriteLine($"{first.Events} events, {first.Streams} streams, {first.Documents} documents, {first.Rows} rows in {first.Elapsed.TotalMilliseconds:0} ms");
            Assert.Equal(await EventCountAsync(), first.Events);
            var bulk = await RebuildTests.SnapshotAsync(Fixture.Schema);
            var differences = Differences(marten, bulk).ToList();
            Assert.True(differences.Count == 0, string.Join("\n", differences));

            second = await new BulkRebuild(Store).RunAsync();
            Assert.Equal(first.Documents, second.Documents);
            Assert.Equal(first.Rows, second.Rows);
            Assert.Empty(Differences(marten, await RebuildTests.SnapshotAsync(Fixture.Schema)));
        }
        finally
        {
            await coordinator.ResumeAsync();
        }

        var last = await LastSequenceAsync();
        Assert.Equal(last, second.HighWaterMark);
        var progress = await Store.Advanced.AllProjectionProgress();
        foreach (var name in names) Assert.Equal(last, progress.Single(p => p.ShardName == $"{name}:All").Sequence);

        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        Assert.Empty(Differences(marten, await RebuildTests.SnapshotAsync(Fixture.Schema)));

        // And it goes on from there: a new event reaches the async views once.
        (status, _) = await PostAsync("/api/commitments/jpit-08-collision-avoidance/amendments",
            new { text = "Share conjunction data and warnings.", effectiveOn = "2026-10-01", reason = "Clarified again." });
        Assert.Equal(200, status);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var register = (await RebuildTests.SnapshotAsync(Fixture.Schema))["commitment_register"];
        Assert.Contains(register, row => row.Contains("\"commitment_id\":\"jpit-08-collision-avoidance\"") && row.Contains("\"amendments\":2"));
    }

    private async Task<List<string>> GinIndexesAsync()
    {
        await using var connection = new NpgsqlConnection(await PostgresServer.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select indexdef from pg_indexes where schemaname = $1 and indexdef ilike '% using gin %' order by indexname", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Fixture.Schema });
        await using var reader = await command.ExecuteReaderAsync();
        var indexes = new List<string>();
        while (await reader.ReadAsync()) indexes.Add(reader.GetString(0));
        return indexes;
    }

    [Fact]
    public async Task The_views_gin_indexes_are_there_after_a_rebuild_even_when_a_run_stopped_without_them()
    {
        await SeedAsync();
        var before = await GinIndexesAsync();
        Assert.Contains(before, i => i.Contains("mt_doc_recordfootprint"));
        Assert.Contains(before, i => i.Contains("search_index"));

        var coordinator = Host.Services.GetRequiredService<IProjectionCoordinator>();
        await coordinator.PauseAsync();
        try
        {
            await new BulkRebuild(Store).RunAsync();
            Assert.Equal(before, await GinIndexesAsync());

            // As a run stopped between dropping them for its load and building them after it leaves them.
            await using (var connection = new NpgsqlConnection(await PostgresServer.ConnectionStringAsync()))
            {
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand(
                    $"""
                     do $$ declare i record; begin
                       for i in select indexname from pg_indexes where schemaname = '{Fixture.Schema}' and indexdef ilike '% using gin %' loop
                         execute format('drop index %I.%I', '{Fixture.Schema}', i.indexname);
                       end loop;
                     end $$
                     """, connection);
                await drop.ExecuteNonQueryAsync();
            }

            Assert.Empty(await GinIndexesAsync());
            var rerun = await new BulkRebuild(Store).RunAsync();
            Assert.Equal(before, await GinIndexesAsync());
            Assert.True(rerun.Phases["indexes"] > TimeSpan.Zero);
        }
        finally
        {
            await coordinator.ResumeAsync();
        }
    }
}
