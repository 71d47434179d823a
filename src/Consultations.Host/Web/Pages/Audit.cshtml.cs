namespace Consultations.Host.Web.Pages;

/// <summary>The audit trail (the API's <see cref="AuditTrail.Get"/>) for a record and/or a period.</summary>
[Authorize(Policy = Roles.AuditPolicy)]
public sealed class AuditModel(IQuerySession session) : WebPage
{
    [BindProperty(SupportsGet = true)] public string? Record { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public string? Problem { get; private set; }

    /// <summary>The dialogue picked on the dashboard or timeline, carried so the header's links stay on it.</summary>
    [BindProperty(SupportsGet = true)] public string? Dialogue { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await UnknownDialogueAsync(session, Dialogue, ct) is { } missing) return missing;
        if (string.IsNullOrWhiteSpace(Record) && string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To)) return Page();
        try
        {
            // The same query and rows as GET /api/audit, its first page of 500.
            var events = await (await AuditTrail.QueryAsync(Blank(Record), Blank(From), Blank(To), session, ct)).Take(500).ToListAsync(ct);
            Entries = await AuditTrail.EntriesAsync(session, events, ct);
        }
        catch (InvalidCommand e)
        {
            Problem = string.Join(" ", e.Errors.Select(x => $"{x.Key}: {string.Join(" ", x.Value)}"));
        }

        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
