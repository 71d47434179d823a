using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Consultations.Host.Database;

/// <summary>
/// A private PostgreSQL cluster living in one folder: created with initdb on first use, started with
/// pg_ctl, listening on 127.0.0.1 only with trust authentication for the superuser <c>postgres</c>.
/// Used by the service when no connection string is configured, and by the integration tests.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const string PortFileName = "consultations.port";
    private const string OwnerFileName = "consultations.owner";
    private const string LogFileName = "postgres.log";
    private const string ConfigMarker = "# --- Consultations LocalPostgres settings ---";
    private const string OsUser = "postgres";
    private const long MaxLogBytes = 10 * 1024 * 1024;
    private const int StartAttempts = 6;

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(180);

    private readonly string _binDirectory;
    private readonly bool _asPostgresUser;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _stopLock = new(1, 1);
    private readonly bool _ownsServer;
    private bool _stopped;

    private LocalPostgres(string dataDirectory, int port, bool startedByUs, bool ownsServer, string binDirectory,
        bool asPostgresUser, ILogger logger)
    {
        DataDirectory = dataDirectory;
        Port = port;
        StartedByUs = startedByUs;
        _ownsServer = ownsServer;
        _binDirectory = binDirectory;
        _asPostgresUser = asPostgresUser;
        _logger = logger;
        ConnectionString = BuildConnectionString(port, "postgres", pooling: true);
    }

    /// <summary>The cluster's data folder (PGDATA).</summary>
    public string DataDirectory { get; }

    /// <summary>The TCP port the server listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>Connection string to the <c>postgres</c> database as the superuser <c>postgres</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>False when an instance that was already running from <see cref="DataDirectory"/> was adopted.</summary>
    public bool StartedByUs { get; }

    /// <summary>
    /// The folder holding initdb/pg_ctl/postgres: env <c>CONSULTATIONS_PG_BIN</c>, else the highest
    /// <c>/usr/lib/postgresql/*/bin</c> that has pg_ctl, else <c>pg_config --bindir</c> if that has pg_ctl, else null.
    /// </summary>
    public static string? FindBinaries()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CONSULTATIONS_PG_BIN");
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return Path.GetFullPath(fromEnv.Trim());
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var best = Directory.EnumerateDirectories(debianRoot)
                .Select(dir => (Dir: dir, Version: ParseVersion(Path.GetFileName(dir))))
                .Where(x => x.Version is not null && HasPgCtl(Path.Combine(x.Dir, "bin")))
                .OrderByDescending(x => x.Version)
                .Select(x => Path.Combine(x.Dir, "bin"))
                .FirstOrDefault();
            if (best is not null)
            {
                return best;
            }
        }

        try
        {
            var result = RunProcessCoreAsync("pg_config", ["--bindir"], TimeSpan.FromSeconds(10), CancellationToken.None)
                .GetAwaiter().GetResult();
            var dir = result.StdOut.Trim();
            if (result.ExitCode == 0 && dir.Length > 0 && HasPgCtl(dir))
            {
                return dir;
            }
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException)
        {
            // pg_config is not installed.
        }

        return null;
    }

    /// <summary>
    /// Creates (initdb) and starts a cluster in <paramref name="dataDirectory"/>, adopts one already running
    /// from that folder, or recovers from a stale postmaster.pid, then waits until it accepts connections.
    /// </summary>
    public static async Task<LocalPostgres> StartAsync(string dataDirectory, ILogger? logger = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        logger ??= NullLogger.Instance;
        var dataDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));

        var bin = FindBinaries();
        if (bin is null)
        {
            throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found: looked at env CONSULTATIONS_PG_BIN, " +
                "/usr/lib/postgresql/*/bin and `pg_config --bindir`. Install the PostgreSQL server " +
                "(e.g. `apt-get install -y postgresql`), set CONSULTATIONS_PG_BIN to the folder holding pg_ctl, " +
                "or point the setting ConnectionStrings:Marten at an existing PostgreSQL server.");
        }

        foreach (var tool in new[] { "initdb", "pg_ctl", "postgres" })
        {
            if (!File.Exists(Path.Combine(bin, tool)))
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL binaries folder '{bin}' has no '{tool}'. Install the PostgreSQL server " +
                    "(e.g. `apt-get install -y postgresql`), set CONSULTATIONS_PG_BIN to the folder holding initdb/pg_ctl/postgres, " +
                    "or point the setting ConnectionStrings:Marten at an existing PostgreSQL server.");
            }
        }

        var asPostgresUser = Environment.IsPrivilegedProcess;
        await PrepareDirectoryAsync(dataDir, asPostgresUser, ct).ConfigureAwait(false);

        if (!File.Exists(Path.Combine(dataDir, "PG_VERSION")))
        {
            await InitDbAsync(bin, dataDir, asPostgresUser, logger, ct).ConfigureAwait(false);
        }

        EnsureConfig(dataDir);
        RotateLogIfLarge(dataDir);

        int? forgetPort = null;
        string lastFailure = "";
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            ct.ThrowIfCancellationRequested();

            var running = await DetectRunningServerAsync(dataDir, logger, ct).ConfigureAwait(false);
            if (running is not null)
            {
                var ownsServer = TakeOwnershipIfOrphaned(dataDir);
                WritePortFile(dataDir, running.Value);
                logger.LogInformation(
                    "Adopted the PostgreSQL server already running from {DataDirectory} on 127.0.0.1:{Port} ({Ownership})",
                    dataDir, running.Value, ownsServer ? "its previous owner is gone; it will be stopped with this one" : "left running on stop");
                return new LocalPostgres(dataDir, running.Value, startedByUs: false, ownsServer, bin, asPostgresUser, logger);
            }

            var port = ChoosePort(dataDir, forgetPort);
            var logFile = Path.Combine(dataDir, LogFileName);
            var start = await RunPgAsync(bin, "pg_ctl", asPostgresUser,
                ["start", "-w", "-t", "90", "-D", dataDir, "-l", logFile, "-o", $"-p {port.ToString(CultureInfo.InvariantCulture)}"],
                ct).ConfigureAwait(false);

            if (start.ExitCode == 0)
            {
                try
                {
                    await WaitUntilAcceptingAsync(port, ReadyTimeout, ct).ConfigureAwait(false);
                }
                catch (TimeoutException ex)
                {
                    throw new InvalidOperationException(
                        $"PostgreSQL in '{dataDir}' started but did not accept connections on 127.0.0.1:{port}: {ex.Message}" +
                        Describe(start) + LogTail(dataDir), ex);
                }

                WritePortFile(dataDir, port);
                WriteOwnerFile(dataDir);
                logger.LogInformation("Started PostgreSQL ({BinDirectory}) from {DataDirectory} on 127.0.0.1:{Port}", bin, dataDir, port);
                return new LocalPostgres(dataDir, port, startedByUs: true, ownsServer: true, bin, asPostgresUser, logger);
            }

            var log = LogTail(dataDir);
            lastFailure = Describe(start) + log;
            var text = start.StdOut + start.StdErr + log;
            if (text.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
                || text.Contains("Address already in use", StringComparison.OrdinalIgnoreCase))
            {
                logger.LogInformation("Port {Port} was taken while starting PostgreSQL; trying another one", port);
                forgetPort = port;
                continue;
            }

            if (text.Contains("lock file", StringComparison.OrdinalIgnoreCase)
                || text.Contains("shared memory block", StringComparison.OrdinalIgnoreCase)
                || text.Contains("another server might be running", StringComparison.OrdinalIgnoreCase))
            {
                // Another process is starting the same cluster, or children of a killed postmaster are still exiting.
                logger.LogInformation("PostgreSQL in {DataDirectory} is locked (attempt {Attempt}); retrying", dataDir, attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), ct).ConfigureAwait(false);
                continue;
            }

            throw new InvalidOperationException($"Could not start PostgreSQL from '{dataDir}' on port {port}." + lastFailure);
        }

        throw new InvalidOperationException(
            $"Could not start PostgreSQL from '{dataDir}' after {StartAttempts} attempts." + lastFailure);
    }

    /// <summary>Creates database <paramref name="name"/> if missing and returns its connection string.</summary>
    public async Task<string> EnsureDatabaseAsync(string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var admin = BuildConnectionString(Port, "postgres", pooling: false);
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync(ct).ConfigureAwait(false);
            bool exists;
            await using (var cmd = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", conn))
            {
                cmd.Parameters.AddWithValue("name", name);
                exists = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null;
            }

            if (!exists)
            {
                var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                try
                {
                    await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", conn);
                    await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    _logger.LogInformation("Created PostgreSQL database {Database}", name);
                }
                catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
                {
                    // Created concurrently by someone else.
                }
            }
        }

        return BuildConnectionString(Port, name, pooling: true);
    }

    /// <summary>
    /// Stops the server (pg_ctl stop -m fast) if this instance started it, or adopted it from an owner that is gone.
    /// An instance adopted from a live owner is left running. Idempotent.
    /// </summary>
    public async Task StopAsync()
    {
        await _stopLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            if (!_ownsServer)
            {
                _logger.LogInformation(
                    "Leaving the adopted PostgreSQL server on 127.0.0.1:{Port} ({DataDirectory}) running: its owner is still alive",
                    Port, DataDirectory);
                return;
            }

            if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                _logger.LogInformation("PostgreSQL from {DataDirectory} is already stopped", DataDirectory);
                return;
            }

            var stop = await RunPgAsync(_binDirectory, "pg_ctl", _asPostgresUser,
                ["stop", "-w", "-t", "60", "-m", "fast", "-D", DataDirectory], CancellationToken.None).ConfigureAwait(false);
            if (stop.ExitCode != 0 && File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                var immediate = await RunPgAsync(_binDirectory, "pg_ctl", _asPostgresUser,
                    ["stop", "-w", "-t", "30", "-m", "immediate", "-D", DataDirectory], CancellationToken.None).ConfigureAwait(false);
                if (immediate.ExitCode != 0 && File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
                {
                    throw new InvalidOperationException(
                        $"Could not stop PostgreSQL from '{DataDirectory}'." + Describe(stop) + Describe(immediate) + LogTail(DataDirectory));
                }
            }

            TryDelete(Path.Combine(DataDirectory, OwnerFileName));
            _logger.LogInformation("Stopped PostgreSQL from {DataDirectory} (127.0.0.1:{Port})", DataDirectory, Port);
        }
        finally
        {
            _stopLock.Release();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    // ---------------------------------------------------------------- setup

    private static async Task PrepareDirectoryAsync(string dataDir, bool asPostgresUser, CancellationToken ct)
    {
        var created = !Directory.Exists(dataDir);
        Directory.CreateDirectory(dataDir);
        var empty = !Directory.EnumerateFileSystemEntries(dataDir).Any();
        if ((created || empty) && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (!asPostgresUser)
        {
            return;
        }

        var id = await RunToolAsync("id", ["-u", OsUser], ct).ConfigureAwait(false);
        if (id.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"This process runs as root, so PostgreSQL must run as the '{OsUser}' OS user, which does not exist. " +
                "Install the PostgreSQL server package (it creates that user), run as a non-root user, " +
                "or point the setting ConnectionStrings:Marten at an existing PostgreSQL server." + Describe(id));
        }

        var chown = await RunToolAsync("chown", ["-R", $"{OsUser}:", dataDir], ct).ConfigureAwait(false);
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"Could not give the folder '{dataDir}' to the '{OsUser}' OS user." + Describe(chown));
        }

        var access = await RunToolAsync("runuser", ["-u", OsUser, "--", "test", "-d", dataDir, "-a", "-w", dataDir, "-a", "-x", dataDir], ct)
            .ConfigureAwait(false);
        if (access.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL data folder '{dataDir}' is not usable by the '{OsUser}' OS user: as root, PostgreSQL runs as " +
                $"'{OsUser}', which must be able to traverse every parent folder and write this folder. Choose a folder " +
                "outside private homes such as /root (e.g. set CONSULTATIONS_DATA), open up the parent folders (chmod o+x), " +
                "or point the setting ConnectionStrings:Marten at an existing PostgreSQL server." + Describe(access));
        }
    }

    private static async Task InitDbAsync(string bin, string dataDir, bool asPostgresUser, ILogger logger, CancellationToken ct)
    {
        if (Directory.EnumerateFileSystemEntries(dataDir).Any())
        {
            throw new InvalidOperationException(
                $"The folder '{dataDir}' is not empty but holds no PostgreSQL cluster (PG_VERSION is missing). " +
                "Delete it (or empty it) to let a new cluster be created there, or choose another folder.");
        }

        logger.LogInformation("Creating a PostgreSQL cluster in {DataDirectory}", dataDir);
        var init = await RunPgAsync(bin, "initdb", asPostgresUser,
            ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C"], ct).ConfigureAwait(false);
        if (init.ExitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed for '{dataDir}'." + Describe(init));
        }
    }

    private static void EnsureConfig(string dataDir)
    {
        var conf = Path.Combine(dataDir, "postgresql.conf");
        var text = File.Exists(conf) ? File.ReadAllText(conf) : "";
        if (text.Contains(ConfigMarker, StringComparison.Ordinal))
        {
            return;
        }

        // Appended settings win over earlier ones. The port is given on the command line at each start.
        const string settings = """

            # Tuned for a small local development/test server. fsync stays on.
            listen_addresses = '127.0.0.1'
            unix_socket_directories = ''
            max_connections = 200
            shared_buffers = 128MB
            max_locks_per_transaction = 256
            timezone = 'UTC'
            log_timezone = 'UTC'
            logging_collector = off
            log_min_messages = warning
            log_line_prefix = '%m [%p] '
            """;
        File.AppendAllText(conf, "\n" + ConfigMarker + settings.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
    }

    private static void RotateLogIfLarge(string dataDir)
    {
        var log = new FileInfo(Path.Combine(dataDir, LogFileName));
        if (log.Exists && log.Length > MaxLogBytes)
        {
            try
            {
                File.Move(log.FullName, log.FullName + ".old", overwrite: true);
            }
            catch (IOException)
            {
                // A running server may still write to it; keep it.
            }
        }
    }

    // ---------------------------------------------------------------- running server detection

    /// <summary>Returns the port of a healthy server running from dataDir, or null when none runs (stale locks cleared).</summary>
    private static async Task<int?> DetectRunningServerAsync(string dataDir, ILogger logger, CancellationToken ct)
    {
        var pidFile = Path.Combine(dataDir, "postmaster.pid");
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (!File.Exists(pidFile))
            {
                return null;
            }

            var (pid, port) = ReadPidFile(pidFile);
            if (pid is null)
            {
                // Being written right now, or garbage.
                if (DateTime.UtcNow > deadline)
                {
                    logger.LogInformation("Removing an unreadable postmaster.pid from {DataDirectory}", dataDir);
                    await ClearStaleLockAsync(dataDir, pidFile, logger, ct).ConfigureAwait(false);
                    return null;
                }

                await Task.Delay(250, ct).ConfigureAwait(false);
                continue;
            }

            var state = GetProcessState(pid.Value);
            if (state == ProcessState.AlivePostgres && WorkingFolder(pid.Value) is { } cwd
                && !string.Equals(cwd, RealPath(dataDir), StringComparison.Ordinal))
            {
                // The PID was reused by a postgres process of another cluster.
                state = ProcessState.AliveOther;
            }

            if (state != ProcessState.AlivePostgres)
            {
                logger.LogInformation(
                    "Recovering a stale PostgreSQL lock in {DataDirectory}: postmaster PID {Pid} is {State}",
                    dataDir, pid.Value, state == ProcessState.Dead ? "gone" : "not a live postgres process");
                await ClearStaleLockAsync(dataDir, pidFile, logger, ct).ConfigureAwait(false);
                return null;
            }

            if (port is not null && await CanConnectAsync(port.Value, ct).ConfigureAwait(false))
            {
                return port;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"A PostgreSQL server (PID {pid}) is running from '{dataDir}' but does not accept connections on " +
                    $"127.0.0.1:{port?.ToString(CultureInfo.InvariantCulture) ?? "?"}. Stop it " +
                    $"(pg_ctl stop -D '{dataDir}', as the '{OsUser}' user when root) and try again." + LogTail(dataDir));
            }

            // Starting up or shutting down: wait and look again.
            await Task.Delay(250, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The postmaster is gone. Its children notice and exit on their own; wait for them, then remove postmaster.pid
    /// (PostgreSQL would refuse it if the PID had been reused, e.g. by a zombie or another process).
    /// </summary>
    private static async Task ClearStaleLockAsync(string dataDir, string pidFile, ILogger logger, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var leftovers = ProcessesWorkingIn(dataDir);
            if (leftovers.Count == 0)
            {
                break;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"The postmaster of '{dataDir}' is gone but processes still work in that folder (PIDs " +
                    $"{string.Join(", ", leftovers)}). Stop them and try again.");
            }

            await Task.Delay(250, ct).ConfigureAwait(false);
        }

        TryDelete(pidFile);
        logger.LogInformation("Removed the stale postmaster.pid from {DataDirectory}", dataDir);
    }

    private static (int? Pid, int? Port) ReadPidFile(string pidFile)
    {
        string[] lines;
        try
        {
            using var stream = new FileStream(pidFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            lines = reader.ReadToEnd().Split('\n');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, null);
        }

        int? pid = lines.Length > 0 && int.TryParse(lines[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0
            ? p
            : null;
        int? port = lines.Length > 3 && int.TryParse(lines[3].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q > 0
            ? q
            : null;
        return (pid, port);
    }

    private enum ProcessState
    {
        Dead,
        AliveOther,
        AlivePostgres,
    }

    private static ProcessState GetProcessState(int pid)
    {
        var stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        if (Directory.Exists("/proc/self"))
        {
            try
            {
                // "pid (comm) S ..." — comm may hold spaces/parentheses, so split at the last ')'.
                var text = File.ReadAllText(stat);
                var open = text.IndexOf('(', StringComparison.Ordinal);
                var close = text.LastIndexOf(')');
                if (open < 0 || close < open)
                {
                    return ProcessState.Dead;
                }

                var comm = text[(open + 1)..close];
                var rest = text[(close + 1)..].TrimStart();
                var status = rest.Length > 0 ? rest[0] : '?';
                if (status is 'Z' or 'X')
                {
                    return ProcessState.Dead;
                }

                return comm.StartsWith("postgres", StringComparison.Ordinal) ? ProcessState.AlivePostgres : ProcessState.AliveOther;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return ProcessState.Dead;
            }
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? ProcessState.Dead
                : process.ProcessName.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) ? ProcessState.AlivePostgres
                : ProcessState.AliveOther;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or Win32Exception)
        {
            return ProcessState.Dead;
        }
    }

    /// <summary>PIDs of live processes whose working folder is dataDir (PostgreSQL processes chdir into it). Linux only.</summary>
    private static List<int> ProcessesWorkingIn(string dataDir)
    {
        var result = new List<int>();
        if (!Directory.Exists("/proc/self"))
        {
            return result;
        }

        var self = Environment.ProcessId;
        var real = RealPath(dataDir);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid != self
                && string.Equals(WorkingFolder(pid), real, StringComparison.Ordinal) && GetProcessState(pid) != ProcessState.Dead)
            {
                result.Add(pid);
            }
        }

        return result;
    }

    /// <summary>The working folder of a process (Linux /proc), or null when unknown or not ours to look at.</summary>
    private static string? WorkingFolder(int pid)
    {
        try
        {
            var target = new FileInfo($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cwd").LinkTarget;
            return target is null ? null : Path.TrimEndingDirectorySeparator(target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The path with every symbolic link resolved, as the kernel reports working folders.</summary>
    private static string RealPath(string path, int depth = 0)
    {
        if (OperatingSystem.IsWindows() || depth > 16)
        {
            return path;
        }

        var current = "/";
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            try
            {
                var link = new FileInfo(next).LinkTarget;
                current = link is null ? next : RealPath(Path.GetFullPath(link, current), depth + 1);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                current = next;
            }
        }

        return Path.TrimEndingDirectorySeparator(current);
    }

    // ---------------------------------------------------------------- ownership (who stops an adopted server)

    private static void WriteOwnerFile(string dataDir)
    {
        using var self = Process.GetCurrentProcess();
        var content = string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessId}\n{self.StartTime.ToUniversalTime().Ticks}\n");
        TryWrite(Path.Combine(dataDir, OwnerFileName), content);
    }

    /// <summary>When the process that started the running server is gone, this process becomes its owner.</summary>
    private static bool TakeOwnershipIfOrphaned(string dataDir)
    {
        var file = Path.Combine(dataDir, OwnerFileName);
        if (!File.Exists(file))
        {
            // Started by someone else (not by LocalPostgres): not ours to stop.
            return false;
        }

        try
        {
            var lines = File.ReadAllLines(file);
            if (lines.Length >= 2
                && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                try
                {
                    using var owner = Process.GetProcessById(pid);
                    // Start times are derived from the boot time, which may differ by a few ms between readers.
                    if (!owner.HasExited && Math.Abs(owner.StartTime.ToUniversalTime().Ticks - ticks) < TimeSpan.TicksPerSecond * 2)
                    {
                        return false;
                    }
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or Win32Exception)
                {
                    // Owner is gone.
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        WriteOwnerFile(dataDir);
        return true;
    }

    // ---------------------------------------------------------------- ports and connections

    private static int ChoosePort(string dataDir, int? forget)
    {
        var file = Path.Combine(dataDir, PortFileName);
        try
        {
            if (File.Exists(file)
                && int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var remembered)
                && remembered is > 0 and < 65536 && remembered != forget && IsPortFree(remembered))
            {
                return remembered;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Fall through to a fresh port.
        }

        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static bool IsPortFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void WritePortFile(string dataDir, int port) =>
        TryWrite(Path.Combine(dataDir, PortFileName), port.ToString(CultureInfo.InvariantCulture) + "\n");

    private static string BuildConnectionString(int port, string database, bool pooling)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = database,
            Pooling = pooling,
            Timeout = 15,
            IncludeErrorDetail = true,
        };
        if (pooling)
        {
            builder.MaxPoolSize = 30;
        }

        return builder.ConnectionString;
    }

    private static async Task<bool> CanConnectAsync(int port, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(BuildConnectionString(port, "postgres", pooling: false)) { Timeout = 5 };
        try
        {
            await using var conn = new NpgsqlConnection(builder.ConnectionString);
            await conn.OpenAsync(ct).ConfigureAwait(false);
            await using var cmd = new NpgsqlCommand("SELECT 1", conn);
            await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    private static async Task WaitUntilAcceptingAsync(int port, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await CanConnectAsync(port, ct).ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no connection accepted within {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(200, ct).ConfigureAwait(false);
        }
    }

    // ---------------------------------------------------------------- processes

    private readonly record struct ProcessResult(string Command, int ExitCode, string StdOut, string StdErr);

    private static Task<ProcessResult> RunPgAsync(string bin, string tool, bool asPostgresUser, IReadOnlyList<string> args,
        CancellationToken ct)
    {
        var exe = Path.Combine(bin, tool);
        return asPostgresUser
            ? RunToolAsync("runuser", ["-u", OsUser, "--", exe, .. args], ct)
            : RunToolAsync(exe, args, ct);
    }

    private static async Task<ProcessResult> RunToolAsync(string fileName, IReadOnlyList<string> args, CancellationToken ct)
    {
        try
        {
            return await RunProcessCoreAsync(fileName, args, ProcessTimeout, ct).ConfigureAwait(false);
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not run '{fileName}': {ex.Message}", ex);
        }
    }

    private static async Task<ProcessResult> RunProcessCoreAsync(string fileName, IReadOnlyList<string> args, TimeSpan timeout,
        CancellationToken ct)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            // The postgres OS user may not be able to enter the current folder (e.g. /root).
            WorkingDirectory = "/",
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["LC_ALL"] = "C";
        psi.Environment.Remove("PGDATA");
        psi.Environment.Remove("PGPORT");

        var command = fileName + " " + string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
        using var process = new Process { StartInfo = psi };
        process.Start();
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutCts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutCts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            ct.ThrowIfCancellationRequested();
            throw new InvalidOperationException($"'{command}' did not finish within {timeout.TotalSeconds:0} s.");
        }

        return new ProcessResult(command, process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    private static string Describe(ProcessResult r)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}Command: {r.Command} (exit code {r.ExitCode})");
        if (!string.IsNullOrWhiteSpace(r.StdOut))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}stdout:{Environment.NewLine}{r.StdOut.TrimEnd()}");
        }

        if (!string.IsNullOrWhiteSpace(r.StdErr))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}stderr:{Environment.NewLine}{r.StdErr.TrimEnd()}");
        }

        return sb.ToString();
    }

    private static string LogTail(string dataDir, int lines = 30)
    {
        var path = Path.Combine(dataDir, LogFileName);
        try
        {
            if (!File.Exists(path))
            {
                return "";
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > 64 * 1024)
            {
                stream.Seek(-64 * 1024, SeekOrigin.End);
            }

            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var tail = string.Join(Environment.NewLine, all.TakeLast(lines));
            return $"{Environment.NewLine}Last lines of {path}:{Environment.NewLine}{tail}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    // ---------------------------------------------------------------- helpers

    private static bool HasPgCtl(string dir) => File.Exists(Path.Combine(dir, "pg_ctl"));

    private static Version? ParseVersion(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            return new Version(major, 0);
        }

        return Version.TryParse(name, out var v) ? v : null;
    }

    private static void TryWrite(string path, string content)
    {
        try
        {
            File.WriteAllText(path, content);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: only a hint for the next start.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort.
        }
    }
}
