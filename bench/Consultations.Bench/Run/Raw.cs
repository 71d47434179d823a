using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace Consultations.Bench.Run;

/// <summary>
/// The physical baselines, measured on the same PostgreSQL in the same run: pgbench (single-row jsonb INSERT, a
/// primary-key SELECT), a binary COPY of the same rows, a plain ordered read of mt_events, and SHA-256 chained over the
/// same bytes in memory. Also counts the SQL statements the host sends per command (log_statement=all on a sample).
/// </summary>
public static partial class Raw
{
    public const string Pgbench = "/usr/lib/postgresql/15/bin/pgbench";

    /// <summary>A typical event body: the size of a commitment's party-progress change as the host stores it.</summary>
    private const string EventJson =
        """{"CommitmentId": "jpit-06-solar-c~c00001", "DialogueId": "japan-italy-space~c00001", "FieldCode": "JPIT-06~c00001", "Party": "Japan", "From": "InProgress", "To": "Delayed", "EffectiveOn": "2026-12-01", "Reason": "Benchmark baseline: about one event worth of jsonb."}""";

    public static async Task<Latencies> PgbenchInsertAsync(string connectionString, int clients, TimeSpan duration)
    {
        await ExecuteAsync(connectionString, "CREATE TABLE IF NOT EXISTS public.bench_insert (id bigserial PRIMARY KEY, data jsonb NOT NULL)");
        return await PgbenchAsync(connectionString, $"INSERT INTO public.bench_insert (data) VALUES ('{EventJson}'::jsonb);", clients, duration);
    }

    public static Task<Latencies> PgbenchSelectAsync(string connectionString, string schema, string documentTable, string id, int clients, TimeSpan duration) =>
        PgbenchAsync(connectionString, $"SELECT data FROM {schema}.{documentTable} WHERE id = '{id}';", clients, duration);

    /// <summary>pgbench with a custom script; latencies from its per-transaction log (-l).</summary>
    private static async Task<Latencies> PgbenchAsync(string connectionString, string script, int clients, TimeSpan duration)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var folder = Directory.CreateTempSubdirectory("consultations-pgbench-");
        try
        {
            var file = Path.Combine(folder.FullName, "script.sql");
            await File.WriteAllTextAsync(file, script + Environment.NewLine);
            var psi = new ProcessStartInfo(Pgbench)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder.FullName,
            };
            foreach (var arg in new[]
                     {
                         "-n", "-h", cs.Host!, "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username!, "-c", Text(clients), "-j", Text(clients),
                         "-T", Text((int)duration.TotalSeconds), "-l", "-f", file, cs.Database!,
                     })
                psi.ArgumentList.Add(arg);
            psi.Environment["PGPASSWORD"] = cs.Password;
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var output = await stdout;
            if (process.ExitCode != 0) throw new InvalidOperationException($"pgbench failed ({process.ExitCode}): {output}{await stderr}");
            var tps = double.Parse(Tps().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            var samples = new List<double>();
            foreach (var log in folder.GetFiles("pgbench_log.*"))
            {
                foreach (var line in await File.ReadAllLinesAsync(log.FullName))
                {
                    var parts = line.Split(' ');
                    if (parts.Length > 2) samples.Add(double.Parse(parts[2], CultureInfo.InvariantCulture) / 1000.0);
                }
            }

            var latencies = Latencies.Of(samples, 0, duration.TotalSeconds);
            // pgbench's own rate (without connection set-up) rather than the log's count over the nominal duration.
            return latencies with { Count = (int)Math.Round(tps * duration.TotalSeconds) };
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();

    /// <summary>Reads every row of mt_events in sequence order (what a rebuild has to read): the seconds it took.</summary>
    public static async Task<(double Seconds, long Rows)> OrderedReadAsync(string connectionString, string schema)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var watch = Stopwatch.StartNew();
        await using var cmd = new NpgsqlCommand($"SELECT seq_id, stream_id, type, data FROM {schema}.mt_events ORDER BY seq_id", conn) { CommandTimeout = 0 };
        await using var reader = await cmd.ExecuteReaderAsync();
        long rows = 0, bytes = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            bytes += reader.GetString(3).Length;
        }

