using Consultations.Host.Exports;
using Microsoft.AspNetCore.WebUtilities;

namespace Consultations.Host.Web.Pages;

/// <summary>Links to the API's downloads (status report, CSV exports), now or, for an auditor, as of a date.</summary>
public sealed class ReportsModel : WebPage
{
    public IReadOnlyList<string> Exports { get; } = [.. ExportShapes.All.Keys.Order(StringComparer.Ordinal)];

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
