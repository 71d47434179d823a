using System.Globalization;
using Consultations.Host.Auditing.Ledger;
using Consultations.Host.Cli;
using JasperFx.Events.Daemon;
using IProjectionCoordinator = Marten.Events.Daemon.Coordination.IProjectionCoordinator;
using Spectre.Console;
using Weasel.Core;

namespace Consultations.Tests.Auditing;

/// <summary>Tamper evidence on a real PostgreSQL: each kind of tampering is named at the position where the chain breaks.</summary>
public class LedgerTests(AppFixture fixture) : AuditingContext(fixture)
{
    private string Events => $"\"{Schema}\".mt_events";

    private string LedgerTable => $"\"{Schema}\".{LedgerSubscription.TableName}";

    private IProjectionCoordinator Coordinator => Host.Services.GetRequiredService<IProjectionCoordinator>();

    private IProjectionDaemon Daemon => Coordinator.DaemonForMainDatabase();

    private async Task<long> ProgressAsync() =>
        await ScalarAsync<long>($"select last_seq_id from \"{Schema}\".mt_event_progression where name = '{LedgerSubscription.ShardName}'");

    private async Task<long> SealedSeedAsync()
    {
        await SeedAsync();
        await SealedAsync();
        return await ScalarAsync<long>($"select max(seq_id) from {Events}");
    }

    private async Task<long> SequenceOfAsync(string stream, long version) =>
        await ScalarAsync<long>($"select seq_id from {Events} where stream_id = '{stream}' and version = {version}");

    private Task<LedgerReport> VerifyAsync(LedgerDigest? kept = null) =>
        Ledger.VerifyAsync(kept is null ? [] : [new KeptDigest(kept, "kept by hand")], null, CancellationToken.None);

    [Fact]
    public async Task An_untouched_store_verifies_clean()
    {
        var last = await SealedSeedAsync();
        var report = await VerifyAsync();
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(last, report.Digest!.Position);
        Assert.Equal(await ScalarAsync<long>($"select count(*) from {Events}"), report.Checked);

        var (status, body) = await GetAsync("/api/ledger/digest");
        Assert.Equal(200, status);
        Assert.Equal($"{last}:{report.Digest.Hash}", body!["digest"]!.GetValue<string>());
        var (_, verified) = await GetAsync($"/api/ledger/verify?digest={body["digest"]!.GetValue<string>()}");
        Assert.True(verified!["intact"]!.GetValue<bool>());
    }

    /// <summary>Verification finds the record broken first at that sequence, with that kind of break.</summary>
    private async Task BrokenAtAsync(long at, string kind)
    {
        var report = await VerifyAsync();
        Assert.False(report.Intact);
        Assert.Equal(at, report.BrokenAt);
        Assert.Equal(kind, report.Breaks[0].Kind);
        Assert.Contains(kind, report.Problem);
    }

