using System.Diagnostics;
using Consultations.Projections.Register;
using Consultations.Projections.Search;
using Npgsql;

namespace Consultations.Tests.Reporting;

/// <summary>
/// Every projection, inline or async, rebuilt from the events, gives exactly the documents and rows live processing gave:
/// so a projection's code can change and be rebuilt without touching the events.
/// </summary>
public class RebuildTests(AppFixture fixture, ITestOutputHelper output) : ReportingContext(fixture)
{
    /// <summary>Every document table and the commitment_register table of the schema, as text, row by row in id order.</summary>
    private Task<SortedDictionary<string, List<string>>> SnapshotAsync() => SnapshotAsync(Fixture.Schema);

    internal static async Task<SortedDictionary<string, List<string>>> SnapshotAsync(string schema)
    {
        var snapshot = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(await PostgresServer.ConnectionStringAsync());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = @schema and (table_name like 'mt_doc_%' or table_name in (@register, @search)) order by 1", connection))
        {
            list.Parameters.AddWithValue("schema", schema);
            list.Parameters.AddWithValue("register", CommitmentRegisterTable.TableName);
            list.Parameters.AddWithValue("search", SearchIndexProjection.TableName);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }

        foreach (var table in tables)
        {
            // Documents: id and body (not Marten's bookkeeping columns such as mt_last_modified); the SQL table: every column.
            var sql = table == CommitmentRegisterTable.TableName
                ? $"select row_to_json(t)::text from {schema}.{table} t order by commitment_id"
                : table == SearchIndexProjection.TableName
                    ? $"select row_to_json(t)::text from {schema}.{table} t order by record_id, kind, entry_id"
                    : $"select id::text || ' ' || data::text from {schema}.{table} order by id";
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
            snapshot[table] = rows;
        }

        return snapshot;
    }

    [Fact]
    public async Task Rebuilding_every_projection_from_the_events_gives_what_live_processing_gave()
    {
        await SeedAsync();
        // Some history beyond the seed, so that the folds have status changes, items and amendments to replay.
        await SendAsync("/api/commitments/jpit-06-solar-c/status", new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Delivered." });
        await SendAsync("/api/commitments/jpit-08-collision-avoidance/amendments", new { text = "Share conjunction data, too.", effectiveOn = "2026-09-01", reason = "Clarified." });
        await SendAsync($"/api/action-plans/{PlanId}/items", new { itemId = "a", fieldCode = "JPIT-08", text = "SSA data.", effectiveOn = "2026-07-01" });
        await SendAsync($"/api/action-plans/{PlanId}/items/a/progress", new { progress = "on-track", note = "Talks.", effectiveOn = "2026-08-01" });
        await CaughtUpAsync();
        var live = await SnapshotAsync();
        Assert.Contains(CommitmentRegisterTable.TableName, live.Keys);
        Assert.Equal(23, live[CommitmentRegisterTable.TableName].Count);
        Assert.Contains(SearchIndexProjection.TableName, live.Keys);
        Assert.NotEmpty(live[SearchIndexProjection.TableName]);

        var names = Store.Options.Events.Projections().Select(p => p.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Contains("CommitmentRegister", names);
        Assert.Contains("CommitmentRegisterTable", names);
        Assert.Contains("MeetingRecord", names);
        Assert.Contains("ActionPlanProgress", names);
        Assert.True(names.Count >= 12, string.Join(", ", names));

        var watch = Stopwatch.StartNew();
        using (var daemon = await Store.BuildProjectionDaemonAsync())
        {
            foreach (var name in names) await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        output.WriteLine($"Rebuilt {names.Count} projections ({string.Join(", ", names)}) from {await EventCountAsync()} events in {watch.ElapsedMilliseconds} ms.");
        var rebuilt = await SnapshotAsync();

        Assert.Equal(live.Keys, rebuilt.Keys);
        var differences = live.Keys
            .Where(t => !live[t].SequenceEqual(rebuilt[t]))
            .Select(t => $"{t}: live {live[t].Count} rows, rebuilt {rebuilt[t].Count}; first difference:\n  live    {live[t].Except(rebuilt[t]).FirstOrDefault()}\n  rebuilt {rebuilt[t].Except(live[t]).FirstOrDefault()}")
            .ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public async Task A_wiped_register_table_comes_back_whole_from_a_rebuild()
    {
        await SeedAndCatchUpAsync();
        var before = await SnapshotAsync();
        await using (var connection = new NpgsqlConnection(await PostgresServer.ConnectionStringAsync()))
        {
            await connection.OpenAsync();
            await using var wipe = new NpgsqlCommand($"delete from {Fixture.Schema}.{CommitmentRegisterTable.TableName} where field_code = 'JPIT-01'", connection);
            Assert.Equal(4, await wipe.ExecuteNonQueryAsync());
        }

        using (var daemon = await Store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync("CommitmentRegisterTable", TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        Assert.Equal(before[CommitmentRegisterTable.TableName], (await SnapshotAsync())[CommitmentRegisterTable.TableName]);
    }
}
