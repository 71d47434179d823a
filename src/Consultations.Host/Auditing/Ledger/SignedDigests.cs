using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Consultations.Host.Auditing.Ledger;

/// <summary>One signed digest file: the ledger's last seal, when it was signed, the signer's public key and the Ed25519 signature.</summary>
public sealed record SignedDigestFile(long Position, string Hash, DateTimeOffset SignedAt, string PublicKey, string Signature)
{
    public static string Message(long position, string hash, DateTimeOffset signedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"consultations-ledger-digest\n{position}:{hash}\n{signedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'}");
}

/// <summary>
/// Digests kept outside the database (docs/adr/0029): signed with an Ed25519 key configured like the token key
/// (<c>Consultations:Ledger:SigningKey</c>, base64 of a 32-byte seed; otherwise generated once and kept beside the local
/// data folder with mode 0600), written to <c>Consultations:Ledger:DigestFolder</c>. Verification takes the public key
/// from <c>Consultations:Ledger:PublicKey</c> when set (a machine without the private key), else from the signing key.
/// </summary>
public sealed class SignedDigests(IConfiguration configuration, IHostEnvironment environment)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string? Folder => configuration["Consultations:Ledger:DigestFolder"] is { Length: > 0 } folder ? folder : null;

    public TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Consultations:Ledger:DigestEverySeconds", 300.0)));

    private Ed25519PrivateKeyParameters PrivateKey() => new(
        configuration["Consultations:Ledger:SigningKey"] is { Length: > 0 } configured
            ? Convert.FromBase64String(configured)
            : LocalKeys.LoadOrCreate(LocalKeys.FileOf(environment.ContentRootPath, "ledger-signing.key")), 0);

    public string PublicKey => configuration["Consultations:Ledger:PublicKey"] is { Length: > 0 } configured
        ? configured
        : Convert.ToBase64String(PrivateKey().GeneratePublicKey().GetEncoded());

    /// <summary>Writes a signed digest of <paramref name="digest"/> into the folder, unless one for that position is there. Returns the file.</summary>
    public async Task<string> WriteAsync(string folder, LedgerDigest digest, DateTimeOffset now, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"ledger-digest-{digest.Position:D19}.json"));
        if (File.Exists(file)) return file;
        var key = PrivateKey();
        var signer = new Ed25519Signer();
        signer.Init(true, key);
        var message = Encoding.UTF8.GetBytes(SignedDigestFile.Message(digest.Position, digest.Hash, now));
        signer.BlockUpdate(message, 0, message.Length);
        var signed = new SignedDigestFile(digest.Position, digest.Hash, now, Convert.ToBase64String(key.GeneratePublicKey().GetEncoded()),
            Convert.ToBase64String(signer.GenerateSignature()));
        var temp = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(signed, Json), ct);
        try
        {
            File.Move(temp, file, overwrite: false);
        }
        catch (IOException)
        {
            File.Delete(temp);
        }

        return file;
    }

    /// <summary>
    /// Reads every digest file in <paramref name="folder"/>: the ones whose signature verifies with the expected public key
    /// are kept digests; any other file there is a problem (forged, altered, or signed by another key).
    /// </summary>
    public (List<KeptDigest> Kept, List<LedgerBreak> Problems) Read(string folder)
    {
        var kept = new List<KeptDigest>();
        var problems = new List<LedgerBreak>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new LedgerBreak(0, BreakKind.Deleted, $"the digest folder {folder} does not exist."));
            return (kept, problems);
        }

        var publicKey = PublicKey;
        foreach (var file in Directory.EnumerateFiles(folder, "ledger-digest-*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            SignedDigestFile? signed = null;
            try
            {
                signed = JsonSerializer.Deserialize<SignedDigestFile>(File.ReadAllText(file), Json);
            }
            catch (JsonException)
            {
            }

            if (signed is null || !LedgerDigest.TryParse($"{signed.Position}:{signed.Hash}", out var digest))
                problems.Add(new LedgerBreak(0, BreakKind.Altered, $"digest file {name} cannot be read as a signed digest."));
            else if (signed.PublicKey != publicKey)
                problems.Add(new LedgerBreak(signed.Position, BreakKind.Altered, $"digest file {name} is signed by another key than this service's."));
            else if (!Verifies(signed, publicKey))
                problems.Add(new LedgerBreak(signed.Position, BreakKind.Altered, $"digest file {name}: its signature does not verify: the file was altered or forged."));
            else
                kept.Add(new KeptDigest(digest, name));
        }

        return (kept, problems);
    }

    private static bool Verifies(SignedDigestFile signed, string publicKey)
    {
        try
        {
            var verifier = new Ed25519Signer();
            verifier.Init(false, new Ed25519PublicKeyParameters(Convert.FromBase64String(publicKey), 0));
            var message = Encoding.UTF8.GetBytes(SignedDigestFile.Message(signed.Position, signed.Hash, signed.SignedAt));
            verifier.BlockUpdate(message, 0, message.Length);
            return verifier.VerifySignature(Convert.FromBase64String(signed.Signature));
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>Writes a signed digest of the ledger's last seal to the configured folder at an interval (when the seal moved).</summary>
public sealed class SignedDigestWriter(SignedDigests digests, EventLedger ledger, ILogger<SignedDigestWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (digests.Folder is not { } folder) return;
        using var timer = new PeriodicTimer(digests.Interval);
        do
        {
            try
            {
                var digest = await ledger.LastSealAsync(stoppingToken);
                if (digest.Position > 0) await digests.WriteAsync(folder, digest, DateTimeOffset.UtcNow, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not write a signed ledger digest to {Folder}", folder);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
