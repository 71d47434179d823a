using System.Globalization;
using System.Text.RegularExpressions;

namespace Consultations.Host.Auditing.Ledger;

/// <summary>Where the ledger stood: the position (global event sequence) of its last seal and the chain's hash there. Kept outside the system as "POSITION:HASH".</summary>
public sealed partial record LedgerDigest(long Position, string Hash)
{
    public string Digest => $"{Position}:{Hash}";

    public static bool TryParse(string? text, out LedgerDigest digest)
    {
        digest = new LedgerDigest(0, LedgerHash.Genesis);
        var match = text is null ? null : Format().Match(text.Trim());
        if (match is not { Success: true } || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            return false;
        digest = new LedgerDigest(position, match.Groups[2].Value.ToLowerInvariant());
        return true;
    }

    [GeneratedRegex("^([0-9]{1,18}):([0-9a-fA-F]{64})$")]
    private static partial Regex Format();
}

/// <param name="Intact">True when every sealed event still matches its seal, in order, and the kept digest (if any) still matches.</param>
/// <param name="Checked">How many sealed positions were checked before the end or the break.</param>
/// <param name="Unsealed">Events recorded after the last seal (not yet covered by the chain).</param>
/// <param name="Digest">The ledger's digest (its last seal), when intact.</param>
/// <param name="BrokenAt">The first position where the chain breaks.</param>
/// <param name="Problem">What is wrong there.</param>
public sealed record LedgerReport(bool Intact, long Checked, long Unsealed, LedgerDigest? Digest, long? BrokenAt, string? Problem);
