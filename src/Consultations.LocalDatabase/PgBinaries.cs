using CliWrap;
using CliWrap.Buffered;
using Microsoft.Extensions.Logging;

namespace Consultations.LocalDatabase;

/// <summary>
/// The PostgreSQL server binaries, run through CliWrap. initdb and postgres refuse to run as root, so a root process
/// runs them as the <c>postgres</c> OS user, in a data folder that user owns.
/// </summary>
internal sealed class PgBinaries(string folder)
{
    private const string OsUser = "postgres";
    private const string Advice = " Install the PostgreSQL server (e.g. `apt-get install -y postgresql`), set CONSULTATIONS_PG_BIN "
                                  + "to the folder holding its binaries, or set ConnectionStrings:Marten to use an existing server.";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private static bool AsOsUser => Environment.IsPrivilegedProcess;

    /// <summary>Env <c>CONSULTATIONS_PG_BIN</c>, else the newest <c>/usr/lib/postgresql/N/bin</c>, else the PATH's pg_ctl.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CONSULTATIONS_PG_BIN") is { Length: > 0 } configured)
            return Path.GetFullPath(configured.Trim());
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql").Where(d => int.TryParse(Path.GetFileName(d), out _))
                .OrderByDescending(d => int.Parse(Path.GetFileName(d))).Select(d => Path.Combine(d, "bin"))
            : [];
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return debian.Concat(path).FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")));
    }

    public static PgBinaries Require()
    {
        var folder = Find() ?? throw new InvalidOperationException("PostgreSQL server binaries were not found in env CONSULTATIONS_PG_BIN, "
                                                                   + "/usr/lib/postgresql/*/bin or on the PATH." + Advice);
        var missing = new[] { "initdb", "pg_ctl", "postgres", "pg_isready" }.FirstOrDefault(t => !File.Exists(Path.Combine(folder, t)));
        return missing is null
            ? new PgBinaries(folder)
            : throw new InvalidOperationException($"The PostgreSQL binaries folder '{folder}' has no '{missing}'." + Advice);
    }

    public Task<ToolResult> RunAsync(string tool, IReadOnlyList<string> args, CancellationToken ct = default) =>
        AsOsUser
            ? RunToolAsync("runuser", ["-u", OsUser, "--", Path.Combine(folder, tool), .. args], ct)
            : RunToolAsync(Path.Combine(folder, tool), args, ct);

    /// <summary>
    /// Runs a tool with <paramref name="secret"/> on its standard input, for <c>--pwfile=/dev/stdin</c>. A shell of the tool's
    /// own user pipes it through <c>cat</c>: the tool can reopen a pipe its user made, not the one root made.
    /// </summary>
    public Task<ToolResult> RunWithSecretAsync(string tool, IReadOnlyList<string> args, string secret, CancellationToken ct = default)
    {
        string[] piped = ["/bin/sh", "-c", "cat | \"$0\" \"$@\"", Path.Combine(folder, tool), .. args];
        return AsOsUser
            ? RunToolAsync("runuser", ["-u", OsUser, "--", .. piped], ct, secret)
            : RunToolAsync(piped[0], piped[1..], ct, secret);
    }

    public async Task<bool> IsRunningAsync(string data, CancellationToken ct = default) =>
        (await RunAsync("pg_ctl", ["status", "-D", data], ct).ConfigureAwait(false)).ExitCode == 0;

    public async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken ct = default) =>
        (await RunAsync("pg_isready", ["-q", "-t", "5", "-h", "127.0.0.1", "-p", $"{port}"], ct).ConfigureAwait(false)).ExitCode == 0;

    private static async Task<ToolResult> RunToolAsync(string file, IReadOnlyList<string> args, CancellationToken ct, string? standardInput = null)
    {
        var command = Cli.Wrap(file).WithArguments(args)
            .WithStandardInputPipe(standardInput is null ? PipeSource.Null : PipeSource.FromString(standardInput))
            .WithWorkingDirectory("/") // the postgres OS user may not be allowed into the current folder (e.g. /root)
            .WithEnvironmentVariables(env => env.Set("LC_ALL", "C").Set("PGDATA", null).Set("PGPORT", null))
            .WithValidation(CommandResultValidation.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            var result = await command.ExecuteBufferedAsync(timeout.Token).ConfigureAwait(false);
            return new ToolResult(command.ToString(), result.ExitCode, result.StandardOutput + result.StandardError);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new InvalidOperationException($"'{command}' did not finish within {Timeout.TotalMinutes:0} minutes.");
        }
    }

    /// <summary>
    /// Creates the data folder and, as root, gives it to the postgres OS user. When that
    /// user cannot reach it (a clone under /root, a private temp folder), moves to <paramref name="fallback"/> if given.
    /// </summary>
    public static async Task<string> PrepareFolderAsync(string data, string? fallback, ILogger logger, CancellationToken ct)
    {
        try
        {
            Directory.CreateDirectory(data); // initdb narrows it to 0700
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The PostgreSQL data folder '{data}' cannot be created: {e.Message} Choose another folder "
                                                + "(Consultations:DataFolder or env CONSULTATIONS_DATA), or set ConnectionStrings:Marten.", e);
        }

        if (!AsOsUser) return data;
        var chown = await RunToolAsync("chown", ["-R", OsUser + ":", data], ct).ConfigureAwait(false);
        if (chown.ExitCode != 0)
            throw new InvalidOperationException($"As root, PostgreSQL runs as the '{OsUser}' OS user, but '{data}' could not be given "
                                                + "to it (the PostgreSQL server package creates that user)." + chown);
        var reach = await RunToolAsync("runuser", ["-u", OsUser, "--", "test", "-w", data, "-a", "-x", data], ct).ConfigureAwait(false);
        if (reach.ExitCode == 0) return data;
        if (fallback is null)
            throw new InvalidOperationException($"The PostgreSQL data folder '{data}' is not usable by the '{OsUser}' OS user, which "
                                                + "must traverse every parent folder and write this one. Choose a folder outside private "
                                                + "homes such as /root (env CONSULTATIONS_DATA), open up the parent folders (chmod o+x), "
                                                + "or set ConnectionStrings:Marten." + reach);
        logger.LogWarning("The postgres OS user cannot use {Folder}; keeping the local database in {Fallback} instead", data, fallback);
        Directory.CreateDirectory(Path.GetDirectoryName(fallback)!);
        return await PrepareFolderAsync(fallback, null, logger, ct).ConfigureAwait(false);
    }
}

internal readonly record struct ToolResult(string Command, int ExitCode, string Output)
{
    public override string ToString() =>
        $"{Environment.NewLine}Command: {Command} (exit code {ExitCode})"
        + (string.IsNullOrWhiteSpace(Output) ? "" : Environment.NewLine + Output.TrimEnd());
}