    // Sealed history tampered with in the database ({0}: the events table, {1}: the event's sequence): the broken place is named.
    public static TheoryData<string, int, string, string> Tamperings => new()
    {
        { "jpit-06-solar-physics", 1, """update {0} set data = jsonb_set(data, '{{Text}}', '"Nothing was promised."') where seq_id = {1}""", "altered" },
        { "rome-summit-2026-06-15", 2, "update {0} set user_name = 'someone else' where seq_id = {1}", "altered" },
        { "jpit-06-solar-physics", 1, "delete from {0} where seq_id = {1}", "deleted" },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task Tampering_with_a_sealed_event_is_named(string stream, int version, string sql, string kind)
    {
        await SealedSeedAsync();
        var target = await SequenceOfAsync(stream, version);
        await SqlAsync(string.Format(CultureInfo.InvariantCulture, sql, Events, target));

        await BrokenAtAsync(target, kind);
    }

    [Fact]
    public async Task Reordered_events_are_named()
    {
        await SealedSeedAsync();
        var first = await SequenceOfAsync("jpit-06-solar-physics", 1);
        var second = await SequenceOfAsync("jpit-07-litebird", 1);
        var (low, high) = (Math.Min(first, second), Math.Max(first, second));
        await SqlAsync($"""
            update {Events} set seq_id = -1 where seq_id = {low};
            update {Events} set seq_id = {low} where seq_id = {high};
            update {Events} set seq_id = {high} where seq_id = -1;
            """);

        await BrokenAtAsync(low, "reordered");
    }

    [Fact]
    public async Task An_event_inserted_into_sealed_history_is_named()
    {
        await SeedAsync();
        // A rolled-back append leaves a gap in the sequence; the daemon passes over it once it has settled.
        var gap = await ScalarAsync<long>($"select nextval('\"{Schema}\".mt_events_sequence')");
        await PostAsync("/api/commitments/jpit-06-solar-physics/status", new { to = "in-progress", effectiveOn = "2026-07-01", reason = "Work plan agreed." });
        await SealedAsync();
        Assert.True((await VerifyAsync()).Intact);

        var source = await SequenceOfAsync("jpit-06-solar-physics", 2);
        await SqlAsync($"""
            insert into {Events} (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived, user_name)
            select {gap}, gen_random_uuid(), stream_id, 99, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived, user_name
            from {Events} where seq_id = {source}
            """);

        await BrokenAtAsync(gap, "inserted");
    }

    [Fact]
    public async Task A_kept_digest_detects_history_rewritten_with_its_ledger()
    {
        await SealedSeedAsync();
        await PostAsync("/api/commitments/jpit-06-solar-physics/status", new { to = "in-progress", effectiveOn = "2026-07-01", reason = "Work plan agreed." });
        await SealedAsync();
        var kept = await Ledger.DigestAsync(CancellationToken.None);

        await RewriteHistoryAsync();

        Assert.True((await VerifyAsync()).Intact);
        var report = await VerifyAsync(kept);
        Assert.False(report.Intact);
        Assert.Equal(kept.Position, report.BrokenAt);
        Assert.Contains("kept digest", report.Problem);

        var (_, overHttp) = await GetAsync($"/api/ledger/verify?digest={kept.Digest}");
        Assert.False(overHttp!["intact"]!.GetValue<bool>());
        Assert.Equal(kept.Position, overHttp["brokenAt"]!.GetValue<long>());
    }

    [Fact]
    public async Task Each_event_is_sealed_once_in_sequence_order_with_the_progress_beside_the_seals()
    {
        await SealedSeedAsync();
        var positions = await ScalarAsync<long[]>($"select coalesce(array_agg(position order by position), '{{}}') from {LedgerTable}");
        var sequences = await ScalarAsync<long[]>($"select array_agg(seq_id order by seq_id) from {Events}");
        Assert.Equal(sequences, positions);
        Assert.Equal(sequences[^1], await ProgressAsync());
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task The_ledger_table_is_declared_to_Marten_and_matches_the_database()
    {
        var migration = await Store.Storage.Database.CreateMigrationAsync();
        var delta = Assert.Single(migration.Deltas, d => d.SchemaObject.Identifier.Name == LedgerSubscription.TableName);
        Assert.Equal(SchemaPatchDifference.None, delta.Difference);
    }

    [Fact]
    public async Task The_commit_hash_table_function_and_trigger_are_declared_to_Marten_and_match_the_database()
    {
        var migration = await Store.Storage.Database.CreateMigrationAsync();
        var deltas = migration.Deltas.Where(d => d.SchemaObject.Identifier.Name.StartsWith("audit_event_hash", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, deltas.Count);
        Assert.All(deltas, d => Assert.Equal(SchemaPatchDifference.None, d.Difference));
    }

    [Fact]
    public async Task An_event_appended_while_the_daemon_is_stopped_is_sealed_when_it_runs_again()
    {
        var sealedBefore = await SealedSeedAsync();
        await Coordinator.PauseAsync();
        try
        {
            await PostAsync("/api/commitments/jpit-06-solar-physics/status", new { to = "in-progress", effectiveOn = "2026-07-01", reason = "Work plan agreed." });
            Assert.False(await Ledger.CatchUpAsync(TimeSpan.FromSeconds(2), CancellationToken.None));
            Assert.Equal(sealedBefore, await ScalarAsync<long>($"select max(position) from {LedgerTable}"));
        }
        finally
        {
            await Coordinator.ResumeAsync();
        }

        await SealedAsync();
        var report = await VerifyAsync();
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(0, report.Unsealed);
        Assert.Equal(await ScalarAsync<long>($"select max(seq_id) from {Events}"), report.Digest!.Position);
    }

    [Fact]
    public async Task A_rewound_subscription_keeps_the_seals_and_goes_on_from_the_last_one()
    {
        // Also what a ledger sealed before the subscription existed looks like: seals, and no progress yet.
        await SealedSeedAsync();
        var firstSeal = await ScalarAsync<DateTime>($"select sealed_at from {LedgerTable} where position = 1");
        await Daemon.RewindSubscriptionAsync("AuditSeal", CancellationToken.None, 0);
        await PostAsync("/api/commitments/jpit-06-solar-physics/status", new { to = "in-progress", effectiveOn = "2026-07-01", reason = "Work plan agreed." });

        await SealedAsync();
        Assert.Equal(firstSeal, await ScalarAsync<DateTime>($"select sealed_at from {LedgerTable} where position = 1"));
        var report = await VerifyAsync();
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(await ScalarAsync<long>($"select count(*) from {Events}"), report.Checked);
        Assert.Equal(0, report.Unsealed);
    }

    [Fact]
    public async Task Progress_is_stored_so_another_process_goes_on_sealing_where_this_one_stopped()
    {
        var sealedBefore = await SealedSeedAsync();
        var firstSeal = await ScalarAsync<DateTime>($"select sealed_at from {LedgerTable} where position = 1");
        await Coordinator.PauseAsync();
        try
        {
            await PostAsync("/api/commitments/jpit-06-solar-physics/status", new { to = "in-progress", effectiveOn = "2026-07-01", reason = "Work plan agreed." });

            // Another host on the same database with no daemon of its own catches up the way the CLI does.
            await using var other = await AppFixture.StartHostAsync(Schema, settings: new Dictionary<string, string> { ["Consultations:ProjectionDaemon"] = "Disabled" });
            using (var daemon = await other.Services.GetRequiredService<IDocumentStore>().BuildProjectionDaemonAsync())
                await daemon.CatchUpAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
            var otherLedger = other.Services.GetRequiredService<EventLedger>();
            Assert.True(await otherLedger.CatchUpAsync(TimeSpan.Zero, CancellationToken.None));
        }
        finally
        {
            await Coordinator.ResumeAsync();
        }

        // Sealed once: the seals made before were kept, not redone, and the chain goes on from them.
        var last = await ScalarAsync<long>($"select max(seq_id) from {Events}");
        Assert.True(last > sealedBefore);
        Assert.Equal(last, await ProgressAsync());
        Assert.Equal(firstSeal, await ScalarAsync<DateTime>($"select sealed_at from {LedgerTable} where position = 1"));
        await SealedAsync();
        var report = await VerifyAsync();
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(last, report.Digest!.Position);
        Assert.Equal(await ScalarAsync<long>($"select count(*) from {Events}"), report.Checked);
    }

    [Fact]
    public async Task The_cli_prints_the_digest_and_exits_non_zero_naming_the_break()
    {
        await SealedSeedAsync();
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, ColorSystem = ColorSystemSupport.NoColors });

        Assert.True(await LedgerCommand.DigestAsync(console, Ledger, CancellationToken.None));
        var digest = output.ToString().Trim();
        Assert.Matches("^[0-9]+:[0-9a-f]{64}$", digest);
        Assert.True(await LedgerCommand.VerifyAsync(console, Ledger, digest, CancellationToken.None));
        Assert.Contains("Intact", output.ToString());

        var target = await SequenceOfAsync("jpit-06-solar-physics", 1);
        await SqlAsync($"delete from {Events} where seq_id = {target}");
        Assert.False(await LedgerCommand.VerifyAsync(console, Ledger, digest, CancellationToken.None));
        Assert.Contains($"Broken at position {target}", output.ToString());
        Assert.False(await LedgerCommand.VerifyAsync(console, Ledger, "not-a-digest", CancellationToken.None));
    }

    [Fact]
    public async Task The_cli_digest_as_json_is_the_same_document_as_the_http_route()
    {
        await SealedSeedAsync();
        var json = new StringWriter();

        Assert.True(await LedgerCommand.DigestAsync(AnsiConsole.Console, Ledger, CancellationToken.None, json));
        var printed = System.Text.Json.Nodes.JsonNode.Parse(json.ToString())!.AsObject();
        var (_, body) = await GetAsync("/api/ledger/digest");

        Assert.Equal(body!.AsObject().Select(p => p.Key).Order(), printed.Select(p => p.Key).Order());
        Assert.Contains("position", printed.Select(p => p.Key));
        foreach (var (key, value) in printed) Assert.Equal(body[key]!.ToJsonString(), value!.ToJsonString());
    }
}
