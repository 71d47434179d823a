using System.Security.Cryptography;

namespace Consultations.LocalDatabase;

/// <summary>
/// The superuser's password of a private cluster: 32 random bytes, generated once into <c>&lt;folder&gt;.secret</c> beside
/// the data folder, created with mode 0600 (never readable by another account, not even for a moment), and read by every
/// process that uses the cluster to build its connection string.
/// </summary>
internal static class Secrets
{
    public static string FileFor(string data) => data + ".secret";

    public static string LoadOrCreate(string data)
    {
        var file = FileFor(data);
        if (!File.Exists(file))
        {
            var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            try
            {
                using var writer = new StreamWriter(file, options);
                writer.Write(secret);
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process created it first: use theirs.
            }
        }

        var text = File.ReadAllText(file).Trim();
        return text.Length >= 16
            ? text
            : throw new InvalidOperationException($"The database password file '{file}' is empty or too short. Delete it together with "
                                                  + $"the cluster '{data}' to start afresh.");
    }
}
