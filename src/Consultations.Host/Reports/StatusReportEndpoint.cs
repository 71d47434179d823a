namespace Consultations.Host.Reports;

public static class StatusReportEndpoint
{
    /// <summary>
    /// The status report of a dialogue: one HTML page with inline SVG charts that prints whole on A4 (default), Markdown
    /// (<c>format=md</c>), PDF printed by the system Chromium (<c>format=pdf</c>; 503 when Chromium is not installed) or
    /// Word (<c>format=docx</c>), all with the same sections and facts. <c>dialogue</c> may be left out when only one is on
    /// record. <c>since</c> (yyyy-MM-dd) starts the "changes since" section (default: 90 days before the day viewed).
    /// <c>recordedAt</c>/<c>effectiveOn</c> replay the whole report on those time axes, which its header names.
    /// </summary>
    [WolverineGet("/api/reports/status", OperationId = "getStatusReport"), Tags("Reports")]
    [ProducesResponseType(typeof(string), 200, "text/html", "text/markdown", ReportPrinter.MediaType, ReportWord.MediaType)]
    public static async Task<IResult> Get(string? dialogue, string? format, string? since, string? recordedAt, string? effectiveOn, HttpContext http,
        StatusReportBuilder builder, ProjectionFreshness freshness, ReportPrinter printer, TimeProvider clock, CancellationToken ct)
    {
        var chosen = ReportFormats.Read(format);
        var axes = Axes.Read(recordedAt, effectiveOn, clock);
        var from = Axes.Day("since", since, clock);
        if (chosen == ReportFormat.Pdf && printer.Chromium() is null) return Unavailable(printer);
        if (axes.IsNow) await freshness.WriteHeadersAsync(http.Response, ReportingSetup.AsyncProjections, ct);
        else ProjectionFreshness.WriteReplayedHeaders(http.Response);
        var report = await builder.BuildAsync(dialogue, axes, ct, from);
        try
        {
            var (bytes, mediaType) = await RenderAsync(report, chosen, printer, ct);
            return Results.File(bytes, mediaType, chosen is ReportFormat.Pdf or ReportFormat.Word ? ReportFormats.FileName(report, chosen) : null);
        }
        catch (PrinterUnavailable e)
        {
            return Unavailable(printer, e.Message);
        }
    }

    /// <summary>The report in a format, as bytes and their media type.</summary>
    public static async Task<(byte[] Bytes, string MediaType)> RenderAsync(StatusReport report, ReportFormat format, ReportPrinter printer, CancellationToken ct) => format switch
    {
        ReportFormat.Markdown => (System.Text.Encoding.UTF8.GetBytes(ReportDocument.Markdown(report)), "text/markdown; charset=utf-8"),
        ReportFormat.Pdf => (await printer.PdfAsync(ReportDocument.Html(report), ct), ReportPrinter.MediaType),
        ReportFormat.Word => (ReportWord.Docx(report), ReportWord.MediaType),
        _ => (System.Text.Encoding.UTF8.GetBytes(ReportDocument.Html(report)), "text/html; charset=utf-8"),
    };

    private static IResult Unavailable(ReportPrinter printer, string? detail = null) => Results.Problem(
        detail: detail ?? "Printing to PDF needs Chromium, which is not installed here (Debian/Ubuntu: apt-get install chromium; or set Consultations:Reporting:Chromium). format=html prints the same from a browser.",
        statusCode: 503, title: "The report cannot be printed to PDF here",
        extensions: new Dictionary<string, object?> { ["rule"] = "pdf-needs-chromium", ["errors"] = new Dictionary<string, string[]> { ["format"] = ["pdf needs Chromium on the server."] } });
}

public enum ReportFormat { Html, Markdown, Pdf, Word }

public static class ReportFormats
{
    /// <summary>What <c>format</c> takes, in the order offered (the reports page offers each).</summary>
    public static IReadOnlyList<string> Names { get; } = ["html", "md", "pdf", "docx"];

    public static ReportFormat Read(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "html" => ReportFormat.Html,
        "md" or "markdown" => ReportFormat.Markdown,
        "pdf" => ReportFormat.Pdf,
        "docx" => ReportFormat.Word,
        _ => throw InvalidCommand.For("format", $"'{format}' is not one of: html, md, pdf, docx."),
    };

    /// <summary>The format a file name asks for by its extension: .md, .pdf, .docx, else HTML.</summary>
    public static ReportFormat OfFile(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".md" => ReportFormat.Markdown,
        ".pdf" => ReportFormat.Pdf,
        ".docx" => ReportFormat.Word,
        _ => ReportFormat.Html,
    };

    public static string FileName(StatusReport report, ReportFormat format) =>
        $"status-{report.Dialogue.Id}-{report.Today:yyyy-MM-dd}.{(format == ReportFormat.Word ? "docx" : format == ReportFormat.Pdf ? "pdf" : format == ReportFormat.Markdown ? "md" : "html")}";
}
