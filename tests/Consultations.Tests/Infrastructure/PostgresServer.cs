using System.Globalization;
using Consultations.LocalDatabase;

namespace Consultations.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server per test process. Env <c>CONSULTATIONS_TEST_CONNECTION</c> is used as-is when set; otherwise a
/// private cluster is started lazily in a fresh folder under the temp folder, then stopped and deleted at process exit.
/// Tests isolate themselves by schema, so they share the one database <c>consultations_tests</c>.
/// </summary>
public static class PostgresServer
{
    private const string FolderPrefix = "consultations-tests-";
    private const string OwnerFile = "owner.pid";
    private const string DatabaseName = "consultations_tests";

    private static readonly Lazy<Task<string>> Connection = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<string> ConnectionStringAsync() => Connection.Value;

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("CONSULTATIONS_TEST_CONNECTION");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        await SweepOrphansAsync().ConfigureAwait(false);

        var root = await NewClusterFolderAsync().ConfigureAwait(false);
        LocalPostgres server;
        try
        {
            server = await LocalPostgres.StartAsync(Path.Combine(root, "pg")).ConfigureAwait(false);
        }
        catch
        {
            TryDeleteFolder(root);
            throw;
        }

        await WithoutDurabilityAsync(server.ConnectionString).ConfigureAwait(false);

        // vstest kills the test host ~100 ms after the run, often before ProcessExit handlers finish: a detached
        // watchdog finishes the job once this process is gone. SweepOrphansAsync is the last resort.
        StartWatchdog(root, server.DataDirectory);

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                server.StopAsync().GetAwaiter().GetResult();
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine($"Could not stop the test PostgreSQL server in {root}: {ex.Message}");
                return;
            }

            TryDeleteFolder(root);
        };

        return await server.EnsureDatabaseAsync(DatabaseName).ConfigureAwait(false);
    }

    /// <summary>
    /// The test cluster is thrown away at the end of the run, so it need not survive a crash of the machine: no fsync and
    /// no full-page images. A crash of PostgreSQL itself still loses nothing committed (the WAL reaches the kernel at each
    /// commit), which the tests that kill servers rely on; those start clusters of their own with the service's settings.
    /// Each test resets its store, so a run commits tens of thousands of times; each fsync cost 2–3 ms on the CI machine.
    /// </summary>
    private static async Task WithoutDurabilityAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        foreach (var sql in new[] { "ALTER SYSTEM SET fsync = off", "ALTER SYSTEM SET full_page_writes = off", "SELECT pg_reload_conf()" })
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A fresh folder for a cluster, owned by this process: a run killed half-way leaves it to the next run's sweep.
    /// The cluster goes in its <c>pg</c> subfolder.
    /// </summary>
    public static async Task<string> NewClusterFolderAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        if (!OperatingSystem.IsWindows())
        {
            // When the tests run as root, PostgreSQL runs as the postgres OS user, which must traverse this folder.
            File.SetUnixFileMode(root,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
                UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        await File.WriteAllTextAsync(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
            .ConfigureAwait(false);
        return root;
    }

    private static void StartWatchdog(string root, string dataDirectory)
    {
        var bin = LocalPostgres.FindBinaries();
        if (OperatingSystem.IsWindows() || bin is null || !File.Exists("/bin/sh"))
        {
            return;
        }

        const string script = """
            exec </dev/null >/dev/null 2>&1
            pid="$1"; root="$2"; data="$3"; pgctl="$4"
            alive() { [ -r "/proc/$pid/stat" ] && [ "$(sed 's/.*) //' "/proc/$pid/stat" | cut -c1)" != Z ]; }
            while alive; do sleep 1; done
            if [ -f "$data/postmaster.pid" ]; then
              if [ "$(id -u)" = 0 ]; then
                runuser -u postgres -- "$pgctl" stop -D "$data" -m fast -w -t 60
              else
                "$pgctl" stop -D "$data" -m fast -w -t 60
              fi
            fi
            rm -rf "$root"
            """;
        var psi = new System.Diagnostics.ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        string[] args =
        [
            "-c", script, "pg-watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            root, dataDirectory, Path.Combine(bin, "pg_ctl"),
        ];
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        try
        {
            using var watchdog = System.Diagnostics.Process.Start(psi);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Console.Error.WriteLine($"Could not start the test PostgreSQL watchdog: {ex.Message}");
        }
    }

    /// <summary>Stops and deletes the servers of earlier test processes that were killed before they could clean up.</summary>
    private static async Task SweepOrphansAsync()
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*").ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var folder in candidates)
        {
            try
            {
                var ownerPath = Path.Combine(folder, OwnerFile);
                if (!File.Exists(ownerPath)
                    || !int.TryParse((await File.ReadAllTextAsync(ownerPath).ConfigureAwait(false)).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                    || IsAlive(pid))
                {
                    continue;
                }

                var data = Path.Combine(folder, "pg");
                if (File.Exists(Path.Combine(data, "postmaster.pid")))
                {
                    // Adopting a server whose owner is gone makes us its owner, so StopAsync stops it.
                    var orphan = await LocalPostgres.StartAsync(data).ConfigureAwait(false);
                    await orphan.StopAsync().ConfigureAwait(false);
                }

                TryDeleteFolder(folder);
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine($"Could not clean up the old test PostgreSQL folder {folder}: {ex.Message}");
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not delete {folder}: {ex.Message}");
        }
    }
}
