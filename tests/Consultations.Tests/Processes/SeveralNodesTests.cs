using System.Diagnostics;

namespace Consultations.Tests.Processes;

/// <summary>
/// Two host processes on one database and schema, with the HotCold daemon: both take writes, the async projections and
/// the ledger's subscription run on one node only, and when that node is killed the other takes them over.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class SeveralNodesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Both_nodes_take_writes_the_daemon_runs_on_one_and_the_other_takes_over_when_it_is_killed()
    {
        var connectionString = await PostgresServer.ConnectionStringAsync();
        var run = Guid.NewGuid().ToString("N")[..10];
        var schema = "p_nodes_" + run;
        var probe = new StoreProbe(connectionString, schema);
        HostProcess? a = null;
        HostProcess? b = null;
        try
        {
            a = await HostProcess.StartAsync("node-a-" + run, connectionString, schema);
            var nodes = new[] { a.Name, "node-b-" + run };
            // A, alone, takes the daemon: one session advisory lock per async projection shard, on an idle connection.
            IReadOnlySet<long> daemonLocks = new HashSet<long>();
            await Poll.UntilAsync("node A to hold the daemon", TimeSpan.FromSeconds(30), async () =>
            {
                daemonLocks = (await probe.AdvisoryLocksAsync(nodes)).Where(l => l.Node == a.Name && l.State == "idle").Select(l => l.Key).ToHashSet();
                return daemonLocks.Count == StoreProbe.DaemonShards;
            }, () => a.RecentOutput);
            b = await HostProcess.StartAsync(nodes[1], connectionString, schema);

            // Writes through both nodes: in parallel on two records, and alternately on a third.
            var commitments = await a.OpenCommitmentsAsync(3);
            var statuses = await Task.WhenAll(
                Task.Run(async () => await WriteAsync(a, commitments[0], $"nodes {run} via A", 8)),
                Task.Run(async () => await WriteAsync(b, commitments[1], $"nodes {run} via B", 8)));
            Assert.All(statuses.SelectMany(s => s), s => Assert.Equal(HttpStatusCode.OK, s));
            long? lastVersion = null;
            for (var i = 0; i < 6; i++)
            {
                var node = i % 2 == 0 ? a : b;
                var (status, body) = await node.AmendAsync(commitments[2], $"nodes {run} alternating {i} via {node.Name}");
                Assert.True(status == HttpStatusCode.OK, $"{node.Name}: {(int)status} {body?.ToJsonString()}");
                var version = body!["version"]!.GetValue<long>();
                if (lastVersion is { } last) Assert.Equal(last + 1, version);
                lastVersion = version;
            }

            // Processed once: the views agree with the events, and the SQL table's amendment counter (an increment per
            // event, so a second processing would double it) matches the stream.
            var highWaterMark = await probe.HighWaterMarkAsync();
            await Poll.UntilAsync("the async projections to catch up", TimeSpan.FromSeconds(60),
                () => b.ProjectionsCurrentAsync(highWaterMark), () => a.RecentOutput);
            await AssertViewsMatchEventsAsync(probe, b);
            var events = await probe.EventCountAsync();
            await Poll.UntilAsync("the ledger to seal every event", TimeSpan.FromSeconds(60), () => a.LedgerSealedAsync(events), () => a.RecentOutput);
            var holders = await probe.HoldersAsync(nodes, daemonLocks);
            Assert.Equal(StoreProbe.DaemonShards, holders[a.Name]);
            Assert.Equal(0, holders[b.Name]);

            // Kill the node running the daemon; B takes it over, and a write through B reaches the async views.
            a.Kill();
            var sinceKill = Stopwatch.StartNew();
            var takeover = await Poll.UntilAsync("node B to take the daemon over", TimeSpan.FromSeconds(60),
                async () => (await probe.HoldersAsync(nodes, daemonLocks))[b.Name] == StoreProbe.DaemonShards, () => b.RecentOutput);
            var text = $"nodes {run}: written through B after A was killed";
            var (afterStatus, afterBody) = await b.AmendAsync(commitments[0], text);
            Assert.True(afterStatus == HttpStatusCode.OK, $"{(int)afterStatus} {afterBody?.ToJsonString()}");
            highWaterMark = await probe.HighWaterMarkAsync();
            await Poll.UntilAsync("the async projections to catch up on node B", TimeSpan.FromSeconds(60),
                () => b.ProjectionsCurrentAsync(highWaterMark), () => b.RecentOutput);
            var caughtUp = sinceKill.Elapsed;
            Assert.Equal(text, (await probe.RegisterTableAsync()).Single(r => r.CommitmentId == commitments[0]).Text);
            await AssertViewsMatchEventsAsync(probe, b);
            // B's daemon goes on sealing the ledger from A's last seal: one chain, intact, every event once.
            events = await probe.EventCountAsync();
            await Poll.UntilAsync("the ledger to seal every event on node B", TimeSpan.FromSeconds(60), () => b.LedgerSealedAsync(events), () => b.RecentOutput);

            output.WriteLine($"Node B held the daemon {takeover.TotalSeconds:0.0} s after node A was killed; " +
                             $"a write through B was in the async views {caughtUp.TotalSeconds:0.0} s after the kill.");
        }
        finally
        {
            if (b is not null) await b.DisposeAsync();
            if (a is not null) await a.DisposeAsync();
        }
    }

    private static async Task<List<HttpStatusCode>> WriteAsync(HostProcess node, string commitment, string prefix, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++) statuses.Add((await node.AmendAsync(commitment, $"{prefix} {i}")).Status);
        return statuses;
    }

    private static async Task AssertViewsMatchEventsAsync(StoreProbe probe, HostProcess node)
    {
        var expected = await probe.RegisterFromEventsAsync();
        Assert.Equal(expected, await probe.RegisterTableAsync());
        Assert.Equal(expected, await node.RegisterDocumentsAsync());
    }
}
