using Consultations.Host.Auditing.Ledger;

namespace Consultations.Host.Web.Pages;

/// <summary>The ledger's digest and its verification (the API's <see cref="LedgerEndpoints"/>), against a digest kept earlier if given.</summary>
[Authorize(Policy = Roles.AuditPolicy)]
public sealed class LedgerModel(EventLedger ledger, SignedDigests digests, IQuerySession session) : WebPage
{
    [BindProperty(SupportsGet = true)] public string? Digest { get; set; }

    public LedgerDigest? Current { get; private set; }
    public LedgerReport? Report { get; private set; }

    /// <summary>The dialogue picked on the dashboard or timeline, carried so the header's links stay on it.</summary>
    [BindProperty(SupportsGet = true)] public string? Dialogue { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await UnknownDialogueAsync(session, Dialogue, ct) is { } missing) return missing;
        Current = await LedgerEndpoints.Digest(ledger, ct);
        try
        {
            Report = await LedgerEndpoints.Verify(Digest, ledger, digests, ct);
        }
        catch (InvalidCommand e)
        {
            // A digest that cannot be read is refused as the API refuses it (400, naming the parameter).
            return Refuse(StatusCodes.Status400BadRequest, string.Join(" ", e.Errors.Select(x => $"{x.Key}: {string.Join(" ", x.Value)}")));
        }

        return Page();
    }
}
