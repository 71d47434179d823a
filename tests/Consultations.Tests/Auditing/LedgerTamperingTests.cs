using System.Globalization;
using Consultations.Host.Auditing.Ledger;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.Configuration;

namespace Consultations.Tests.Auditing;

/// <summary>
/// Tampering an auditor would not see otherwise, done with SQL on the test PostgreSQL: every column that changes an answer,
/// Marten's stream rows, back-dating before the seal, and a ledger truncated or cut short. Each is named where it happened.
/// </summary>
public class LedgerTamperingTests(AppFixture fixture) : AuditingContext(fixture)
{
    private string Events => $"\"{Schema}\".mt_events";

    private string Streams => $"\"{Schema}\".mt_streams";

    private string Seals => $"\"{Schema}\".{LedgerSubscription.TableName}";

    private IProjectionCoordinator Coordinator => Host.Services.GetRequiredService<IProjectionCoordinator>();

    /// <summary>A reader of the ledger for which no unsealed event is "too recent": every missing seal is a break.</summary>
    private EventLedger Strict => new(Store, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Consultations:Ledger:SettleSeconds"] = "0", ["Consultations:Ledger:WaitSeconds"] = "2",
    }).Build());

    private async Task<long> SequenceOfAsync(string stream, long version) =>
        await ScalarAsync<long>($"select seq_id from {Events} where stream_id = '{stream}' and version = {version}");

    private async Task<LedgerReport> BrokenAtAsync(long at, string kind)
    {
        var report = await Strict.VerifyAsync([], null, CancellationToken.None);
        Assert.False(report.Intact, "The tampering was not detected.");
        Assert.Equal(at, report.BrokenAt);
        Assert.Equal(kind, report.Breaks[0].Kind);
        return report;
    }

    // Each column of mt_events that changes an answer ({0}: the events table, {1}: the event's sequence).
    public static TheoryData<string, string> Columns => new()
    {
        { "is_archived", "update {0} set is_archived = true where seq_id = {1}" },
        { "mt_dotnet_type", "update {0} set mt_dotnet_type = 'Consultations.Domain.Nothing, Consultations.Domain' where seq_id = {1}" },
        { "type", "update {0} set type = 'commitment_withdrawn' where seq_id = {1}" },
        { "correlation_id", "update {0} set correlation_id = 'forged' where seq_id = {1}" },
        { "causation_id", "update {0} set causation_id = 'forged' where seq_id = {1}" },
        { "headers", """update {0} set headers = '{{"forged": true}}' where seq_id = {1}""" },
        { "id", "update {0} set id = gen_random_uuid() where seq_id = {1}" },
        { "tenant_id", "update {0} set tenant_id = 'elsewhere' where seq_id = {1}" },
        { "timestamp", "update {0} set timestamp = timestamp - interval '30 days' where seq_id = {1}" },
        { "user_name", "update {0} set user_name = 'someone else' where seq_id = {1}" },
        { "data", """update {0} set data = jsonb_set(data, '{{Text}}', '"Nothing was promised."') where seq_id = {1}""" },
    };

    [Theory]
    [MemberData(nameof(Columns))]
    public async Task A_changed_column_of_a_sealed_event_is_named_altered(string column, string sql)
    {
        await SeedAsync();
        await SealedAsync();
        var target = await SequenceOfAsync("jpit-06-solar-physics", 1);
        Assert.True((await Strict.VerifyAsync([], null, CancellationToken.None)).Intact);

        Assert.Equal(1, await SqlAsync(string.Format(CultureInfo.InvariantCulture, sql, Events, target)));

        var report = await BrokenAtAsync(target, BreakKind.Altered);
        Assert.Contains("jpit-06-solar-physics v1", report.Problem);
        Assert.False(string.IsNullOrEmpty(column));
    }

    [Theory]
    [InlineData("stream_id", "update {0} set stream_id = 'jpit-07-litebird', version = 1000 where seq_id = {1}")]
    [InlineData("version", "update {0} set version = 1000 where seq_id = {1}")]
    public async Task An_event_moved_to_another_stream_or_version_is_named_reordered(string column, string sql)
    {
        await SeedAsync();
        await SealedAsync();
        var target = await SequenceOfAsync("jpit-06-solar-physics", 1);

        await SqlAsync(string.Format(CultureInfo.InvariantCulture, sql, Events, target));

        await BrokenAtAsync(target, BreakKind.Reordered);
        Assert.False(string.IsNullOrEmpty(column));
    }

    [Theory]
    [InlineData("update {0} set version = version + 1 where id = 'jpit-06-solar-physics'", "version")]
    [InlineData("update {0} set is_archived = true where id = 'jpit-06-solar-physics'", "archived")]
    [InlineData("update {0} set tenant_id = 'elsewhere' where id = 'jpit-06-solar-physics'", "tenant")]
    public async Task A_stream_row_that_disagrees_with_its_events_is_named(string sql, string problem)
    {
        await SeedAsync();
        await PostAsync("/api/commitments/jpit-06-solar-physics/status", new { to = "in-progress", effectiveOn = "2026-07-01", reason = "Work plan agreed." });
        await SealedAsync();
        var last = await SequenceOfAsync("jpit-06-solar-physics", 2);

        await SqlAsync(string.Format(CultureInfo.InvariantCulture, sql, Streams));

        var report = await BrokenAtAsync(last, BreakKind.Altered);
        Assert.Contains("jpit-06-solar-physics", report.Problem);
        Assert.Contains(problem, report.Problem);
    }

    [Fact]
    public async Task A_stream_given_another_type_breaks_at_its_first_event()
    {
        await SeedAsync();
        await SealedAsync();

        await SqlAsync($"update {Streams} set type = 'dialogue' where id = 'jpit-06-solar-physics'");

        await BrokenAtAsync(await SequenceOfAsync("jpit-06-solar-physics", 1), BreakKind.Altered);
    }

    [Fact]
    public async Task Each_event_has_its_hash_fixed_in_the_transaction_that_records_it()
    {
        await SeedAsync();
        await Coordinator.PauseAsync();
        try
        {
            var (status, _) = await PostAsync("/api/commitments/jpit-06-solar-physics/status", new { to = "in-progress", effectiveOn = "2026-07-01", reason = "Work plan agreed." });
            Assert.Equal(200, status);
            // Nothing has sealed it, yet its hash is there, chained to the stream's previous event.
            var position = await SequenceOfAsync("jpit-06-solar-physics", 2);
            Assert.Equal(0L, await ScalarAsync<long>($"select count(*) from {Seals} where position = {position}"));
            Assert.Equal(
                await ScalarAsync<string>($"select hash from \"{Schema}\".{CommitHashes.TableName} where seq_id = {await SequenceOfAsync("jpit-06-solar-physics", 1)}"),
                await ScalarAsync<string>($"select previous_hash from \"{Schema}\".{CommitHashes.TableName} where seq_id = {position}"));
            Assert.Equal(await ScalarAsync<long>($"select count(*) from {Events}"), await ScalarAsync<long>($"select count(*) from \"{Schema}\".{CommitHashes.TableName}"));
        }
        finally
        {
            await Coordinator.ResumeAsync();
        }
    }

    [Fact]
    public async Task Back_dating_an_event_before_it_is_sealed_is_detected_once_sealed()
    {
        await SeedAsync();
        await SealedAsync();
        long position;
        await Coordinator.PauseAsync();
        try
        {
            await PostAsync("/api/commitments/jpit-06-solar-physics/status", new { to = "in-progress", effectiveOn = "2026-07-01", reason = "Work plan agreed." });
            position = await SequenceOfAsync("jpit-06-solar-physics", 2);
            await SqlAsync($"update {Events} set timestamp = timestamp - interval '90 days', user_name = 'someone else' where seq_id = {position}");
        }
        finally
        {
            await Coordinator.ResumeAsync();
        }

        await SealedAsync();
        Assert.Equal(1L, await ScalarAsync<long>($"select count(*) from {Seals} where position = {position}"));
        var report = await BrokenAtAsync(position, BreakKind.Altered);
        Assert.Contains("hash fixed when it was recorded", report.Problem);
    }

    [Fact]
    public async Task A_truncated_ledger_is_named_unsealed_and_never_sealed_again()
    {
        await SeedAsync();
        await SealedAsync();
        var first = await ScalarAsync<long>($"select min(seq_id) from {Events}");

        await SqlAsync($"truncate {Seals}");
        await PostAsync("/api/commitments/jpit-06-solar-physics/status", new { to = "in-progress", effectiveOn = "2026-07-01", reason = "Work plan agreed." });
        await SealedAsync();

        Assert.Equal(0L, await ScalarAsync<long>($"select count(*) from {Seals}"));
        await BrokenAtAsync(first, BreakKind.Unsealed);
        // Within the settle window too: the daemon has passed these events, so their seals are lost, not pending.
        var (_, overHttp) = await GetAsync("/api/ledger/verify");
        Assert.False(overHttp!["intact"]!.GetValue<bool>());
        Assert.Equal(first, overHttp["brokenAt"]!.GetValue<long>());
        Assert.Equal("unsealed", overHttp["breaks"]![0]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_ledger_with_its_tail_deleted_is_named_at_the_first_lost_seal()
    {
        await SeedAsync();
        await SealedAsync();
        var positions = await ScalarAsync<long[]>($"select array_agg(seq_id order by seq_id) from {Events}");
        var cut = positions[^3];

        await SqlAsync($"delete from {Seals} where position >= {cut}");
        await PostAsync("/api/commitments/jpit-06-solar-physics/status", new { to = "in-progress", effectiveOn = "2026-07-01", reason = "Work plan agreed." });
        await SealedAsync();

        Assert.Equal(0L, await ScalarAsync<long>($"select count(*) from {Seals} where position >= {cut}"));
        await BrokenAtAsync(cut, BreakKind.Unsealed);
    }

    [Fact]
    public async Task An_event_deleted_with_its_seal_is_named_deleted_where_it_was()
    {
        await SeedAsync();
        await SealedAsync();
        var target = await SequenceOfAsync("jpit-06-solar-physics", 1);

        await SqlAsync($"delete from {Seals} where position = {target}; delete from {Events} where seq_id = {target};");

        var report = await BrokenAtAsync(target, BreakKind.Deleted);
        Assert.DoesNotContain(report.Breaks, b => b.Position == target + 1);
    }

    [Fact]
    public async Task Every_break_is_named_with_its_position_and_kind()
    {
        await SeedAsync();
        await SealedAsync();
        var altered = await SequenceOfAsync("jpit-06-solar-physics", 1);
        var deleted = await SequenceOfAsync("jpit-07-litebird", 1);

        await SqlAsync($"update {Events} set user_name = 'someone else' where seq_id = {altered}; delete from {Events} where seq_id = {deleted};");

        var report = await Strict.VerifyAsync([], null, CancellationToken.None);
        Assert.Contains(report.Breaks, b => b.Position == altered && b.Kind == BreakKind.Altered);
        Assert.Contains(report.Breaks, b => b.Position == deleted && b.Kind == BreakKind.Deleted);
        Assert.Equal(report.Breaks.OrderBy(b => b.Position).ToList(), report.Breaks);
    }
}
