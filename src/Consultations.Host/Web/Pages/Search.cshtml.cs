using Consultations.Host.Search;

namespace Consultations.Host.Web.Pages;

/// <summary>The search box's results: the API's search (<see cref="SearchQueries.FindAsync"/>), on the auditor's axes when set.</summary>
public sealed class SearchModel(IQuerySession session) : WebPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<SearchResult> Results { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q)) return;
        try
        {
            Results = await SearchQueries.FindAsync(session, SearchRequest.Read(Q, null, null, null), Axes, ct);
        }
        catch (InvalidCommand e)
        {
            Problem = string.Join(" ", e.Errors.SelectMany(x => x.Value));
        }
    }
}
