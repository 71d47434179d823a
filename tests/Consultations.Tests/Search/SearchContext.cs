using Consultations.Tests.Reporting;

namespace Consultations.Tests.Search;

/// <summary>Searching as a client does: waiting for the index to catch up, then reading the results.</summary>
public abstract class SearchContext(AppFixture fixture) : ReportingContext(fixture)
{
    protected async Task<JsonArray> SearchAsync(string query)
    {
        await CaughtUpAsync();
        var answer = await FetchAsync($"/api/search?{query}");
        Assert.True(answer.Status == 200, $"{answer.Status} {answer.Text}");
        return answer.Json.AsArray();
    }

    protected static IEnumerable<string> Kinds(JsonArray results) => results.Select(r => r!["kind"]!.GetValue<string>());

    protected static string Key(JsonNode? r) => $"{r!["kind"]} {r["recordId"]} {r["id"]}";
}
