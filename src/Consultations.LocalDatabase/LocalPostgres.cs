using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Consultations.LocalDatabase;

/// <summary>
/// A private PostgreSQL cluster in one folder, for development and tests: made by initdb on first use, then driven by
/// pg_ctl (status, start -w, stop), listening on 127.0.0.1 only (no Unix socket). The superuser postgres logs in with
/// SCRAM and a generated password kept beside the folder (<c>&lt;folder&gt;.secret</c>, mode 0600); no local account is trusted.
/// Every process using the server holds a shared lock on <c>consultations.users</c>; the one that owns it (started it, or
/// took over a server whose starter is gone) stops it at its end only when it is the last user.
/// </summary>
public sealed partial class LocalPostgres : IAsyncDisposable
{
    private const string LogFileName = "postgres.log";
    private const string OwnerFileName = "consultations.owner";
    private const string UsersFileName = "consultations.users";
    private const int StartAttempts = 4;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    // Given at each start, so they are also on record in postmaster.opts. Tuned for a small development server; fsync stays on.
    private static readonly string Settings = string.Join(' ', new[]
    {
        "listen_addresses=127.0.0.1", "unix_socket_directories=", "max_connections=200", "shared_buffers=128MB",
        "max_locks_per_transaction=256", "timezone=UTC", "log_timezone=UTC", "log_min_messages=warning",
    }.Select(setting => "-c " + setting));

    private readonly PgBinaries _pg;
    private readonly ILogger _logger;
    private readonly string _secret;
    private readonly FileStream _use;
    private FileStream? _ownership;
    private readonly Lock _stopLock = new();
    private Task? _stopping;

    private LocalPostgres(PgBinaries pg, string dataDirectory, int port, bool startedByUs, FileStream? ownership, Access access, ILogger logger)
    {
        (_pg, DataDirectory, Port, StartedByUs, _ownership, _logger) = (pg, dataDirectory, port, startedByUs, ownership, logger);
        (_secret, _use) = (access.Secret, access.Use);
        ConnectionString = BuildConnectionString(port, "postgres", pooling: true);
    }

    /// <summary>What a process needs to use the cluster: the superuser's password and its shared lock as a user.</summary>
    private sealed record Access(string Secret, FileStream Use);

    public string DataDirectory { get; }

    /// <summary>The TCP port on 127.0.0.1; the next start reuses it when it is still free.</summary>
    public int Port { get; }

    /// <summary>The <c>postgres</c> database as the superuser <c>postgres</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>False when a server already running from <see cref="DataDirectory"/> was adopted.</summary>
    public bool StartedByUs { get; }

    public static string? FindBinaries() => PgBinaries.Find();

