namespace Consultations.Host.Auditing.Ledger;

public static class LedgerEndpoints
{
    /// <summary>The ledger's digest (position and hash of its last seal) after sealing every settled event: keep it outside the system.</summary>
    [WolverineGet("/api/ledger/digest", OperationId = "getLedgerDigest"), Tags("Auditing")]
    public static Task<LedgerDigest> Digest(EventLedger ledger, CancellationToken ct) => ledger.DigestAsync(ct);

    /// <summary>
    /// Rehashes every event against the hash fixed when it was recorded, checks the chain of seals and every stream, and
    /// compares the chain with the signed digests in the service's digest folder (when configured) and with a kept digest
    /// (<c>digest=POSITION:HASH</c>) if given. <c>intact: false</c> names every break, its position and kind.
    /// </summary>
    [WolverineGet("/api/ledger/verify", OperationId = "verifyLedger"), Tags("Auditing")]
    public static Task<LedgerReport> Verify(string? digest, EventLedger ledger, SignedDigests digests, CancellationToken ct)
    {
        var kept = new List<KeptDigest>();
        if (!string.IsNullOrWhiteSpace(digest))
        {
            if (!LedgerDigest.TryParse(digest, out var parsed))
                throw InvalidCommand.For("digest", $"'{digest}' is not a digest: use POSITION:HASH as GET /api/ledger/digest gives it.");
            kept.Add(new KeptDigest(parsed, "the digest given"));
        }

        // The folder appears with the first digest written; until then there is nothing kept to compare with.
        List<LedgerBreak> problems = [];
        if (digests.Folder is { } folder && Directory.Exists(folder))
        {
            var (signed, unreadable) = digests.Read(folder);
            kept.AddRange(signed);
            problems = unreadable;
        }

        return ledger.VerifyAsync(kept, null, ct, problems);
    }
}
