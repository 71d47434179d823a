using System.Diagnostics;
using System.Globalization;
using Consultations.LocalDatabase;
using Npgsql;

namespace Consultations.Tests.Processes;

/// <summary>
/// The private cluster (issue 13 §5): no local account gets in without the generated password, and an instance never
/// stops a server another instance still uses. A cluster of its own, in a folder the shared test server's sweep knows.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class LocalDatabaseTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "consultations-tests-" + Guid.NewGuid().ToString("N"));
    private readonly List<LocalPostgres> _started = [];

    private string Data => Path.Combine(_root, "pg");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        await File.WriteAllTextAsync(Path.Combine(_root, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<LocalPostgres> StartAsync()
    {
        var server = await LocalPostgres.StartAsync(Data);
        _started.Add(server);
        return server;
    }

    private static async Task<bool> AnswersAsync(string connectionString)
    {
        try
        {
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 }.ConnectionString);
            await conn.OpenAsync();
            await using var command = new NpgsqlCommand("select 1", conn);
            return (int)(await command.ExecuteScalarAsync())! == 1;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    [Fact]
    public async Task An_instance_stops_the_server_only_when_no_other_instance_uses_it()
    {
        var first = await StartAsync();
        var second = await StartAsync();
        Assert.True(first.StartedByUs);
        Assert.False(second.StartedByUs);

        await first.StopAsync();
        Assert.True(await AnswersAsync(second.ConnectionString), "The first instance stopped the server the second one uses.");

        // The starter has gone: the last user stops the server at its end.
        await second.StopAsync();
        Assert.False(await AnswersAsync(second.ConnectionString));

        var third = await StartAsync();
        Assert.True(await AnswersAsync(third.ConnectionString));
    }

    [Fact]
    public async Task No_local_account_gets_in_without_the_generated_password()
    {
        var server = await StartAsync();
        Assert.True(await AnswersAsync(server.ConnectionString));

        var withoutPassword = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Password = null, Passfile = "/dev/null" }.ConnectionString;
        Assert.False(await AnswersAsync(withoutPassword));
        var wrongPassword = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Password = "postgres" }.ConnectionString;
        Assert.False(await AnswersAsync(wrongPassword));

        var secret = Data + ".secret";
        Assert.True(File.Exists(secret));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secret));

        // What the issue tried: another local account with psql, no password. Listening on loopback only, no socket.
        var psql = Path.Combine(LocalPostgres.FindBinaries()!, "psql");
        if (Environment.IsPrivilegedProcess && File.Exists(psql))
        {
            var psi = new ProcessStartInfo("runuser") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
            foreach (var arg in new[] { "-u", "nobody", "--", psql, "-h", "127.0.0.1", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-w", "-c", "select 1" })
                psi.ArgumentList.Add(arg);
            using var process = Process.Start(psi)!;
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode != 0, "psql as nobody got in: " + error);
        }

        var settings = await File.ReadAllTextAsync(Path.Combine(Data, "postmaster.opts"));
        Assert.Contains("listen_addresses=127.0.0.1", settings);
        Assert.Contains("unix_socket_directories=", settings);
    }

    [Fact]
    public async Task A_cluster_made_when_every_local_account_was_trusted_is_made_to_ask_for_the_password()
    {
        Directory.CreateDirectory(Data);
        var initdb = Path.Combine(LocalPostgres.FindBinaries()!, "initdb");
        if (Environment.IsPrivilegedProcess) await RunAsync("chown", "postgres:", Data);
        string[] init = [initdb, "-D", Data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C"];
        if (Environment.IsPrivilegedProcess) await RunAsync("runuser", ["-u", "postgres", "--", .. init]);
        else await RunAsync(init[0], init[1..]);

        var server = await StartAsync();

        Assert.True(await AnswersAsync(server.ConnectionString));
        Assert.False(await AnswersAsync(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Password = null, Passfile = "/dev/null" }.ConnectionString));
        Assert.DoesNotContain(File.ReadAllLines(Path.Combine(Data, "pg_hba.conf")), l => !l.TrimStart().StartsWith('#') && l.TrimEnd().EndsWith("trust", StringComparison.Ordinal));
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)}: {output}");
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _started) await server.StopAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The shared test server's sweep removes it later.
        }
    }
}
