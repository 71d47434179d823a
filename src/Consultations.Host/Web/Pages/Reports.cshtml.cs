using Microsoft.AspNetCore.WebUtilities;

namespace Consultations.Host.Web.Pages;

/// <summary>Links to the API's downloads (status report, CSV exports), now or, for an auditor, as of a date.</summary>
public sealed class ReportsModel(EndpointDataSource endpoints) : WebPage
{
    /// <summary>Every list route of the API that takes <c>format</c> (CSV), read from the routes themselves.</summary>
    public IReadOnlyList<string> Exports => [.. endpoints.Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.Parameters.Count == 0 && e.Metadata.GetMetadata<QueryParameterSet>()?.Find("format") is not null
                    && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
        .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
        .Where(p => p != "/api/reports/status" && p != "/api/search") // search needs the words to look for: it is in the search box
        .Distinct().Order(StringComparer.Ordinal)];

    public void OnGet()
    {
    }

    public string Download(string path, string format)
    {
        var query = new Dictionary<string, string?> { ["format"] = format };
        if (!Axes.IsNow)
        {
            if (!string.IsNullOrWhiteSpace(RecordedAt)) query["recordedAt"] = WebLinks.Instant(RecordedAt);
            if (!string.IsNullOrWhiteSpace(EffectiveOn)) query["effectiveOn"] = EffectiveOn;
        }

        return QueryHelpers.AddQueryString(path, query);
    }
}
