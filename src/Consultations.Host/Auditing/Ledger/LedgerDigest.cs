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

    [GeneratedRegex(@"\A([0-9]{1,18}):([0-9a-fA-F]{64})\z")]
    private static partial Regex Format();
}

/// <summary>A digest kept outside the database, and where it came from (a signed file, or given by hand).</summary>
public sealed record KeptDigest(LedgerDigest Digest, string Source);

/// <summary>The kinds of break verification names.</summary>
public static class BreakKind
{
    public const string Altered = "altered";
    public const string Deleted = "deleted";
    public const string Inserted = "inserted";
    public const string Reordered = "reordered";
    public const string Unsealed = "unsealed";
}

/// <param name="Position">The position (global sequence) where the record breaks.</param>
/// <param name="Kind">altered, deleted, inserted, reordered or unsealed (<see cref="BreakKind"/>).</param>
/// <param name="Problem">What is wrong there.</param>
public sealed record LedgerBreak(long Position, string Kind, string Problem);

/// <param name="Intact">True when every event matches the hash fixed when it was recorded and its seal, in order, every stream matches its events, and every kept digest still matches.</param>
/// <param name="Checked">How many sealed positions were checked.</param>
/// <param name="Unsealed">Events recorded within the settle window and not yet sealed (older unsealed events are breaks).</param>
/// <param name="Digest">The ledger's digest (its last seal), when intact.</param>
/// <param name="BrokenAt">The first position where the record breaks.</param>
/// <param name="Problem">What is wrong there.</param>
/// <param name="Breaks">Every break found, in position order (at most the first 100).</param>
/// <param name="DigestsChecked">How many kept digests (signed files, or one given by hand) were checked.</param>
public sealed record LedgerReport(bool Intact, long Checked, long Unsealed, LedgerDigest? Digest, long? BrokenAt, string? Problem,
    IReadOnlyList<LedgerBreak> Breaks, int DigestsChecked);
