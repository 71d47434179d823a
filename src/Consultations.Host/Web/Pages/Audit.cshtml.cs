namespace Consultations.Host.Web.Pages;

/// <summary>
/// The audit trail (the API's <see cref="AuditTrail.Get"/>) for a record and/or a period: each entry with what it changed,
/// whether it was voided or corrected, and the entry a void or correction fixes, as the record's own history tells them
/// (<see cref="RecordHistory"/>); each record linked to its page.
/// </summary>
[Authorize(Policy = Roles.AuditPolicy)]
public sealed class AuditModel(IQuerySession session) : WebPage
{
    [BindProperty(SupportsGet = true)] public string? Record { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>Each entry's line in its record's history (what it changed, voided, the line it fixes), by event id.</summary>
    public IReadOnlyDictionary<Guid, HistoryEntry> Lines { get; private set; } = new Dictionary<Guid, HistoryEntry>();

    public RecordTitles Titles { get; private set; } = RecordTitles.None;

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
            // A query that cannot be run is refused as the API refuses it, naming the parameter: no trail is shown.
            return Refuse(StatusCodes.Status400BadRequest, string.Join(" ", e.Errors.Select(x => $"{x.Key}: {string.Join(" ", x.Value)}")));
        }
        catch (RecordNotFound e)
        {
            return NotOnRecord(e);
        }

        var lines = new Dictionary<Guid, HistoryEntry>();
        var sequences = new Dictionary<Guid, long>();
        foreach (var stream in Entries.Select(e => e.Stream).Distinct(StringComparer.Ordinal))
        {
            var events = await session.Events.FetchStreamAsync(stream, token: ct);
            foreach (var line in RecordHistory.Of(events)) lines[line.EventId] = line;
            foreach (var e in events) sequences[e.Id] = e.Sequence;
            // A void or a correction belongs to the record of the entry it fixes: it is named by that record's title too,
            // found from the record's first entry even when no other entry of it is in the period (third review, finding 11).
            if (events.Count > 0 && RecordPages.Of(events[0].Data, stream) is { } page && page.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var collection, _])
                pages[stream] = (collection, stream);
        }

        Lines = lines;
        Sequences = sequences;
        Titles = await RecordTitles.LoadAsync(session, Entries.Select(PageFor).OfType<(string, string)>().Concat(HistoryView.Links(lines.Values)), ct);
        return Page();
    }

    private readonly Dictionary<string, (string Collection, string Id)?> pages = [];

    /// <summary>The trail's number (the store's sequence) of every entry of the records shown, so a void names the entry it fixes by that number even outside the period.</summary>
    public IReadOnlyDictionary<Guid, long> Sequences { get; private set; } = new Dictionary<Guid, long>();

    /// <summary>The page of the record an entry belongs to (a void's, its record's), as (collection, id); null for a record with no page.</summary>
    public (string Collection, string Id)? PageFor(AuditEntry e) => PageOf(e) ?? pages.GetValueOrDefault(e.Stream);

    /// <summary>The page of the record an entry belongs to, as (collection, id); null for a record with no page.</summary>
    public static (string Collection, string Id)? PageOf(AuditEntry e) =>
        RecordPages.Of(e.Data, e.Stream) is { } page && page.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var collection, _] ? (collection, e.Stream) : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
