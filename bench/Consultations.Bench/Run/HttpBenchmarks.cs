using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;

namespace Consultations.Bench.Run;

/// <summary>The figures measured through the running host's HTTP API, each beside its same-run baseline.</summary>
public sealed partial class HttpBenchmarks(ServiceUnderTest host, Target target, Options options, long events, Action<Result> add, Action<string> say)
{
    private const string Field = GrownStore.Field;
    private const string Dialogue = GrownStore.Dialogue;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);
    private static readonly string AsOf = GrownStore.EffectiveOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private readonly string _today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private List<(string Id, string Party)>? _open;
    private int[] _flips = [];

    /// <summary>A typical read, one field's status, at 8 connections; baseline pgbench selecting that field's commitment document by key.</summary>
    public async Task ReadAsync()
    {
        using var client = Load.Client(host.Port, host.Token, 8);
        var ours = await Load.RunAsync(client, 8, WarmUp, options.Duration, (_, _) => new HttpRequestMessage(HttpMethod.Get, $"api/fields/{Field}"));
        var id = await Raw.ScalarAsync<string>(target.ConnectionString, $"SELECT id FROM {target.Schema}.mt_doc_commitment WHERE field_code = '{Field}' LIMIT 1");
        var raw = await Raw.PgbenchSelectAsync(target.ConnectionString, target.Schema, "mt_doc_commitment", id, 8, options.Duration);
        add(Rate("http-read", ours, raw, $"GET /api/fields/{Field}, 8 connections"));
    }

    public Task ReplayFieldAsync() => ReplayAsync("replay-field", $"api/fields/{Field}?effectiveOn={AsOf}", $"api/fields/{Field}");

    public Task ReplayDialogueAsync() =>
        ReplayAsync("replay-dialogue", $"api/fields?dialogue={Dialogue}&effectiveOn={AsOf}", $"api/fields?dialogue={Dialogue}");

    /// <summary>p95 of the as-of GET, one request at a time; baseline: the same GET without as-of (stored views, no replay).</summary>
    private async Task ReplayAsync(string name, string replay, string current)
    {
        var budget = TimeSpan.FromSeconds(options.Quick ? 20 : 40);
        var ours = await Load.SequentialAsync(host.Client, 30, budget, _ => replay);
        var plain = await Load.SequentialAsync(host.Client, 30, budget, _ => current);
        if (ours.Count == 0) throw new InvalidOperationException($"Every replay failed: {ours.FirstFailure}");
        add(new Result(name, events, ours.P95, "ms", plain.P95, host.Process.PeakMegabytes,
            $"GET /{replay}: {ours.Count} requests, p50 {ours.P50:0.0} ms, p95 {ours.P95:0.0} ms; baseline GET /{current} p50 {plain.P50:0.0} ms, p95 {plain.P95:0.0} ms{Failures(ours)}"));
    }

    /// <summary>
    /// GET /api/changes over a window holding the whole store, first page then the next ones (pageSize 1000, following
    /// <c>Link: rel="next"</c>) within a time budget: the events listed per second; baseline the plain ordered read.
    /// </summary>
    public async Task ChangesAsync()
    {
        var budget = TimeSpan.FromSeconds(options.Quick ? 30 : 120);
        var url = "api/changes?from=2000-01-01&pageSize=1000";
        var watch = Stopwatch.StartNew();
        double firstPageMs = 0;
        long listed = 0, total = 0;
        var pages = 0;
        while (url is not null && (pages == 0 || watch.Elapsed < budget))
        {
            var page = Stopwatch.StartNew();
            using var response = await host.Client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET /{url}: {(int)response.StatusCode} {Load.Shorten(body)}");
            if (pages++ == 0) firstPageMs = page.Elapsed.TotalMilliseconds;
            listed += JsonNode.Parse(body)!["events"]!.AsArray().Count;
            total = response.Headers.TryGetValues("X-Total-Count", out var count) ? long.Parse(count.First(), System.Globalization.CultureInfo.InvariantCulture) : listed;
            url = response.Headers.TryGetValues("Link", out var links) && Next().Match(string.Join(',', links)) is { Success: true } next
                ? next.Groups[1].Value.TrimStart('/') : null;
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var (readSeconds, rows) = await Raw.OrderedReadAsync(target.ConnectionString, target.Schema);
        add(new Result("changes", events, listed / seconds, "events/s", rows / readSeconds, host.Process.PeakMegabytes,
            $"first page (1000 of {total:N0}) {firstPageMs:N0} ms; {pages} page(s), {listed:N0} events in {seconds:0.0} s{(url is null ? " (all)" : " (time budget reached)")}"));
    }

    [GeneratedRegex("<([^>]+)>;\\s*rel=\"?next\"?")]
    private static partial Regex Next();

    /// <summary>
    /// Writes that are always accepted: a party's progress on an open commitment, flipped between in-progress and delayed,
    /// each worker on commitments of its own; baseline pgbench single-row jsonb INSERT at the same concurrency. Then the
    /// SQL statements per command, on a short sequential sample.
    /// </summary>
    public async Task WriteAsync(int connections)
    {
        var open = await OpenCommitmentsAsync();
        using var client = Load.Client(host.Port, host.Token, connections);
        using var watching = new CancellationTokenSource();
        var sealing = SealingLagAsync(watching.Token);
        var ours = await Load.RunAsync(client, connections, WarmUp, options.Duration, (w, i) => Progress(open, w, i, connections));
        await watching.CancelAsync();
        var (maxLag, meanLag, caughtUp) = await sealing;
        var raw = await Raw.PgbenchInsertAsync(target.ConnectionString, connections, options.Duration);
        var name = $"http-write-{connections}";
        var notes = $"POST /api/commitments/ID/party-progress, {connections} connection(s), p50 {ours.P50:0.0} ms, p95 {ours.P95:0.0} ms, p99 {ours.P99:0.0} ms; " +
                    $"pgbench INSERT p50 {raw.P50:0.00} ms, p95 {raw.P95:0.00} ms";
        notes += $"; sealing behind by at most {maxLag:N0} events (mean {meanLag:N0}, sampled every 250 ms while writing), " +
                 (caughtUp is { } c ? $"caught up {c:0.0} s after the writers stopped" : "not caught up within 60 s after the writers stopped");
        if (connections == 1)
        {
            var statements = await StatementsPerCommandAsync(host);
            notes += $"; {statements:0.#} SQL statements per command with the daemon's follow-up work (log_statement=all over {StatementSample} sequential commands, less the idle host's)";
        }

        add(Rate(name, ours, raw, notes));
    }

    /// <summary>
    /// Issue 14: sealing keeps up with the writers. While they write, how many events the ledger's last seal is behind the
    /// last event (every 250 ms); once stopped, how long until everything recorded is sealed.
    /// </summary>
    private async Task<(long Max, double Mean, double? CaughtUp)> SealingLagAsync(CancellationToken writing)
    {
        await using var conn = new NpgsqlConnection(target.ConnectionString);
        await conn.OpenAsync(CancellationToken.None);
        var sql = $"SELECT (SELECT coalesce(max(seq_id), 0) FROM {target.Schema}.mt_events), (SELECT coalesce(max(position), 0) FROM {target.Schema}.audit_seal)";
        async Task<(long Last, long Sealed)> SampleAsync()
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            await using var reader = await cmd.ExecuteReaderAsync(CancellationToken.None);
            await reader.ReadAsync(CancellationToken.None);
            return (reader.GetInt64(0), reader.GetInt64(1));
        }

        var lags = new List<long>();
        while (!writing.IsCancellationRequested)
        {
            var (last, sealedUpTo) = await SampleAsync();
            lags.Add(last - sealedUpTo);
            try { await Task.Delay(250, writing); } catch (OperationCanceledException) { }
        }

        var (end, _) = await SampleAsync();
        var watch = Stopwatch.StartNew();
        double? caughtUp = null;
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if ((await SampleAsync()).Sealed >= end) { caughtUp = watch.Elapsed.TotalSeconds; break; }
            await Task.Delay(100, CancellationToken.None);
        }

        return (lags.DefaultIfEmpty(0).Max(), lags.Count == 0 ? 0 : lags.Average(), caughtUp);
    }

    private const int StatementSample = 20;

    /// <summary>The statements <paramref name="service"/> sends per write, on a short sequential sample (log_statement=all).</summary>
    public async Task<double> StatementsPerCommandAsync(ServiceUnderTest service)
    {
        var open = await OpenCommitmentsAsync();
        using var client = Load.Client(service.Port, service.Token, 1);
        using (var first = await client.SendAsync(Progress(open, 0, 200_000, 1))) first.EnsureSuccessStatusCode();
        return await Raw.StatementsPerCommandAsync(target.ConnectionString, ServiceUnderTest.Application, StatementSample, async () =>
        {
            for (var i = 1; i <= StatementSample; i++)
            {
                using var response = await client.SendAsync(Progress(open, 0, 200_000 + i, 1));
                response.EnsureSuccessStatusCode();
            }
        });
    }

    private HttpRequestMessage Progress(List<(string Id, string Party)> open, int worker, long i, int workers)
    {
        var perWorker = open.Count / workers;
        var index = worker * perWorker + (int)(i % perWorker);
        var (id, party) = open[index];
        var flip = Interlocked.Increment(ref _flips[index]);
        return new HttpRequestMessage(HttpMethod.Post, $"api/commitments/{Uri.EscapeDataString(id)}/party-progress")
        {
            Content = JsonContent.Create(new { party, progress = flip % 2 == 1 ? "in-progress" : "delayed", effectiveOn = _today, reason = "Benchmark write." }),
        };
    }

    private async Task<List<(string Id, string Party)>> OpenCommitmentsAsync()
    {
        if (_open is not null) return _open;
        var open = new List<(string, string)>();
        await using var conn = new NpgsqlConnection(target.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"SELECT id, data->'Parties'->>0 FROM {target.Schema}.mt_doc_commitment WHERE lower(data->>'Status') NOT IN ('fulfilled', 'lapsed', 'withdrawn', 'superseded') " +
            "AND jsonb_array_length(data->'Parties') > 0 ORDER BY id LIMIT 4000", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) open.Add((reader.GetString(0), reader.GetString(1)));
        if (open.Count < 8) throw new InvalidOperationException($"Only {open.Count} open commitments in the store: too few to write to.");
        _flips = new int[open.Count];
        say($"Writing to {open.Count:N0} open commitments");
        return _open = open;
    }

    private Result Rate(string name, Latencies ours, Latencies raw, string notes) =>
        new(name, events, ours.Count == 0 ? null : ours.PerSecond, "req/s", raw.PerSecond, host.Process.PeakMegabytes, notes + Failures(ours));

    private static string Failures(Latencies l) => l.Failures == 0 ? "" : $"; {l.Failures} failed, first: {l.FirstFailure}";
}
