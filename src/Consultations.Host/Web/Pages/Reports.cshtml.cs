using Microsoft.AspNetCore.WebUtilities;

namespace Consultations.Host.Web.Pages;

/// <summary>
/// Links to the API's downloads (status report, CSV exports), now or, for an auditor, as of a date; for the dialogue picked
/// on the dashboard or timeline, when one was, on every download that takes a dialogue.
/// </summary>
public sealed class ReportsModel(EndpointDataSource endpoints, IQuerySession session) : WebPage
{
    [BindProperty(SupportsGet = true)] public string? Dialogue { get; set; }

    /// <summary>Every list route of the API that takes <c>format</c> (CSV), read from the routes themselves.</summary>
    public IReadOnlyList<string> Exports => [.. endpoints.Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.Parameters.Count == 0 && e.Metadata.GetMetadata<QueryParameterSet>()?.Find("format") is not null
                    && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
        .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
        .Where(p => p != "/api/reports/status" && p != "/api/search") // search needs the words to look for: its own form on the page
        .Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The title of the dialogue picked, null when none was.</summary>
    public string? DialogueTitle { get; private set; }

    /// <summary>The dialogues on record, for the picker (shown when there are several), in the order opened.</summary>
    public IReadOnlyList<Domain.Dialogues.Dialogue> Dialogues { get; private set; } = [];

    /// <summary>The dialogue the downloads are for: the one picked, else the dashboard's default (the first opened).</summary>
    public string? Chosen { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await UnknownDialogueAsync(session, Dialogue, ct) is { } missing) return missing;
        Dialogues = await WebDialogues.InOrderOpenedAsync(session, ct);
        // With several dialogues the status report must name one: the page's downloads name the default, as the dashboard shows it.
        Chosen = string.IsNullOrWhiteSpace(Dialogue) ? (Dialogues.Count > 1 ? Dialogues[0].Id : null) : Dialogue;
        if (Chosen is not null) DialogueTitle = Dialogues.FirstOrDefault(d => d.Id == Chosen)?.Title;
        return Page();
    }

    private bool ReadsDialogue(string path) => endpoints.Endpoints.OfType<RouteEndpoint>()
        .Any(e => "/" + e.RoutePattern.RawText?.TrimStart('/') == path && e.Metadata.GetMetadata<QueryParameterSet>()?.Find("dialogue") is not null);

    /// <summary>Every format the API serves the status report in (<see cref="Reports.ReportFormats.Names"/>), with its label.</summary>
    public static IReadOnlyList<(string Format, string Label)> StatusFormats { get; } =
    [
        .. Reports.ReportFormats.Names.Select(f => (f, f switch
        {
            "html" => "Status report (HTML, printable)",
            "md" => "Status report (Markdown)",
            "pdf" => "Status report (PDF)",
            "docx" => "Status report (Word)",
            _ => throw new InvalidOperationException($"The reports page has no label for the status report's format '{f}'."),
        })),
    ];

    public string Download(string path, string format) => QueryHelpers.AddQueryString(path, DownloadParameters(path, format).ToDictionary(p => p.Name, p => (string?)p.Value));

    /// <summary>The format, the dialogue (where the route reads one) and the replay's axes of a download.</summary>
    public IReadOnlyList<(string Name, string Value)> DownloadParameters(string path, string format)
    {
        var query = new List<(string, string)> { ("format", format) };
        if (!string.IsNullOrWhiteSpace(Chosen) && ReadsDialogue(path)) query.Add(("dialogue", Chosen));
        if (!Axes.IsNow)
        {
            if (!string.IsNullOrWhiteSpace(RecordedAt)) query.Add(("recordedAt", WebLinks.Instant(RecordedAt)!));
            if (!string.IsNullOrWhiteSpace(EffectiveOn)) query.Add(("effectiveOn", EffectiveOn));
        }

        return query;
    }
}
