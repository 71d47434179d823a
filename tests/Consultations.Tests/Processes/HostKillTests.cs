using System.Collections.Concurrent;
using System.Diagnostics;

namespace Consultations.Tests.Processes;

/// <summary>The host process is killed (SIGKILL) in the middle of a stream of writes, then started again.</summary>
[Collection(ProcessesCollection.Name)]
public sealed class HostKillTests(ITestOutputHelper output)
{
    private sealed record Ack(string CommitmentId, string Text, long Version);

    private const int Writers = 4;
    private const int AcknowledgedBeforeKill = 40;

    [Fact]
    public async Task Every_acknowledged_write_is_stored_exactly_once_after_a_SIGKILL_and_none_is_half_written()
    {
        var connectionString = await PostgresServer.ConnectionStringAsync();
        var run = Guid.NewGuid().ToString("N")[..10];
        var schema = "p_kill_" + run;
        var marker = $"kill-test {run}";
        var probe = new StoreProbe(connectionString, schema);
        HostProcess? first = null;
        HostProcess? second = null;
        try
        {
            first = await HostProcess.StartAsync("kill-first-" + run, connectionString, schema);
            var commitments = await first.OpenCommitmentsAsync(2);

            // Writers share the commitments, so some lose the race (409, nothing stored); that is part of the stream.
            var acknowledged = new ConcurrentBag<Ack>();
            var unanswered = new ConcurrentBag<string>();
            var unexpected = new ConcurrentBag<string>();
            var node = first;
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                var id = commitments[w % commitments.Count];
                for (var i = 0; i < 2000; i++)
                {
                    var text = $"{marker} writer {w} write {i}";
                    try
                    {
                        var (status, body) = await node.AmendAsync(id, text);
                        if (status == HttpStatusCode.OK && body?["appended"]?.GetValue<int>() == 1)
                            acknowledged.Add(new Ack(id, text, body["version"]!.GetValue<long>()));
                        else if (status != HttpStatusCode.Conflict)
                            unexpected.Add($"{(int)status} {body?.ToJsonString()}");
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        // No answer: the process died with this request in flight (or before it). It may or may not be stored.
                        unanswered.Add(text);
                        return;
                    }
                }
            })).ToArray();

            await Poll.UntilAsync($"{AcknowledgedBeforeKill} acknowledged writes", TimeSpan.FromSeconds(60),
                () => Task.FromResult(acknowledged.Count >= AcknowledgedBeforeKill || writers.All(t => t.IsCompleted)));
            Assert.True(writers.Any(t => !t.IsCompleted), "The writers finished before the kill: " + string.Join("; ", unexpected.Take(5)));
            first.Kill();
            var sinceKill = Stopwatch.StartNew();
            // Every writer ends at its first unanswered request; the client timeout bounds each one.
            await Task.WhenAll(writers).WaitAsync(Poll.Patient(TimeSpan.FromSeconds(60)));
            Assert.Empty(unexpected);

            second = await HostProcess.StartAsync("kill-second-" + run, connectionString, schema);
            var restarted = sinceKill.Elapsed;

            // The stream: every acknowledged write exactly once, at the version its answer named; nothing twice; no gaps.
            var events = await probe.EventsAsync(commitments);
            var versions = await probe.StreamVersionsAsync(commitments);
            var ours = events.Where(e => e.Text?.StartsWith(marker, StringComparison.Ordinal) == true).ToList();
            Assert.All(ours.GroupBy(e => e.Text), g => Assert.Single(g));
            foreach (var ack in acknowledged)
            {
                var stored = Assert.Single(ours, e => e.Text == ack.Text);
                Assert.Equal(ack.CommitmentId, stored.StreamId);
                Assert.Equal(ack.Version, stored.Version);
            }

            foreach (var id in commitments)
            {
                var stream = events.Where(e => e.StreamId == id).ToList();
                Assert.Equal(Enumerable.Range(1, stream.Count).Select(v => (long)v), stream.Select(e => e.Version));
                Assert.Equal(stream.Count, versions[id]);

                // The inline read model agrees with the stream.
                var amended = stream.Where(e => e.Type == StoreProbe.AmendedType).ToList();
                Assert.NotEmpty(amended);
                using var response = await second.Client.GetAsync($"api/commitments/{id}");
                var commitment = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal($"\"{stream.Count}\"", response.Headers.ETag?.Tag);
                Assert.Equal(amended.Count, commitment["amendments"]!.GetValue<int>());
                Assert.Equal(amended.Last().Text, commitment["text"]!.GetValue<string>());
            }

            // The views over many records (fields, timeline, register) equal their replay from the events.
            var now = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"));
            foreach (var view in new[] { "api/fields", "api/timeline", "api/commitments" })
                Assert.Equal(await second.Client.GetStringAsync(view), await second.Client.GetStringAsync($"{view}?recordedAt={now}"));

            // The async views catch up on the restarted node and agree too: each event processed once, none lost.
            var highWaterMark = await probe.HighWaterMarkAsync();
            var caughtUp = await Poll.UntilAsync("the async projections to catch up", TimeSpan.FromSeconds(60),
                () => second.ProjectionsCurrentAsync(highWaterMark), () => second.RecentOutput);
            var expected = await probe.RegisterFromEventsAsync();
            Assert.Equal(expected, await probe.RegisterTableAsync());
            Assert.Equal(expected, await second.RegisterDocumentsAsync());

            // The ledger goes on from its last committed seal: one intact chain over every stored event, each sealed once.
            var storedEvents = await probe.EventCountAsync();
            await Poll.UntilAsync("the ledger to seal every event", TimeSpan.FromSeconds(60), () => second.LedgerSealedAsync(storedEvents), () => second.RecentOutput);

            var landed = unanswered.Count(t => ours.Any(e => e.Text == t));
            output.WriteLine($"{acknowledged.Count} acknowledged writes before SIGKILL, {unanswered.Count} unanswered ({landed} of them stored); " +
                             $"restarted and ready {restarted.TotalSeconds:0.0} s after the kill; async views current {caughtUp.TotalSeconds:0.0} s later.");
        }
        finally
        {
            if (second is not null) await second.DisposeAsync();
            if (first is not null) await first.DisposeAsync();
        }
    }
}
