using System.Globalization;
using System.Text;
using Consultations.Host.Auditing.Ledger;
using Consultations.Host.RecordFiles;
using Npgsql;

namespace Consultations.Tests.RecordFiles;

/// <summary>
/// A file whose every appended record is new is stored by COPY, its inline views folded in memory (ADR 0050): the same
/// events, streams and views as Marten's sessions store, views equal to a rebuild, the ledger intact, a second import a
/// no-op, and a refused step leaving nothing.
/// </summary>
public class BulkImportTests(AppFixture fixture) : RecordFileContext(fixture)
{
    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await PostgresServer.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    // What an import stores, less what differs from one import to the next: event ids, sequence numbers, the recording time
    // (each checked on its own below) and the correlation's unique part.
    private async Task<Dictionary<string, List<string>>> StoredAsync()
    {
        var schema = Fixture.Schema;
        var stored = new Dictionary<string, List<string>>
        {
            ["events"] = await RowsAsync(
                $"select concat_ws(' | ', stream_id, version, type, data::text, tenant_id, mt_dotnet_type, is_archived, user_name, causation_id, " +
                $"coalesce(headers::text, 'no headers'), split_part(correlation_id, ':', 1) || ':' || split_part(correlation_id, ':', 2)) " +
                $"from {schema}.mt_events order by stream_id, version"),
            ["streams"] = await RowsAsync($"select concat_ws(' | ', id, type, version, is_archived, tenant_id) from {schema}.mt_streams order by id"),
        };
        foreach (var view in InlineViews)
            stored[view] = await RowsAsync($"select id::text || ' ' || data::text from {schema}.mt_doc_{view} order by id");
        return stored;
    }

    private async Task AssertOneRecordingTimeAndConsecutiveSequencesAsync()
    {
        Assert.Single(await RowsAsync($"select distinct timestamp::text from {Fixture.Schema}.mt_events"));
        Assert.Single(await RowsAsync($"select distinct (seq_id - version)::text from {Fixture.Schema}.mt_events where stream_id = 'jpit-06-solar-c'"));
        // Each event's commit hash was fixed by the trigger as the rows arrived.
        Assert.Equal(await RowsAsync($"select seq_id::text from {Fixture.Schema}.mt_events order by 1"),
            await RowsAsync($"select seq_id::text from {Fixture.Schema}.{CommitHashes.TableName} order by 1"));
    }

    [Fact]
    public async Task A_file_of_new_records_stores_what_Martens_sessions_store()
    {
        var bySessions = new RecordImporter(Store, TimeProvider.System) { BulkWhenNew = false };
        await bySessions.ImportAsync(RecordImporter.BundledRecordPath, "test", null, CancellationToken.None);
        var expected = await StoredAsync();
        Assert.All(expected, table => Assert.NotEmpty(table.Value));

        await InitializeAsync();
        Assert.Equal(0, await EventCountAsync());
        var result = await SeedAsync();
        Assert.Equal(result.Steps, result.StepsThatChangedTheRecord);
        var actual = await StoredAsync();
        foreach (var (table, rows) in expected)
        {
            Assert.Equal(rows.Count, actual[table].Count);
            foreach (var (want, got) in rows.Zip(actual[table])) Assert.Equal(want, got);
        }
        await AssertOneRecordingTimeAndConsecutiveSequencesAsync();
    }

    /// <summary>
    /// The bundled record's steps repeated <paramref name="copies"/> times, copy n renaming every record id X to X-bn (longest
    /// ids first, through a placeholder so no id is renamed twice): each copy is a dialogue of new records.
    /// </summary>
    private async Task<string> CopiesAsync(int copies, string extra = "")
    {
        var ids = await RowsAsync($"select id from {Fixture.Schema}.mt_streams order by length(id) desc, id");
        var lines = await File.ReadAllLinesAsync(RecordImporter.BundledRecordPath);
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "steps:");
        var template = string.Join('\n', lines.Skip(start + 1).Where(l => !l.TrimStart().StartsWith('#') && l.Trim().Length > 0));
        for (var i = 0; i < ids.Count; i++) template = template.Replace(ids[i], $"\u0001{i.ToString(CultureInfo.InvariantCulture)}\u0002", StringComparison.Ordinal);
        var file = new StringBuilder("format: consultations-record/1\nsteps:\n");
        for (var copy = 1; copy <= copies; copy++)
        {
            var text = template;
            for (var i = 0; i < ids.Count; i++)
                text = text.Replace($"\u0001{i.ToString(CultureInfo.InvariantCulture)}\u0002", $"{ids[i]}-b{copy.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal);
            file.Append(text).Append('\n');
        }

        return file.Append(extra).ToString();
    }

    [Fact]
    public async Task A_big_file_of_new_records_gives_the_views_a_rebuild_gives_a_ledger_that_verifies_and_imports_again_as_nothing()
    {
        await SeedAsync();
        var yaml = await CopiesAsync(12);
        var first = await ImportAsync("copies.yaml", yaml);
        Assert.True(first.EventsAppended > 12 * 50, $"{first.EventsAppended} events");
        var events = await EventCountAsync();
        Assert.Equal(13, (await RowsAsync($"select id from {Fixture.Schema}.mt_doc_dialogue")).Count);

        var imported = await StoredAsync();
        await RebuildInlineViewsWithMartenAsync();

        var rebuilt = await StoredAsync();
        foreach (var view in InlineViews) Assert.Equal(imported[view], rebuilt[view]);

        var ledger = Host.Services.GetRequiredService<EventLedger>();
        Assert.True(await ledger.CatchUpAsync(TimeSpan.FromSeconds(60), CancellationToken.None), "The ledger did not catch up.");
        var report = await ledger.VerifyAsync([], null, CancellationToken.None);
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(events, report.Checked);

        var again = await ImportAsync("copies.yaml", yaml);
        Assert.Equal(0, again.EventsAppended);
        Assert.Equal(0, again.StepsThatChangedTheRecord);
        Assert.Equal(events, await EventCountAsync());
    }

    [Fact]
    public async Task A_refused_step_at_the_end_of_a_big_file_of_new_records_names_its_line_and_nothing_is_stored()
    {
        await SeedAsync();
        var yaml = await CopiesAsync(5, """
              - change-commitment-status: {commitmentId: jpit-06-solar-c-b3, to: proposed, effectiveOn: "2026-12-01", reason: Back to the start.}
            """);
        await InitializeAsync();

        var error = await RefusedAsync("copies.yaml", yaml);
        Assert.Equal(yaml.Split('\n').Length, error.Line);
        Assert.Contains("step", error.Message);
    }
}
