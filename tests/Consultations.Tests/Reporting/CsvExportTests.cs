namespace Consultations.Tests.Reporting;

/// <summary>
/// JSON and CSV of the long lists over the bundled record and one commitment with awkward text, written once for the class.
/// CSV is read back with CsvHelper, never with string splitting.
/// </summary>
public class CsvExportTests(AppFixture fixture) : ReportingContext(fixture)
{
    protected override bool SharesRecord => true;

    private const string Awkward = "jpit-05-awkward-text";

    // Commas, double quotes, a line break, Japanese and Italian names: everything CSV must carry unharmed.
    private const string AwkwardText = "JAXA (宇宙航空研究開発機構) and ASI will, \"as agreed\", share data;\nfirst: Università di Roma “La Sapienza”, 東京大学.";

    protected override async Task ArrangeSharedAsync()
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
        var (header, rows) = ParseCsv((await FetchAsync("/api/reports/commitment-register?field=JPIT-06", "text/csv")).Bytes);

        Assert.Equal(["id", "dialogueId", "fieldCode", "fieldTitle", "status", "statusSince", "daysInStatus", "madeOn",
            "proposedOn", "agreedOn", "inProgressOn", "fulfilledOn", "lapsedOn", "withdrawnOn", "supersededOn"], header.Take(15));
        var solarC = rows.Single(r => r["id"] == "jpit-06-solar-c");
        Assert.Equal("in-progress", solarC["status"]);
        Assert.Equal("2026-06-15", solarC["inProgressOn"]);
        Assert.Equal("", solarC["fulfilledOn"]);
        Assert.True(int.Parse(solarC["daysInStatus"], System.Globalization.CultureInfo.InvariantCulture) >= 0);
        Assert.Equal("Solar Activity and solar physics", solarC["fieldTitle"]);
    }}
