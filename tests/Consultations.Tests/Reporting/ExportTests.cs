using System.Text.Json.Nodes;
using Consultations.Tests.Infrastructure;
using Consultations.Tests.Reading;

namespace Consultations.Tests.Reporting;

/// <summary>JSON and CSV of the long lists, with filters and paging. CSV is read back with CsvHelper, never with string splitting.</summary>
public class ExportTests(AppFixture fixture) : ReportingContext(fixture)
{
    private const string Awkward = "jpit-05-awkward-text";

    // Commas, double quotes, a line break, Japanese and Italian names: everything CSV must carry unharmed.
    private const string AwkwardText = "JAXA (宇宙航空研究開発機構) and ASI will, \"as agreed\", share data;\nfirst: Università di Roma “La Sapienza”, 東京大学.";

    private async Task SeedWithAwkwardCommitmentAsync()
    {
        await SeedAsync();
        var made = await SendAsync("/api/commitments", new JsonObject
        {
            ["commitmentId"] = Awkward,
            ["dialogueId"] = DialogueId,
            ["fieldCode"] = "JPIT-05",
            ["text"] = AwkwardText,
            ["parties"] = new JsonArray("Japan", "Italy"),
            ["agencies"] = new JsonArray("JAXA", "Agenzia Spaziale Italiana, ASI"),
            ["programmes"] = new JsonArray("だいち4号 (ALOS-4)", "COSMO-SkyMed"),
            ["source"] = new JsonObject { ["kind"] = "meeting", ["id"] = RomeSummit },
            ["status"] = "agreed",
            ["effectiveOn"] = "2026-07-01",
        });
        Assert.Equal(201, made.Status);
        await CaughtUpAsync();
    }

