using System.Security.Cryptography;
using Consultations.Host.RecordFiles;
using Consultations.Tests.Api;

namespace Consultations.Tests.RecordFiles;

public class SeedingTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<Dictionary<string, string>> SnapshotAsync()
    {
        var snapshot = new Dictionary<string, string>();
        foreach (var url in new[]
                 {
                     "/api/fields", "/api/fields/JPIT-06", "/api/timeline", "/api/commitments", "/api/meetings", "/api/statements",
                     "/api/action-plans", "/api/dialogues",
                 })
        {
            var (status, body) = await GetAsync(url);
            Assert.Equal(200, status);
            snapshot[url] = body!.ToJsonString();
        }

        return snapshot;
    }

    [Fact]
    public async Task The_bundled_record_is_found_where_the_importer_looks_for_it()
    {
        Assert.True(File.Exists(RecordImporter.BundledRecordPath), RecordImporter.BundledRecordPath);
        Assert.Equal("japan-italy-space.yaml", Path.GetFileName(RecordImporter.BundledRecordPath));
    }

    [Fact]
    public async Task Importing_the_bundled_record_stores_every_step()
    {
        var result = await SeedAsync();

        Assert.Equal("japan-italy-space.yaml", result.File);
        Assert.Equal(62, result.Steps);
        Assert.Equal(62, result.StepsThatChangedTheRecord);
        Assert.True(result.EventsAppended >= result.Steps, $"{result.EventsAppended} events for {result.Steps} steps");
        Assert.Equal(result.EventsAppended, await EventCountAsync());
    }

    [Fact]
    public async Task Importing_the_bundled_record_twice_gives_the_same_state()
    {
        var first = await SeedAsync();
        var events = await EventCountAsync();
        var before = await SnapshotAsync();

        var second = await SeedAsync();

        Assert.True(first.EventsAppended > 0);
        Assert.Equal(first.Steps, second.Steps);
        Assert.Equal(0, second.EventsAppended);
        Assert.Equal(0, second.StepsThatChangedTheRecord);
        Assert.Equal(events, await EventCountAsync());
        var after = await SnapshotAsync();
        foreach (var (url, json) in before)
            Assert.True(json == after[url], $"{url} changed on the second import.");
    }

    [Fact]
    public async Task Importing_the_bundled_record_again_after_the_record_moved_on_keeps_the_later_change()
    {
        await SeedAsync();
        var (status, _) = await PostAsync("/api/commitments/jpit-06-solar-c/status",
            new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "SOLAR-C instrument delivered." });
        Assert.Equal(200, status);
        var events = await EventCountAsync();

        var again = await SeedAsync();

        Assert.Equal(0, again.EventsAppended);
        Assert.Equal(events, await EventCountAsync());
        var (_, commitment) = await GetAsync("/api/commitments/jpit-06-solar-c");
        Assert.Equal("fulfilled", commitment!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_record_is_stored_under_the_name_of_who_imported_it()
    {
        await Host.Services.GetRequiredService<RecordImporter>()
            .ImportAsync(RecordImporter.BundledRecordPath, "archivist", null, CancellationToken.None);

        await using var session = Store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().ToListAsync();
        Assert.NotEmpty(events);
        Assert.Equal(["archivist"], events.Select(e => e.UserName).Distinct());
    }

    private const string JointStatement = "japan-italy-joint-statement-2026-06-15";

    private async Task<JsonNode> ReadAsync(string url)
    {
        var (status, body) = await GetAsync(url);
        Assert.True(status == 200, $"GET {url}: {status}");
        return body!;
    }

    [Fact]
    public async Task The_bundled_outcomes_cite_the_statement_and_its_clauses_and_commitments_point_to_it()
    {
        await SeedAsync();
        var tokyo = await ReadAsync($"/api/meetings/{TokyoSummit}");
        Assert.Equal(JointStatement, tokyo["outcome"]!["evidence"]![0]!.GetValue<string>());
        var statement = await ReadAsync($"/api/statements/{StatementId}");
        Assert.Equal(JointStatement, statement["documentId"]!.GetValue<string>());
        Assert.All(statement["clauses"]!.AsArray(), c => Assert.Equal(JointStatement, c!["documentId"]!.GetValue<string>()));
        Assert.All((JsonArray)await ReadAsync("/api/commitments"), c => Assert.Equal(JointStatement, c!["documentId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_bundled_statements_hash_is_that_of_its_bundled_text()
    {
        await SeedAsync();
        var file = Path.Combine(OpenApiDescriptionTests.RepositoryRoot(), "data", "sources", "japan-italy-joint-statement-2026-06-15.md");
        var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file)));
        var document = await ReadAsync($"/api/documents/{JointStatement}");
        Assert.Equal(sha, document["sha256"]!.GetValue<string>());
        Assert.Equal("joint-statement", document["kind"]!.GetValue<string>());
        Assert.Equal("2026-06-15", document["date"]!.GetValue<string>());
        Assert.Null(document["url"]);
    }

    [Fact]
    public async Task The_bundled_statement_keeps_its_preamble_and_closing_verbatim_from_its_text()
    {
        await SeedAsync();
        var file = Path.Combine(OpenApiDescriptionTests.RepositoryRoot(), "data", "sources", "japan-italy-joint-statement-2026-06-15.md");
        var source = Flat(await File.ReadAllTextAsync(file));
        var statement = await ReadAsync($"/api/statements/{StatementId}");

        var closing = Flat(statement["closing"]!.GetValue<string>());
        Assert.StartsWith("In welcoming the results of the first bilateral space consultations", closing, StringComparison.Ordinal);
        Assert.Contains(closing, source, StringComparison.Ordinal);
        Assert.Contains(Flat(statement["preamble"]!.GetValue<string>())[..200], source, StringComparison.Ordinal);
    }

    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text.Replace("<sup>", "").Replace("</sup>", ""), @"\s+", " ").Trim();
}
