using Consultations.Host.Search;
using Consultations.Projections.Search;
using Microsoft.AspNetCore.WebUtilities;

namespace Consultations.Host.Web.Pages;

/// <summary>
/// The search box's results: the API's search (<see cref="SearchQueries.FindAsync"/>), on the auditor's axes when set, with
/// the API's filters (kind, field, dialogue, party) offered as choices from the record and its pages of
/// <see cref="PageSize"/> results. A filter value the record does not offer is a 400 page naming the filter (ADR 0057).
/// </summary>
public sealed class SearchModel(IQuerySession session) : WebPage
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dialogue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Party { get; set; }

    // Named "page" in the query, as on the API (the property cannot be called Page: PageModel.Page()). Declared for the
    // strict query; read from the query itself, since Razor Pages' own "page" route value (the page's path) binds first.
    [BindProperty(Name = "page", SupportsGet = true)] public string? PageNumber { get; set; }

    /// <summary>This page of the results, best first.</summary>
    public IReadOnlyList<SearchResult> Results { get; private set; } = [];

    public int Total { get; private set; }
    public int Current { get; private set; } = 1;
    public int LastPage { get; private set; } = 1;

    public IReadOnlyList<string> Kinds => SearchEntries.Kinds;
    public IReadOnlyList<Dialogue> Dialogues { get; private set; } = [];

    /// <summary>The fields offered: the picked dialogue's, else every dialogue's, in their numbering.</summary>
    public IReadOnlyList<CooperationField> Fields { get; private set; } = [];

    public IReadOnlyList<string> Parties { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Dialogues = await WebDialogues.InOrderOpenedAsync(session, ct);
        var fields = await session.Query<CooperationField>().ToListAsync(ct);
        Fields = [.. fields.Where(f => Blank(Dialogue) || f.DialogueId == Dialogue)
            .OrderBy(f => f.DialogueId, StringComparer.Ordinal).ThenBy(f => f.Number).ThenBy(f => f.Id, StringComparer.Ordinal)];
        Parties = [.. WebDialogues.Parties(Dialogues, Dialogue).Order(StringComparer.Ordinal)];

        if (Unoffered() is { } problem) return Refuse(StatusCodes.Status400BadRequest, problem);
        if (string.IsNullOrWhiteSpace(Q)) return Page();
        PageNumber = Request.Query["page"].ToString();
        try
        {
            var paging = Exports.Paging.Read(PageNumber, PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var found = await SearchQueries.FindAsync(session, SearchRequest.Read(Q, Kind, Field, Dialogue), Axes, ct);
            // The party filter is the API's own (its list shape's), so the page and the API keep the same results.
            if (!Blank(Party)) found = [.. found.Where(Exports.ListShapes.Of<SearchResult>().Filters.Single(f => f.Parameter == "party").Build(Party!.Trim()))];
            Total = found.Count;
            LastPage = paging.LastPage(Total);
            if (paging.Page > LastPage)
                return Refuse(StatusCodes.Status400BadRequest, $"page: Page {paging.Page} is past the last page ({LastPage}) of {Total} results.");
            Current = paging.Page;
            Results = [.. found.Skip(paging.Skip).Take(PageSize)];
        }
        catch (InvalidCommand e)
        {
            // Words that cannot be searched are refused as the API refuses them (400, naming the parameter): no "0 results" for a search not run.
            return Refuse(StatusCodes.Status400BadRequest, string.Join(" ", e.Errors.Select(x => $"{x.Key}: {string.Join(" ", x.Value)}")));
        }

        return Page();
    }

    /// <summary>Why a filter's value is refused: one the page does not offer filters nothing the person could have picked.</summary>
    private string? Unoffered()
    {
        if (!Blank(Kind) && !Kinds.Contains(Kind!.Trim(), StringComparer.OrdinalIgnoreCase))
            return $"kind: '{Kind}' is not a kind of entry; one of: {string.Join(", ", Kinds)}.";
        if (!Blank(Dialogue) && Dialogues.All(d => d.Id != Dialogue!.Trim()))
            return $"dialogue: No dialogue '{Dialogue}' is on record; one of: {string.Join(", ", Dialogues.Select(d => d.Id))}.";
        if (!Blank(Field) && Fields.All(f => f.Id != Field!.Trim()))
            return $"field: No cooperation field '{Field}' is on record{(Blank(Dialogue) ? "" : $" in dialogue '{Dialogue}'")}; one of: {string.Join(", ", Fields.Select(f => f.Id))}.";
        if (!Blank(Party) && !Parties.Contains(Party!.Trim(), StringComparer.OrdinalIgnoreCase))
            return $"party: '{Party}' is not a party{(Blank(Dialogue) ? " of any dialogue" : $" of dialogue '{Dialogue}'")}; one of: {string.Join(", ", Parties)}.";
        return null;
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>The words, the filters and the axes of this search, on another page of it (or, with <paramref name="csv"/>, as the API's CSV of that page).</summary>
    public string Link(int page, bool csv = false)
    {
        var query = new Dictionary<string, string?> { ["q"] = Q };
        foreach (var (name, value) in new[] { ("kind", Kind), ("field", Field), ("dialogue", Dialogue), ("party", Party) })
            if (!Blank(value)) query[name] = value!.Trim();
        if (page > 1) query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!csv) return HttpContext.Keep(QueryHelpers.AddQueryString("/search", query));

        query["pageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        query["format"] = "csv";
        // The API reads an instant with its offset; the bar's UTC time is given one (as the reports page does).
        if (!Axes.IsNow)
        {
            if (!Blank(RecordedAt)) query["recordedAt"] = WebLinks.Instant(RecordedAt);
            if (!Blank(EffectiveOn)) query["effectiveOn"] = EffectiveOn;
        }

        return QueryHelpers.AddQueryString("/api/search", query);
    }
}