    [Theory]
    [InlineData("/api/fields?format=csv", null)]
    [InlineData("/api/fields", "text/csv")]
    [InlineData("/api/timeline", "text/csv, application/json;q=0.5")]
    [InlineData("/api/commitments?format=csv", "application/json")]
    [InlineData("/api/reports/commitment-register?format=csv", null)]
    [InlineData("/api/reports/meetings", "text/csv")]
    [InlineData("/api/reports/action-plans?format=csv", null)]
    public async Task Lists_come_as_csv_on_request(string url, string? accept)
    {
        await SeedWithAwkwardCommitmentAsync();

        var answer = await FetchAsync(url, accept);

        Assert.Equal(200, answer.Status);
        Assert.Equal("text/csv; charset=utf-8", answer.ContentType);
        Assert.StartsWith("attachment; filename=", answer.Header("Content-Disposition"));
        Assert.Equal([0xEF, 0xBB, 0xBF], answer.Bytes.Take(3));
        var (header, rows) = ParseCsv(answer.Bytes);
        Assert.NotEmpty(header);
        Assert.Equal(answer.Header("X-Total-Count"), rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var json = (await FetchAsync(url.Replace("format=csv", "format=json", StringComparison.Ordinal), "application/json")).Json.AsArray();
        Assert.Equal(json.Count, rows.Count);
    }

    [Fact]
    public async Task Csv_carries_commas_quotes_line_breaks_and_japanese_and_italian_text_intact()
    {
        await SeedWithAwkwardCommitmentAsync();

        foreach (var url in new[] { "/api/commitments?format=csv", "/api/reports/commitment-register?format=csv" })
        {
            var answer = await FetchAsync(url);
            var raw = answer.Text;
            Assert.Contains("\r\n", raw);
            Assert.Contains("\"\"as agreed\"\"", raw);

            var (_, rows) = ParseCsv(answer.Bytes);
            var row = rows.Single(r => r["id"] == Awkward);
            Assert.Equal((AwkwardText, "JAXA; Agenzia Spaziale Italiana, ASI", "だいち4号 (ALOS-4); COSMO-SkyMed"), (row["text"], row["agencies"], row["programmes"]));
            Assert.Equal(("JPIT-05", "agreed", "meeting"), (row["fieldCode"], row["status"], row["sourceKind"]));
        }
    }

    [Fact]
    public async Task The_register_csv_has_a_date_column_per_status_and_days_in_status()
    {
        await SeedWithAwkwardCommitmentAsync();

        var (header, rows) = ParseCsv((await FetchAsync("/api/reports/commitment-register?field=JPIT-06", "text/csv")).Bytes);

        Assert.Equal(["id", "dialogueId", "fieldCode", "fieldTitle", "status", "statusSince", "daysInStatus", "madeOn",
            "proposedOn", "agreedOn", "inProgressOn", "fulfilledOn", "lapsedOn", "withdrawnOn", "supersededOn"], header.Take(15));
        var solarC = rows.Single(r => r["id"] == "jpit-06-solar-c");
        Assert.Equal("in-progress", solarC["status"]);
        Assert.Equal("2026-06-15", solarC["inProgressOn"]);
        Assert.Equal("", solarC["fulfilledOn"]);
        Assert.True(int.Parse(solarC["daysInStatus"], System.Globalization.CultureInfo.InvariantCulture) >= 0);
        Assert.Equal("Solar Activity and solar physics", solarC["fieldTitle"]);
    }

    [Fact]
    public async Task Without_paging_parameters_a_list_keeps_its_json_array_shape_and_gives_its_total()
    {
        await SeedAsync();

        var answer = await FetchAsync("/api/commitments");

        Assert.Equal(200, answer.Status);
        Assert.StartsWith("application/json", answer.ContentType);
        Assert.Equal(JapanItalyRecord.CommitmentCount, answer.Json.AsArray().Count);
        Assert.Equal("23", answer.Header("X-Total-Count"));
        Assert.Equal("", answer.Header("Link"));
    }

    [Fact]
    public async Task Pages_cut_the_list_and_link_to_their_neighbours()
    {
        await SeedAsync();
        var all = (await FetchAsync("/api/commitments")).Json.AsArray().Select(c => Text(c, "id")).ToList();

        var second = await FetchAsync("/api/commitments?page=2&pageSize=10");
        var last = await FetchAsync("/api/commitments?page=3&pageSize=10");

        Assert.Equal(all.Skip(10).Take(10), second.Json.AsArray().Select(c => Text(c, "id")));
        Assert.Equal(all.Skip(20), last.Json.AsArray().Select(c => Text(c, "id")));
        Assert.Equal("23", second.Header("X-Total-Count"));
        var links = second.Header("Link");
        Assert.Contains("</api/commitments?page=1&pageSize=10>; rel=\"first\"", links);
        Assert.Contains("</api/commitments?page=3&pageSize=10>; rel=\"last\"", links);
        Assert.Contains("</api/commitments?page=1&pageSize=10>; rel=\"prev\"", links);
        Assert.Contains("</api/commitments?page=3&pageSize=10>; rel=\"next\"", links);
        Assert.DoesNotContain("rel=\"next\"", last.Header("Link"));
        var (_, csvPage) = ParseCsv((await FetchAsync("/api/commitments?page=2&pageSize=10&format=csv")).Bytes);
        Assert.Equal(all.Skip(10).Take(10), csvPage.Select(r => r["id"]));
        Assert.Empty((await FetchAsync("/api/commitments?page=9&pageSize=10")).Json.AsArray());
    }

    [Theory]
    [InlineData("/api/commitments?pageSize=501", "pageSize")]
    [InlineData("/api/timeline?page=0", "page")]
    [InlineData("/api/fields?pageSize=ten", "pageSize")]
    [InlineData("/api/fields?format=xml", "format")]
    [InlineData("/api/commitments?from=2026-13", "from")]
    public async Task Bad_paging_or_format_is_a_400_naming_the_parameter(string url, string parameter)
    {
        await SeedAsync();

        var (status, body) = await GetAsync(url);

        Assert.Equal(400, status);
        AssertFieldError(body, parameter);
    }

    [Fact]
    public async Task Lists_filter_by_party_field_status_and_date_range()
    {
        await SeedAsync();
        await OtherDialogueAsync();
        await SendAsync("/api/commitments/jpit-06-solar-c/status", new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Delivered." });
        await CaughtUpAsync();

        var france = (await FetchAsync("/api/timeline?party=france")).Json.AsArray();
        Assert.NotEmpty(france);
        Assert.All(france, e => Assert.Contains("France", e!["parties"]!.AsArray().Select(p => p!.GetValue<string>())));

        var solar = (await FetchAsync("/api/timeline?field=JPIT-06&status=fulfilled")).Json.AsArray();
        Assert.Equal("commitment-status", Text(Assert.Single(solar), "kind"));

        var changedInSeptember = (await FetchAsync("/api/commitments?from=2026-09&to=2026-09")).Json.AsArray();
        Assert.Equal("jpit-06-solar-c", Text(Assert.Single(changedInSeptember), "id"));
        var registerInSeptember = (await FetchAsync("/api/reports/commitment-register?from=2026-09-01&to=2026-09-30&party=Italy")).Json.AsArray();
        Assert.Equal("jpit-06-solar-c", Text(Assert.Single(registerInSeptember), "id"));

        var italyMeetings = (await FetchAsync("/api/reports/meetings?party=Italy&status=held")).Json.AsArray();
        Assert.Equal([TokyoSummit, FirstConsultations, RomeSummit], italyMeetings.Select(m => Text(m, "id")));
        var juneMeetings = (await FetchAsync("/api/reports/meetings?from=2026-06&to=2026-06")).Json.AsArray();
        Assert.Equal([RomeSummit], juneMeetings.Select(m => Text(m, "id")));

        var field = (await FetchAsync("/api/fields?field=JPIT-06")).Json.AsArray();
        Assert.Equal("JPIT-06", Text(Assert.Single(field), "code"));
    }
}
