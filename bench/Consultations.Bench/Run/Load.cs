using System.Diagnostics;
using System.Net;

namespace Consultations.Bench.Run;

/// <summary>Latencies in milliseconds and what they add up to.</summary>
public sealed record Latencies(int Count, int Failures, double Seconds, double P50, double P95, double P99, string? FirstFailure)
{
    public double PerSecond => Seconds > 0 ? Count / Seconds : 0;

    public static Latencies Of(List<double> samples, int failures, double seconds, string? firstFailure = null)
    {
        samples.Sort();
        return new Latencies(samples.Count, failures, seconds, Percentile(samples, 0.50), Percentile(samples, 0.95), Percentile(samples, 0.99), firstFailure);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>
/// A small closed-loop HTTP load generator: <c>workers</c> concurrent loops on one HttpClient (one connection each),
/// each sending its next request as soon as the last one is answered, for a warm-up and then a measured duration.
/// Only 2xx answers count; a failure is counted and the first one kept for the report.
/// </summary>
public static class Load
{
    public static HttpClient Client(int port, string token, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromMinutes(5),
            DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token) },
        };

    public static async Task<Latencies> RunAsync(HttpClient client, int workers, TimeSpan warmUp, TimeSpan duration,
        Func<int, long, HttpRequestMessage> request)
    {
        var measuredFrom = DateTime.UtcNow + warmUp;
        var until = measuredFrom + duration;
        var samples = new List<double>[workers];
        var failures = new int[workers];
        string? firstFailure = null;
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = samples[w] = [];
            for (long i = 0; ; i++)
            {
                var started = DateTime.UtcNow;
                if (started >= until) return;
                var watch = Stopwatch.StartNew();
                using var message = request(w, i);
                using var response = await client.SendAsync(message);
                var body = await response.Content.ReadAsStringAsync();
                watch.Stop();
                if (started < measuredFrom) continue;
                if (response.IsSuccessStatusCode) mine.Add(watch.Elapsed.TotalMilliseconds);
                else
                {
                    failures[w]++;
                    Interlocked.CompareExchange(ref firstFailure, $"{(int)response.StatusCode} {message.RequestUri}: {Shorten(body)}", null);
                }
            }
        })).ToList();
        await Task.WhenAll(tasks);
        return Latencies.Of([.. samples.SelectMany(s => s)], failures.Sum(), duration.TotalSeconds, firstFailure);
    }

    /// <summary>One request after another, at most <paramref name="count"/> of them or for at most <paramref name="budget"/>.</summary>
    public static async Task<Latencies> SequentialAsync(HttpClient client, int count, TimeSpan budget, Func<long, string> url)
    {
        var samples = new List<double>();
        var failures = 0;
        string? firstFailure = null;
        var total = Stopwatch.StartNew();
        for (long i = 0; i < count && (i < 3 || total.Elapsed < budget); i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(url(i));
            var body = await response.Content.ReadAsStringAsync();
            watch.Stop();
            if (response.IsSuccessStatusCode) samples.Add(watch.Elapsed.TotalMilliseconds);
            else
            {
                failures++;
                firstFailure ??= $"{(int)response.StatusCode} {url(i)}: {Shorten(body)}";
            }
        }

        return Latencies.Of(samples, failures, total.Elapsed.TotalSeconds, firstFailure);
    }

    public static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    public static bool IsOk(HttpStatusCode status) => (int)status is >= 200 and < 300;
}
