using Consultations.Host.Database;
using Consultations.LocalDatabase;

namespace Consultations.Host.Infrastructure;

/// <summary>
/// The database the service and every CLI command use: the configured <c>ConnectionStrings:Marten</c>, or else a
/// private PostgreSQL cluster in the project's data folder (the development-time launcher of
/// Consultations.LocalDatabase), started on demand and stopped when the process that started it (or the service) ends.
/// </summary>
public sealed class ServiceDatabase : IAsyncDisposable
{
    // Commands that never touch the database need not start one.
    private static readonly HashSet<string> Offline = ["help", "?", "codegen", "openapi", "describe", "check-env", "version", "token"];

    private readonly LocalPostgres? _stopOnExit;

    private ServiceDatabase(string connectionString, LocalPostgres? stopOnExit = null)
    {
        ConnectionString = connectionString;
        _stopOnExit = stopOnExit;
    }

    public string ConnectionString { get; }

    public static async Task<ServiceDatabase> ResolveAsync(IConfiguration configuration, string contentRoot, string[] args)
    {
        var configured = configuration.GetConnectionString("Marten");
        if (!string.IsNullOrWhiteSpace(configured)) return new ServiceDatabase(configured);

        var command = args.FirstOrDefault(a => !a.StartsWith('-'))?.ToLowerInvariant();
        if (command is not null && Offline.Contains(command))
            return new ServiceDatabase("Host=127.0.0.1;Port=5432;Username=postgres;Database=consultations");
        return await StartLocalAsync(configuration, contentRoot, isService: command is null or "run");
    }

    /// <summary>The development-time path: a deployment with a connection string never gets here.</summary>
    private static async Task<ServiceDatabase> StartLocalAsync(IConfiguration configuration, string contentRoot, bool isService)
    {
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
        // As root, the postgres OS user may be unable to reach the project's own .data (a clone under /root).
        var fallback = chosen is null && Environment.GetEnvironmentVariable("CONSULTATIONS_DATA") is null
            ? DefaultDataFolder.FallbackFor(folder)
            : null;
        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
        var local = await LocalPostgres.StartAsync(folder, loggerFactory.CreateLogger("LocalPostgres"), fallback);
        var connectionString = await local.EnsureDatabaseAsync("consultations");
        // A CLI command beside a running service leaves the database it found running.
        return new ServiceDatabase(connectionString, isService || local.StartedByUs ? local : null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopOnExit is not null) await _stopOnExit.StopAsync();
    }
}
