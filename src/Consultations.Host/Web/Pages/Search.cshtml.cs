using Consultations.Host.Search;

namespace Consultations.Host.Web.Pages;

/// <summary>The search box's results: the API's search (<see cref="SearchQueries.FindAsync"/>), on the auditor's axes when set.</summary>
public sealed class SearchModel(IQuerySession session) : WebPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<SearchResult> Results { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q)) return Page();
        try
        {
            Results = await SearchQueries.FindAsync(session, SearchRequest.Read(Q, null, null, null), Axes, ct);
        }
        catch (InvalidCommand e)
        {
            // Words that cannot be searched are refused as the API refuses them (400, naming the parameter): no "0 results" for a search not run.
            return Refuse(StatusCodes.Status400BadRequest, string.Join(" ", e.Errors.Select(x => $"{x.Key}: {string.Join(" ", x.Value)}")));
        }

        return Page();
    }
}
