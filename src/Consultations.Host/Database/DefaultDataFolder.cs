using System.Security.Cryptography;
using System.Text;

namespace Consultations.Host.Database;

/// <summary>Where the service keeps its private PostgreSQL cluster when no connection string is configured.</summary>
public static class DefaultDataFolder
{
    private const string SolutionFile = "Consultations.sln";

    /// <summary>
    /// <c>&lt;repo root&gt;/.data/postgres</c>, the repo root being the first ancestor of <paramref name="contentRoot"/>
    /// holding Consultations.sln (fallback: <c>&lt;contentRoot&gt;/.data/postgres</c>). Env <c>CONSULTATIONS_DATA</c>
    /// replaces the <c>.data</c> folder.
    /// </summary>
    public static string Resolve(string contentRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);

        var fromEnv = Environment.GetEnvironmentVariable("CONSULTATIONS_DATA");
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return Path.Combine(Path.GetFullPath(fromEnv.Trim()), "postgres");
        }

        var root = Path.GetFullPath(contentRoot);
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return Path.Combine(dir.FullName, ".data", "postgres");
            }
        }

        return Path.Combine(root, ".data", "postgres");
    }

    /// <summary>
    /// <c>/var/tmp/consultations-&lt;hash of folder&gt;/postgres</c>: a folder of its own for the project's cluster, for when
    /// the postgres OS user (PostgreSQL's, as root) cannot reach <paramref name="folder"/>.
    /// </summary>
    public static string FallbackFor(string folder)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(folder)))[..12].ToLowerInvariant();
        return Path.Combine("/var/tmp", $"consultations-{hash}", "postgres");
    }
}
