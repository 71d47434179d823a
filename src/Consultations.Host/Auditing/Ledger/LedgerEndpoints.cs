namespace Consultations.Host.Auditing.Ledger;

public static class LedgerEndpoints
{
    /// <summary>The ledger's digest (position and hash of its last seal) after sealing every settled event: keep it outside the system.</summary>
    [WolverineGet("/api/ledger/digest", OperationId = "getLedgerDigest"), Tags("Auditing")]
    public static Task<LedgerDigest> Digest(EventLedger ledger, CancellationToken ct) => ledger.DigestAsync(ct);

    /// <summary>
    /// Recomputes the hash chain from the stored events and compares it with the ledger, and with a kept digest
    /// (<c>digest=POSITION:HASH</c>) if given. <c>intact: false</c> names the first position where it breaks.
    /// </summary>
    [WolverineGet("/api/ledger/verify", OperationId = "verifyLedger"), Tags("Auditing")]
    public static Task<LedgerReport> Verify(string? digest, EventLedger ledger, CancellationToken ct)
    {
        LedgerDigest? kept = null;
        if (!string.IsNullOrWhiteSpace(digest))
        {
            if (!LedgerDigest.TryParse(digest, out var parsed))
                throw InvalidCommand.For("digest", $"'{digest}' is not a digest: use POSITION:HASH as GET /api/ledger/digest gives it.");
            kept = parsed;
        }

        return ledger.VerifyAsync(kept, null, ct);
    }
}
