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
    public async Task Without_paging_parameters_a_list_is_its_first_page_in_the_json_array_shape_with_its_total()
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
    }

    [Theory]
    [InlineData("/api/commitments?page=9&pageSize=10")]
    [InlineData("/api/commitments?page=2147483647")]
    [InlineData("/api/timeline?page=2")]
    [InlineData("/api/audit?record=jpit-06-solar-c&page=2147483647&pageSize=1000")]
    public async Task A_page_past_the_last_is_a_400_naming_page(string url)
    {
        await SeedAsync();

        var (status, body) = await GetAsync(url);

        Assert.Equal(400, status);
        AssertFieldError(body, "page");
    }

    [Fact]
    public async Task Commitments_from_to_keep_those_with_one_date_in_the_range_and_refuse_a_reversed_range()
    {
        await SeedAsync();
        var agreed = (await FetchAsync("/api/commitments")).Json.AsArray().First(c => Text(c, "status") == "agreed");
        var id = Text(agreed, "id");
        Assert.True(string.CompareOrdinal(Text(agreed, "madeOn"), "2026-07-01") < 0);
        Assert.Equal(200, (await SendAsync($"/api/commitments/{id}/status", new { to = "in-progress", effectiveOn = "2026-07-02", reason = "Started." })).Status);
        await CaughtUpAsync();

        // Made before the range and changed after it: no date of it falls on 1 July.
        var firstOfJuly = (await FetchAsync("/api/commitments?from=2026-07-01&to=2026-07-01")).Json.AsArray();
        Assert.DoesNotContain(id, firstOfJuly.Select(c => Text(c, "id")));
        var secondOfJuly = (await FetchAsync("/api/commitments?from=2026-07-02&to=2026-07-02")).Json.AsArray();
        Assert.Contains(id, secondOfJuly.Select(c => Text(c, "id")));

        var (status, body) = await GetAsync("/api/commitments?from=2026-07&to=2026-06");
        Assert.Equal(400, status);
        AssertFieldError(body, "to");
    }

    [Theory]
    [InlineData("/api/commitments", 10)]
    [InlineData("/api/dialogues", 1)]
    [InlineData("/api/statements", 1)]
    [InlineData("/api/action-plans", 1)]
    public async Task A_page_past_the_last_of_a_list_paged_in_the_database_names_the_true_last_page_and_total(string url, int pageSize)
    {
        await SeedAsync();
        var total = long.Parse((await FetchAsync(url)).Header("X-Total-Count"), System.Globalization.CultureInfo.InvariantCulture);
        var last = (total + pageSize - 1) / pageSize;

        var (status, body) = await GetAsync($"{url}?page={last + 1}&pageSize={pageSize}");

        Assert.Equal(400, status);
        AssertFieldError(body, "page");
        Assert.Contains($"past the last page ({last}) of {total} items", body!.ToJsonString());
    }

    [Theory]
    [InlineData("/api/audit?from=2000-01-01")]
    [InlineData("/api/changes?from=2000-01-01")]
    [InlineData("/api/dialogues")]
    [InlineData("/api/statements")]
    [InlineData("/api/documents")]
    public async Task Every_list_is_paged_with_a_total_and_links(string url)
    {
        await SeedAsync();

        var whole = await FetchAsync(url);
        var page = await FetchAsync(url + (url.Contains('?') ? "&" : "?") + "page=1&pageSize=1");

        var total = int.Parse(whole.Header("X-Total-Count"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(total, 1, 100);
        Assert.Equal(total, Items(whole.Json).Count);
        Assert.Equal(whole.Header("X-Total-Count"), page.Header("X-Total-Count"));
        Assert.Equal([Items(whole.Json)[0]!.ToJsonString()], Items(page.Json).Select(i => i!.ToJsonString()));
        Assert.Contains("rel=\"first\"", page.Header("Link"));
        if (total > 1) Assert.Contains("page=2&pageSize=1>; rel=\"next\"", page.Header("Link"));
    }

    // /api/changes pages the events in between; every other list is the array itself.
    private static JsonArray Items(JsonNode node) => node is JsonObject report ? report["events"]!.AsArray() : node.AsArray();

    [Fact]
    public async Task The_default_page_holds_one_hundred_items()
    {
        await SeedAsync();
        for (var number = 11; number <= 50; number++)
        {
            var defined = await SendAsync("/api/fields", new JsonObject
            {
                ["fieldCode"] = $"JPIT-{number}", ["dialogueId"] = DialogueId, ["number"] = number, ["title"] = $"Field {number}", ["scope"] = "More.",
                ["effectiveOn"] = "2026-07-01",
            });
            Assert.Equal(201, defined.Status);
        }

        var trail = await FetchAsync("/api/audit?from=2000-01-01");
        var total = int.Parse(trail.Header("X-Total-Count"), System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(total > 100, $"the bundled record has only {total} events");
        Assert.Equal(100, trail.Json.AsArray().Count);
        Assert.Contains("page=2&pageSize=100>; rel=\"next\"", trail.Header("Link"));
    }

    [Fact]
    public async Task Csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised()
    {
        await SeedAsync();
        string[] formulas = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "=cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\tTAB"];
        Created(await SendAsync("/api/commitments", new JsonObject
        {
            ["commitmentId"] = "jpit-05-formula", ["dialogueId"] = DialogueId, ["fieldCode"] = "JPIT-05", ["text"] = formulas[0],
            ["parties"] = new JsonArray("Japan"), ["agencies"] = new JsonArray(formulas[1]), ["programmes"] = new JsonArray(formulas[2], "COSMO-SkyMed"),
            ["source"] = new JsonObject { ["kind"] = "meeting", ["id"] = RomeSummit }, ["status"] = "agreed", ["effectiveOn"] = "2026-07-01",
        }));
        Created(await SendAsync("/api/fields", new JsonObject
        {
            ["fieldCode"] = "JPIT-11", ["dialogueId"] = DialogueId, ["number"] = 11, ["title"] = formulas[3], ["scope"] = formulas[4], ["effectiveOn"] = "2026-07-01",
        }));
        Created(await SendAsync("/api/meetings", new JsonObject
        {
            ["meetingId"] = "jp-it-formula-talks", ["dialogueId"] = DialogueId, ["kind"] = "consultation", ["title"] = formulas[1], ["place"] = formulas[5],
            ["plannedDates"] = new JsonObject { ["from"] = "2026-09-10" }, ["parties"] = new JsonArray("Japan", "Italy"),
            ["delegations"] = new JsonArray(new JsonObject { ["party"] = "Japan", ["members"] = new JsonArray() }),
        }));
        await CaughtUpAsync();

        var commitment = await Row("/api/commitments?format=csv", "id", "jpit-05-formula");
        Assert.Equal(("'" + formulas[0], "'" + formulas[1], "'" + formulas[2] + "; COSMO-SkyMed"), (commitment["text"], commitment["agencies"], commitment["programmes"]));
        Assert.Equal("'" + formulas[0], (await Row("/api/reports/commitment-register?format=csv", "id", "jpit-05-formula"))["text"]);
        Assert.Equal("'" + formulas[1], (await Row("/api/timeline?format=csv", "recordId", "jp-it-formula-talks"))["title"]);
        var field = await Row("/api/fields?format=csv", "code", "JPIT-11");
        Assert.Equal(("'" + formulas[3], "'" + formulas[4]), (field["title"], field["scope"]));
        var meeting = await Row("/api/reports/meetings?format=csv", "id", "jp-it-formula-talks");
        Assert.Equal(("'" + formulas[1], "'" + formulas[5]), (meeting["title"], meeting["place"]));
        // The JSON answer is the record as it is: neutralising is the CSV's concern.
        Assert.Contains((await FetchAsync("/api/commitments")).Json.AsArray(), c => Text(c, "text") == formulas[0]);

        static void Created(Answer answer) => Assert.True(answer.Status == 201, answer.Body?.ToJsonString());

        async Task<Dictionary<string, string>> Row(string url, string key, string id) =>
            ParseCsv((await FetchAsync(url)).Bytes).Rows.Single(r => r[key] == id);
    }

    [Theory]
    [InlineData("/api/commitments?pageSize=1001", "pageSize")]
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
