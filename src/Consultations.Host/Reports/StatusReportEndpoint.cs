using Microsoft.AspNetCore.Mvc;

namespace Consultations.Host.Reports;

public static class StatusReportEndpoint
{
    /// <summary>
    /// The status report of a dialogue as one HTML page with inline SVG charts (commitments by status per field, the
    /// timeline), or Markdown with <c>format=md</c>. <c>dialogue</c> may be left out when only one is on record.
    /// <c>recordedAt</c>/<c>effectiveOn</c> replay the whole report on those time axes, which its header names.
    /// </summary>
    [WolverineGet("/api/reports/status", OperationId = "getStatusReport"), Tags("Reports")]
    [ProducesResponseType(typeof(string), 200, "text/html", "text/markdown")]
    public static async Task<IResult> Get(string? dialogue, string? format, string? recordedAt, string? effectiveOn, HttpContext http,
        StatusReportBuilder builder, ProjectionFreshness freshness, TimeProvider clock, CancellationToken ct)
    {
        var markdown = ReportFormats.Read(format) == ReportFormat.Markdown;
        var axes = Axes.Read(recordedAt, effectiveOn, clock);
        if (axes.IsNow) await freshness.WriteHeadersAsync(http.Response, ReportingSetup.AsyncProjections, ct);
        else ProjectionFreshness.WriteReplayedHeaders(http.Response);
        var report = await builder.BuildAsync(dialogue, axes, ct);
        return markdown
            ? Results.Text(ReportDocument.Markdown(report), "text/markdown; charset=utf-8")
            : Results.Text(ReportDocument.Html(report), "text/html; charset=utf-8");
    }
}

public enum ReportFormat { Html, Markdown }

public static class ReportFormats
{
    public static ReportFormat Read(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "html" => ReportFormat.Html,
        "md" or "markdown" => ReportFormat.Markdown,
        _ => throw InvalidCommand.For("format", $"'{format}' is not one of: html, md."),
    };
}
