using Consultations.Tests.Reading;

namespace Consultations.Tests.Reporting;

/// <summary>Paging of the long lists over the bundled record, imported once for the class: totals, links, pages past the last.</summary>
public class ListPagingTests(AppFixture fixture) : ReportingContext(fixture)
{
    protected override bool SharesRecord => true;

    protected override Task ArrangeSharedAsync() => SeedAndCatchUpAsync();

    [Fact]
    public async Task Without_paging_parameters_a_list_is_its_first_page_in_the_json_array_shape_with_its_total()
    {
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
        var (status, body) = await GetAsync(url);

        Assert.Equal(400, status);
        AssertFieldError(body, "page");
    }
    [Theory]
    [InlineData("/api/commitments", 10)]
    [InlineData("/api/dialogues", 1)]
    [InlineData("/api/statements", 1)]
    [InlineData("/api/action-plans", 1)]
    public async Task A_page_past_the_last_of_a_list_paged_in_the_database_names_the_true_last_page_and_total(string url, int pageSize)
    {
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
    [Theory]
    [InlineData("/api/commitments?pageSize=1001", "pageSize")]
    [InlineData("/api/timeline?page=0", "page")]
    [InlineData("/api/fields?pageSize=ten", "pageSize")]
    [InlineData("/api/fields?format=xml", "format")]
    [InlineData("/api/commitments?from=2026-13", "from")]
    public async Task Bad_paging_or_format_is_a_400_naming_the_parameter(string url, string parameter)
    {
        var (status, body) = await GetAsync(url);

        Assert.Equal(400, status);
        AssertFieldError(body, parameter);
    }
    // /api/changes pages the events in between; every other list is the array itself.
    private static JsonArray Items(JsonNode node) => node is JsonObject report ? report["events"]!.AsArray() : node.AsArray();
}