    /// <summary>
    /// Creates the cluster if needed, then adopts the server running from the folder (left by a killed run, say) or
    /// starts it; pg_ctl and postgres themselves recover from a stale postmaster.pid or an unclean shutdown.
    /// </summary>
    public static async Task<LocalPostgres> StartAsync(string dataDirectory, ILogger? logger = null, string? fallbackDirectory = null,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        logger ??= NullLogger.Instance;
        var pg = PgBinaries.Require();
        var fallback = fallbackDirectory is null ? null : FullPath(fallbackDirectory);
        var data = await PgBinaries.PrepareFolderAsync(FullPath(dataDirectory), fallback, logger, ct).ConfigureAwait(false);
        var secret = Secrets.LoadOrCreate(data);
        if (!File.Exists(Path.Combine(data, "PG_VERSION"))) await InitAsync(pg, data, secret, logger, ct).ConfigureAwait(false);
        var use = await UseAsync(data, ct).ConfigureAwait(false);
        try
        {
            var server = await StartOrAdoptAsync(pg, data, new Access(secret, use), logger, ct).ConfigureAwait(false);
            await server.RequirePasswordsAsync(ct).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await use.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<LocalPostgres> StartOrAdoptAsync(PgBinaries pg, string data, Access access, ILogger logger, CancellationToken ct)
    {

        DateTime? deadline = null;
        ToolResult? failure = null;
        for (var starts = 0; ;)
        {
            if (await pg.IsRunningAsync(data, ct).ConfigureAwait(false))
            {
                // Left by a killed run, or being started or stopped by another process right now.
                if (RunningPort(data) is { } running && await pg.AcceptsConnectionsAsync(running, ct).ConfigureAwait(false))
                {
                    var owner = TryOwn(data);
                    logger.LogInformation("Adopted the PostgreSQL server running from {DataDirectory} on 127.0.0.1:{Port} ({Fate})", data,
                        running, owner is null ? "another live process started it: left running on stop" : "stopped with this process");
                    return new LocalPostgres(pg, data, running, startedByUs: false, owner, access, logger);
                }

                deadline ??= DateTime.UtcNow + ReadyTimeout;
                if (DateTime.UtcNow > deadline)
                    throw new InvalidOperationException(
                        $"pg_ctl reports a PostgreSQL server running from '{data}', but it does not accept connections on 127.0.0.1. "
                        + $"Stop it (pg_ctl stop -D '{data}' -m immediate, as the postgres OS user when root) or, if no such process "
                        + "is alive, delete its postmaster.pid; then try again." + LogTail(data));
                await Task.Delay(500, ct).ConfigureAwait(false);
                continue;
            }

            if (++starts > StartAttempts)
                throw new InvalidOperationException($"Could not start PostgreSQL from '{data}'." + failure + LogTail(data));
            var port = starts == 1 ? LastPort(data) ?? FreePort() : FreePort();
            RotateLog(data);
            string[] args = ["start", "-w", "-t", "90", "-D", data, "-l", Path.Combine(data, LogFileName), "-o", $"-p {port} {Settings}"];
            var start = await pg.RunAsync("pg_ctl", args, ct).ConfigureAwait(false);
            if (start.ExitCode == 0)
            {
                logger.LogInformation("Started PostgreSQL from {DataDirectory} on 127.0.0.1:{Port}", data, port);
                return new LocalPostgres(pg, data, port, startedByUs: true, TryOwn(data), access, logger);
            }

            // The port was taken meanwhile, or processes of a killed server are still exiting: try again on a fresh port.
            failure = start;
            logger.LogInformation("PostgreSQL did not start from {DataDirectory} on port {Port}; trying again", data, port);
            await Task.Delay(TimeSpan.FromSeconds(starts), ct).ConfigureAwait(false);
        }
    }

    /// <summary>Creates database <paramref name="name"/> if missing and returns its connection string.</summary>
    public async Task<string> EnsureDatabaseAsync(string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await using var conn = new NpgsqlConnection(BuildConnectionString(Port, "postgres", pooling: false));
        await conn.OpenAsync(ct).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", conn);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is null)
        {
            try
            {
                var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                await using var create = new NpgsqlCommand("CREATE DATABASE " + quoted, conn);
                await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                _logger.LogInformation("Created PostgreSQL database {Database}", name);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Created by someone else meanwhile.
            }
        }

        return BuildConnectionString(Port, name, pooling: true);
    }

    /// <summary>
    /// Stops the server (pg_ctl stop -m fast, else -m immediate) if this process owns it and no other process uses it;
    /// else leaves it running for them. Idempotent.
    /// </summary>
    public Task StopAsync()
    {
        lock (_stopLock) return _stopping ??= StopOnceAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task StopOnceAsync()
    {
        await _use.DisposeAsync().ConfigureAwait(false);
        // A server whose owner has gone (it left the server to us, its other users) is ours to stop when we are the last.
        using var ownership = _ownership ?? TryOwn(DataDirectory); // released once stopped, so that the next start owns the server
        if (ownership is null)
        {
            _logger.LogInformation("Leaving PostgreSQL from {DataDirectory} running: the process that started it lives", DataDirectory);
            return;
        }

        // Held while stopping, so that no process starts using the server meanwhile (it waits, then starts it anew).
        using var alone = TryLock(Path.Combine(DataDirectory, UsersFileName), FileShare.None);
        if (alone is null)
        {
            _logger.LogInformation("Leaving PostgreSQL from {DataDirectory} running: another process still uses it", DataDirectory);
            return;
        }

        ToolResult? failure = null;
        foreach (var (mode, seconds) in new[] { ("fast", "60"), ("immediate", "30") })
        {
            failure = await _pg.RunAsync("pg_ctl", ["stop", "-w", "-t", seconds, "-m", mode, "-D", DataDirectory]).ConfigureAwait(false);
            if (await _pg.IsRunningAsync(DataDirectory).ConfigureAwait(false)) continue;
            _logger.LogInformation("Stopped PostgreSQL from {DataDirectory} (127.0.0.1:{Port})", DataDirectory, Port);
            return;
        }

        throw new InvalidOperationException($"Could not stop PostgreSQL from '{DataDirectory}'." + failure + LogTail(DataDirectory));
    }

    private static async Task InitAsync(PgBinaries pg, string data, string secret, ILogger logger, CancellationToken ct)
    {
        if (Directory.EnumerateFileSystemEntries(data).Any())
            throw new InvalidOperationException($"The folder '{data}' is not empty but holds no PostgreSQL cluster (no PG_VERSION). "
                                                + "Empty or delete it to have a new cluster created there, or choose another folder.");
        logger.LogInformation("Creating a PostgreSQL cluster in {DataDirectory}", data);
        // The password goes in on standard input: it is never on a command line or in a file the postgres OS user must read.
        var init = await pg.RunWithSecretAsync("initdb", ["-D", data, "-U", "postgres", "--auth=scram-sha-256", "--pwfile=/dev/stdin", "--encoding=UTF8",
            "--locale=C"], secret + "\n", ct).ConfigureAwait(false);
        if (init.ExitCode != 0) throw new InvalidOperationException($"initdb failed for '{data}'." + init);
    }

    /// <summary>The port of the running server: the fourth line of postmaster.pid.</summary>
    private static int? RunningPort(string data) =>
        ReadLines(Path.Combine(data, "postmaster.pid")).ElementAtOrDefault(3) is { } line
        && int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;

    /// <summary>The port of the last start, from the options postgres records in postmaster.opts.</summary>
    private static int? LastPort(string data) =>
        PortOption().Match(string.Join(' ', ReadLines(Path.Combine(data, "postmaster.opts")))) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex("\"-p\" \"([0-9]{1,5})\"")]
    private static partial Regex PortOption();

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }

    private string BuildConnectionString(int port, string database, bool pooling) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = "postgres", Password = _secret, Database = database, Timeout = 15,
            IncludeErrorDetail = true, Pooling = pooling, MaxPoolSize = 30,
        }.ConnectionString;

    private static void RotateLog(string data)
    {
        var log = new FileInfo(Path.Combine(data, LogFileName));
        if (log is { Exists: true, Length: > 10 << 20 }) log.MoveTo(log.FullName + ".old", overwrite: true);
    }

    private static string LogTail(string data) =>
        $"{Environment.NewLine}Last lines of {Path.Combine(data, LogFileName)}:{Environment.NewLine}"
        + string.Join(Environment.NewLine, ReadLines(Path.Combine(data, LogFileName)).TakeLast(30));

    private static string[] ReadLines(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllLines(path) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string FullPath(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
