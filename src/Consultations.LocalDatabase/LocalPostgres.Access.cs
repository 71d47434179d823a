using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Consultations.LocalDatabase;

/// <summary>Who may use the private cluster: its password (SCRAM only), and the locks that say who uses and who owns the server.</summary>
public sealed partial class LocalPostgres
{
    /// <summary>
    /// A cluster made before passwords were required (trust for every local account) is upgraded in place: the superuser
    /// gets the secret as its password, every trust line of pg_hba.conf becomes scram-sha-256, and the server reloads.
    /// </summary>
    private async Task RequirePasswordsAsync(CancellationToken ct)
    {
        var hba = Path.Combine(DataDirectory, "pg_hba.conf");
        var lines = ReadLines(hba);
        if (!lines.Any(l => TrustLine().IsMatch(l))) return;
        await using (var conn = new NpgsqlConnection(BuildConnectionString(Port, "postgres", pooling: false)))
        {
            await conn.OpenAsync(ct).ConfigureAwait(false);
            // The secret is base64url: nothing in it needs quoting.
            await using var alter = new NpgsqlCommand($"ALTER ROLE postgres PASSWORD '{_secret}'", conn);
            await alter.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await File.WriteAllLinesAsync(hba, lines.Select(l => TrustLine().Replace(l, "${rule}scram-sha-256")), ct).ConfigureAwait(false);
        var reload = await _pg.RunAsync("pg_ctl", ["reload", "-D", DataDirectory], ct).ConfigureAwait(false);
        if (reload.ExitCode != 0) throw new InvalidOperationException($"Could not reload PostgreSQL in '{DataDirectory}'." + reload);
        _logger.LogInformation("PostgreSQL in {DataDirectory} now asks every account for a password (SCRAM)", DataDirectory);
    }

    [GeneratedRegex(@"^(?<rule>\s*(local|host)\b.*\s)trust\s*$")]
    private static partial Regex TrustLine();

    /// <summary>
    /// The process that started or adopted the server holds an OS lock on the owner file for as long as it lives (the OS
    /// drops it however the process ends): a run adopting the server of a killed run owns it and stops it; a run adopting
    /// the server of a live one (a CLI command beside the service) gets null and leaves it running.
    /// </summary>
    private static FileStream? TryOwn(string data) => TryLock(Path.Combine(data, OwnerFileName), FileShare.None);

    // FileShare.None takes an exclusive flock, any other share a shared one (read-only access, so that it is always taken).
    private static FileStream? TryLock(string file, FileShare share)
    {
        try
        {
            return share == FileShare.None
                ? new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)
                : new FileStream(file, FileMode.Open, FileAccess.Read, share);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Marks this process as a user of the server; waits while another process is stopping it.</summary>
    private static async Task<FileStream> UseAsync(string data, CancellationToken ct)
    {
        var file = Path.Combine(data, UsersFileName);
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            if (!File.Exists(file)) TryLock(file, FileShare.None)?.Dispose();
            if (TryLock(file, FileShare.ReadWrite) is { } use) return use;
            if (DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"Another process has been stopping the PostgreSQL server in '{data}' for over a minute; try again.");
            await Task.Delay(250, ct).ConfigureAwait(false);
        }
    }
}
