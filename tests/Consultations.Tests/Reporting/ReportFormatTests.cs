using System.Diagnostics;
using System.Text.RegularExpressions;
using Consultations.Host.Reports;
using Consultations.Tests.Reading;
using DocumentFormat.OpenXml.Packaging;

namespace Consultations.Tests.Reporting;

/// <summary>One report, several formats: HTML, Markdown, Word and PDF carry the same sections and the same facts (ADR 0034).</summary>
public partial class ReportFormatTests(AppFixture fixture) : ReportingContext(fixture)
{
    private static readonly string[] Sections =
    [
        "Key figures", "Commitments by status in each field", "Timeline", "Cooperation fields", "Meetings and their decisions",
        "Action-plan progress", "Commitment register", "Changes since 2026-06-01", "Overdue items",
    ];

    private const string Url = "/api/reports/status?since=2026-06-01";

    [Fact]
    public async Task Html_markdown_and_word_have_the_same_sections_and_facts()
    {
        await SeedAndCatchUpAsync();
        await SendAsync("/api/commitments/jpit-06-solar-c/milestones",
            new { milestoneId = "design-review", title = "SOLAR-C design review", dueOn = "2026-09", effectiveOn = "2026-07-01" });
        await CaughtUpAsync();

        var html = await FetchAsync(Url);
        var md = await FetchAsync(Url + "&format=md");
        var docx = await FetchAsync(Url + "&format=docx");
        Assert.Equal(200, docx.Status);
        Assert.Equal(ReportWord.MediaType, docx.ContentType);

        var texts = new Dictionary<string, string>
        {
            ["html"] = Flat(WebUtility.HtmlDecode(Tags().Replace(html.Text, " "))),
            ["md"] = Flat(WebUtility.HtmlDecode(MdEscapes().Replace(md.Text, "$1"))),
            ["docx"] = Flat(WordText(docx.Bytes)),
        };
        Assert.Equal(Sections, H2().Matches(html.Text).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        Assert.Equal(Sections, md.Text.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..]));

        var meetings = (await FetchAsync("/api/reports/meetings")).Json.AsArray();
        var register = (await FetchAsync("/api/reports/commitment-register")).Json.AsArray();
        List<string> facts =
        [
            .. Sections,
            .. meetings.Select(m => m!["title"]!.GetValue<string>()),
            .. meetings.SelectMany(m => m!["decisions"]!.AsArray().Select(d => d!.GetValue<string>())),
            .. register.Select(c => c!["text"]!.GetValue<string>()),
            .. JapanItalyRecord.FieldTitles, .. JapanItalyRecord.FieldCodes,
            "SOLAR-C design review", "overdue", "2024–2027 Action Plan",
        ];
        foreach (var (format, text) in texts)
        {
            foreach (var fact in facts) Assert.True(text.Contains(Flat(fact), StringComparison.Ordinal), $"The {format} report lacks: {fact}");
            // Words, not ids: the register and the timeline name commitments by their words.
            Assert.DoesNotContain("Commitment made: jpit-", text, StringComparison.Ordinal);
            Assert.DoesNotContain("action-plan-2024-2027 item", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Reaffirmed: action-plan-2024-2027", text, StringComparison.Ordinal);
            Assert.DoesNotContain("concluded", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_markdown_report_shows_html_in_the_record_as_text()
    {
        await SeedAndCatchUpAsync();
        await SendAsync("/api/meetings/space-consultations-2-rome/cancellation", new { reason = "<script>alert(1)</script> *not* [held](x)", effectiveOn = "2026-07-01" });
        await CaughtUpAsync();

        var md = (await FetchAsync(Url + "&format=md")).Text;

        Assert.DoesNotContain("<script>", md, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; \\*not\\* \\[held\\](x)", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_printed_report_holds_the_whole_record_with_headed_numbered_a4_pages()
    {
        await SeedAndCatchUpAsync();

        var pdf = await FetchAsync(Url + "&format=pdf");

        Assert.True(pdf.Status == 200, pdf.Text);
        Assert.Equal(ReportPrinter.MediaType, pdf.ContentType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf.Bytes, 0, 5));
        var text = await PdfTextAsync(pdf.Bytes);
        var flat = Flat(text);
        foreach (var section in Sections) Assert.Contains(section, flat, StringComparison.Ordinal);
        Assert.Contains("Second bilateral space consultations", flat, StringComparison.Ordinal);
        Assert.Contains("JPIT-10", flat, StringComparison.Ordinal);
        Assert.Contains("Regional cooperation", flat, StringComparison.Ordinal);
        // Every page is headed with the record's name and the axes, and numbered.
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Trim().Length > 0).ToList();
        Assert.True(pages.Count >= Sections.Length, $"{pages.Count} pages");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains("Japan–Italy space cooperation — status on", pages[i], StringComparison.Ordinal);
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i], StringComparison.Ordinal);
        }

        Assert.Matches(@"Page size:\s+59[0-9.]+ x 84[0-9.]+ pts \(A4\)", await PdfInfoAsync(pdf.Bytes));
    }

    [Fact]
    public async Task Without_chromium_a_pdf_is_refused_with_a_problem_that_says_how_to_get_one()
    {
        await using var host = await AppFixture.StartHostAsync("t_" + Guid.NewGuid().ToString("N")[..12],
            settings: new Dictionary<string, string> { ["Consultations:Reporting:Chromium"] = "/nonexistent/chromium" });

        var result = await host.Scenario(x =>
        {
            x.Get.Url("/api/reports/status?format=pdf");
            x.StatusCodeShouldBe(503);
        });

        Assert.StartsWith("application/problem+json", result.Context.Response.ContentType);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await result.ReadAsTextAsync())!;
        Assert.Equal("pdf-needs-chromium", problem["rule"]!.GetValue<string>());
        Assert.Contains("apt-get install chromium", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(problem["errors"]!["format"]);
    }

    [Fact]
    public async Task An_unknown_format_is_refused_naming_the_parameter()
    {
        var answer = await FetchAsync("/api/reports/status?format=odt");

        Assert.Equal(400, answer.Status);
        Assert.Contains("format", answer.Json["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("pdf", answer.Text, StringComparison.Ordinal);
    }

    private static string WordText(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        return string.Join("\n", body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    public static async Task<string> PdfTextAsync(byte[] pdf) => await PopplerAsync("pdftotext", pdf, "-");

    private static async Task<string> PdfInfoAsync(byte[] pdf) => await PopplerAsync("pdfinfo", pdf, null);

    private static async Task<string> PopplerAsync(string tool, byte[] pdf, string? output)
    {
        var file = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(file);
            if (output is not null) start.ArgumentList.Add(output);
            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {await process.StandardError.ReadToEndAsync()} (Debian: apt-get install poppler-utils)");
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Flat(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"<h2>(.*?)</h2>")]
    private static partial Regex H2();

    [GeneratedRegex(@"\\([\\`*_{}\[\]|#~])")]
    private static partial Regex MdEscapes();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
