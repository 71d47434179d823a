using Consultations.Host.Database;

namespace Consultations.Host.Infrastructure;

/// <summary>
/// The database the service and every CLI command use: the configured <c>ConnectionStrings:Marten</c>, or else a
/// private PostgreSQL cluster in the project's data folder, started on demand and stopped when the process that
/// started it (or the service itself) ends.
/// </summary>
public sealed class ServiceDatabase : IAsyncDisposable
{
    // Commands that never touch the database need not start one.
    private static readonly HashSet<string> Offline = ["help", "?", "codegen", "openapi", "describe", "check-env", "version", "token"];

    private readonly LocalPostgres? _local;
    private readonly bool _stopOnExit;

    private ServiceDatabase(string connectionString, LocalPostgres? local, bool stopOnExit)
    {
        ConnectionString = connectionString;
        _local = local;
        _stopOnExit = stopOnExit;
    }

    public string ConnectionString { get; }

    public bool IsLocal => _local is not null;

    public static async Task<ServiceDatabase> ResolveAsync(IConfiguration configuration, string contentRoot, string[] args)
    {
        var configured = configuration.GetConnectionString("Marten");
        if (!string.IsNullOrWhiteSpace(configured)) return new ServiceDatabase(configured, null, false);

        var command = args.FirstOrDefault(a => !a.StartsWith('-'))?.ToLowerInvariant();
        var isService = command is null or "run";
        if (command is not null && Offline.Contains(command))
            return new ServiceDatabase("Host=127.0.0.1;Port=5432;Username=postgres;Database=consultations", null, false);

        if (LocalPostgres.FindBinaries() is null)
        {
            await Console.Error.WriteLineAsync(
                "Consultations needs PostgreSQL. Either set a connection string (environment variable ConnectionStrings__Marten, " +
                "e.g. \"Host=localhost;Username=postgres;Password=...;Database=consultations\"), or install the PostgreSQL server " +
                "(Debian/Ubuntu: apt-get install postgresql) so that a private local database can be started in the project's .data folder.");
            Environment.Exit(2);
        }

        var chosen = configuration["Consultations:DataFolder"] is { Length: > 0 } dataFolder
            ? Path.Combine(Path.GetFullPath(dataFolder), "postgres")
            : null;
        var folder = chosen ?? DefaultDataFolder.Resolve(contentRoot);
        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
        var logger = loggerFactory.CreateLogger("LocalPostgres");
        LocalPostgres local;
        try
        {
            local = await LocalPostgres.StartAsync(folder, logger);
        }
        catch (InvalidOperationException e) when (chosen is null && Environment.GetEnvironmentVariable("CONSULTATIONS_DATA") is null
                                                  && e.Message.Contains("is not usable by the", StringComparison.Ordinal))
        {
            // As root in a private folder (a clone under /root or a 0700 temp folder) the postgres OS user cannot reach
            // the project's .data; keep the cluster in a folder of its own named after the project instead.
            var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(folder)))[..12].ToLowerInvariant();
            var fallback = Path.Combine("/var/tmp", $"consultations-{hash}", "postgres");
            Directory.CreateDirectory(Path.GetDirectoryName(fallback)!);
            logger.LogWarning("The postgres OS user cannot use {Folder}; keeping the local database in {Fallback} instead.", folder, fallback);
            local = await LocalPostgres.StartAsync(fallback, logger);
        }

        var connectionString = await local.EnsureDatabaseAsync("consultations");
        return new ServiceDatabase(connectionString, local, stopOnExit: isService || local.StartedByUs);
    }

    public async ValueTask DisposeAsync()
    {
        if (_local is not null && _stopOnExit) await _local.StopAsync();
    }
}
