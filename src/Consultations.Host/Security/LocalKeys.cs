using System.Security.Cryptography;
using Consultations.Host.Database;

namespace Consultations.Host.Security;

/// <summary>
/// A 32-byte secret kept beside the local data folder (the token signing key, the ledger's signing key) when configuration
/// gives none: created once, readable by its owner only; a second process starting at the same moment uses the first's.
/// </summary>
public static class LocalKeys
{
    public static string FileOf(string contentRoot, string name) => Path.Combine(Path.GetDirectoryName(DefaultDataFolder.Resolve(contentRoot))!, name);

    public static byte[] LoadOrCreate(string file)
    {
        if (File.Exists(file)) return Convert.FromBase64String(File.ReadAllText(file).Trim());
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            File.Move(temp, file, overwrite: false);
        }
        catch (IOException)
        {
            // Another process created it first: use theirs.
            File.Delete(temp);
        }

        return Convert.FromBase64String(File.ReadAllText(file).Trim());
    }
}
