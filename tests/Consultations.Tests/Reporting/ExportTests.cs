using Consultations.Tests.Reading;

namespace Consultations.Tests.Reporting;

/// <summary>
/// Lists after a change: filters by party, field, status and dates, the default page size, formula cells neutralised in CSV.
/// Paging of the bundled record is in <see cref="ListPagingTests"/>, CSV of it in <see cref="CsvExportTests"/>.
/// </summary>
public class ExportTests(AppFixture fixture) : ReportingContext(fixture)
{
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