        return (watch.Elapsed.TotalSeconds, rows);
    }

    /// <summary>The events' data in sequence order, as the ledger hashes it (loaded untimed), then chained SHA-256 timed.</summary>
    public static async Task<(double Seconds, long Rows)> ChainedShaAsync(string connectionString, string schema)
    {
        var rows = new List<byte[]>();
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                $"SELECT convert_to(concat_ws('|', seq_id, id, stream_id, version, type, mt_dotnet_type, timestamp, user_name, correlation_id, causation_id, headers::text, data::text), 'UTF8') FROM {schema}.mt_events ORDER BY seq_id", conn)
            { CommandTimeout = 0 };
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(reader.GetFieldValue<byte[]>(0));
        }

        var watch = Stopwatch.StartNew();
        var chain = new byte[32];
        var buffer = new byte[64];
        foreach (var row in rows)
        {
            var own = SHA256.HashData(row);
            chain.CopyTo(buffer, 0);
            own.CopyTo(buffer, 32);
            chain = SHA256.HashData(buffer);
        }

        return (watch.Elapsed.TotalSeconds, rows.Count);
    }

    /// <summary>Binary COPY of the given jsonb bodies into a fresh table (fsync on): the seconds it took.</summary>
    public static async Task<double> CopyAsync(string connectionString, IReadOnlyList<string> bodies)
    {
        await ExecuteAsync(connectionString, "DROP TABLE IF EXISTS public.bench_copy; CREATE TABLE public.bench_copy (id bigserial PRIMARY KEY, data jsonb NOT NULL)");
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var watch = Stopwatch.StartNew();
        await using (var writer = await conn.BeginBinaryImportAsync("COPY public.bench_copy (data) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var body in bodies)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(body, NpgsqlDbType.Jsonb);
            }

            await writer.CompleteAsync();
        }

        return watch.Elapsed.TotalSeconds;
    }

    public static async Task<List<string>> LastEventBodiesAsync(string connectionString, string schema, long count)
    {
        var bodies = new List<string>();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"SELECT data::text FROM {schema}.mt_events ORDER BY seq_id DESC LIMIT @n", conn) { CommandTimeout = 0 };
        cmd.Parameters.AddWithValue("n", count);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) bodies.Add(reader.GetString(0));
        bodies.Reverse();
        return bodies;
    }

    /// <summary>
    /// Counts the statements the host (application_name <paramref name="application"/>) sends while <paramref name="act"/>
    /// runs, less what it sends when idle for as long (the daemon's polling): log_statement=all for the sample only.
    /// </summary>
    public static async Task<double> StatementsPerCommandAsync(string connectionString, string application, int commands, Func<Task> act)
    {
        var log = Path.Combine(await ScalarAsync<string>(connectionString, "SELECT current_setting('data_directory')"), "postgres.log");
        await ExecuteAsync(connectionString, "ALTER SYSTEM SET log_statement = 'all'; ALTER SYSTEM SET log_line_prefix = '%m [%p] %a: '");
        await ExecuteAsync(connectionString, "SELECT pg_reload_conf()");
        try
        {
            await Task.Delay(500);
            var start = new FileInfo(log).Length;
            var watch = Stopwatch.StartNew();
            await act();
            var busy = watch.Elapsed;
            var afterAct = new FileInfo(log).Length;
            await Task.Delay(busy);
            var afterIdle = new FileInfo(log).Length;
            var during = await CountAsync(log, start, afterAct, application);
            var idle = await CountAsync(log, afterAct, afterIdle, application);
            return Math.Max(0, during - idle) / (double)commands;
        }
        finally
        {
            await ExecuteAsync(connectionString, "ALTER SYSTEM RESET log_statement; ALTER SYSTEM RESET log_line_prefix");
            await ExecuteAsync(connectionString, "SELECT pg_reload_conf()");
        }
    }

    private static async Task<int> CountAsync(string log, long from, long to, string application)
    {
        await using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(from, SeekOrigin.Begin);
        var buffer = new byte[to - from];
        await stream.ReadExactlyAsync(buffer);
        var marker = $" {application}: LOG:  ";
        return System.Text.Encoding.UTF8.GetString(buffer).Split('\n')
            .Count(l => l.Contains(marker, StringComparison.Ordinal) && (l.Contains("LOG:  statement:", StringComparison.Ordinal) || l.Contains("LOG:  execute", StringComparison.Ordinal)));
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
