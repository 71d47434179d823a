using System.Text.RegularExpressions;
using Consultations.Host.Infrastructure;
using Consultations.Projections.Timeline;
using Consultations.Tests.Reading;
using Microsoft.AspNetCore.Routing;

namespace Consultations.Tests.Api;

/// <summary>
/// Query parameters are strict: every route, found from the endpoint table, refuses one it does not read and takes every
/// one it documents; parameters with a closed set of values refuse any other value.
/// </summary>
public class QueryParameterTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd");

    // A value for each query parameter the API documents ("route name" wins over "name"; recordedAt and digest are taken
    // after seeding); a new parameter needs one here.
    private static readonly Dictionary<string, string> Samples = new()
    {
        ["dialogue"] = JapanItalyRecord.DialogueId, ["field"] = "JPIT-06", ["party"] = "Italy", ["agency"] = "JAXA",
        ["from"] = "2026-06-01", ["to"] = Today, ["effectiveOn"] = Today,
        ["kind"] = "meeting", ["status"] = "agreed", ["health"] = "active", ["axis"] = "effective", ["record"] = JapanItalyRecord.StatementId,
        ["format"] = "csv", ["page"] = "1", ["pageSize"] = "10",
        ["programme"] = "SOLAR-C", ["lead"] = "JAXA", ["dueBefore"] = "2027-01-01", ["overdue"] = "false",
        ["forum"] = "COPUOS", ["agreement"] = "Artemis Accords",
        ["/api/timeline status"] = "adopted", ["/api/reports/meetings status"] = "held", ["/api/reports/status format"] = "md",
        ["q"] = "space", ["/api/search kind"] = "clause",
        ["/api/documents kind"] = "joint-statement",
    };

    private sealed record Route(string Method, string Pattern, QueryParameterSet? Taken);

    private List<Route> Routes() =>
    [
        .. Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/')))
            .Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
                .Select(m => new Route(m, e.Pattern, e.Endpoint.Metadata.GetMetadata<QueryParameterSet>()))),
    ];

    /// <summary>The route with each argument filled from the seeded record: the first item of the list it belongs to, if it has one.</summary>
    private async Task<string> UrlAsync(string pattern)
    {
        var match = Regex.Match(pattern, "^(?<list>[^{]+)/{(?<name>[^}]+)}");
        if (!match.Success) return pattern;
        var (_, list) = await GetAsync(match.Groups["list"].Value);
        if (list is not JsonArray)
        {
            // A part of a record (/api/action-plans/ID/items/{itemId}): its ids are in the record's member of that name.
            var collection = match.Groups["list"].Value;
            var (_, parent) = await GetAsync(collection[..collection.LastIndexOf('/')]);
            list = parent?[collection[(collection.LastIndexOf('/') + 1)..]];
        }

        var id = (list as JsonArray)?.FirstOrDefault()?[match.Groups["name"].Value]?.GetValue<string>() ?? "x";
        return await UrlAsync(pattern.Replace($"{{{match.Groups["name"].Value}}}", id));
    }

    /// <summary>Sends a GET or an empty POST with a query string (Alba's ToUrl takes a path only); the answer may be CSV.</summary>
    private async Task<(int Status, string Text)> SendAsync(string method, string path, params (string Name, string Value)[] query)
    {
        var result = await Host.Scenario(x =>
        {
            var send = method == "GET" ? x.Get.Url(path) : x.Post.Json(new { }).ToUrl(path);
            foreach (var (name, value) in query) send.QueryString(name, value);
            x.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task Every_route_refuses_an_unknown_parameter_naming_it_and_what_the_route_takes()
    {
        await SeedAsync();
        var routes = Routes();
        Assert.True(routes.Count(r => r.Method == "GET") >= 20, $"only {routes.Count} routes");

        foreach (var route in routes)
        {
            Assert.True(route.Taken is not null, $"{route.Method} {route.Pattern} has no query parameters derived");
            var (status, text) = await SendAsync(route.Method, await UrlAsync(route.Pattern), ("bogus", "1"));

            Assert.True(status == 400, $"{route.Method} {route.Pattern}?bogus=1 answered {status}");
            var body = JsonNode.Parse(text);
            AssertFieldError(body, "bogus");
            var message = body!["errors"]!["bogus"]![0]!.GetValue<string>();
            Assert.StartsWith("is not a parameter of this route", message);
            Assert.All(route.Taken.Parameters, p => Assert.Contains(p.Name, message));
        }
    }

    [Fact]
    public async Task Every_documented_parameter_is_taken_and_the_document_lists_exactly_those()
    {
        await SeedAsync();
        // The bundled plan has no items; one is needed to read /api/action-plans/{id}/items/{itemId}.
        var (added, _) = await PostAsync("/api/action-plans/action-plan-2024-2027/items",
            new { itemId = "qp-item", fieldCode = "JPIT-01", text = "An item.", effectiveOn = "2026-07-01" });
        Assert.Equal(200, added);
        var (_, digest) = await GetAsync("/api/ledger/digest");
        var seeded = new Dictionary<string, string>
        {
            ["digest"] = digest!["digest"]!.GetValue<string>(), ["recordedAt"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"),
        };
        var (_, document) = await GetAsync("/openapi/v1.json");

        foreach (var route in Routes().Where(r => r.Method == "GET"))
        {
            var documented = (document!["paths"]![route.Pattern]!["get"]!["parameters"]?.AsArray() ?? [])
                .Where(p => p!["in"]!.GetValue<string>() == "query").Select(p => p!["name"]!.GetValue<string>()).ToList();
            Assert.Equal(route.Taken!.Parameters.Select(p => p.Name).Order(), documented.Order());

            var query = documented.Select(name => (name, seeded.GetValueOrDefault(name) ?? Samples.GetValueOrDefault($"{route.Pattern} {name}") ?? Samples[name]))
                .ToArray();
            var path = await UrlAsync(route.Pattern);
            var (status, text) = await SendAsync("GET", path, query);
            Assert.True(status == 200, $"GET {path} with {string.Join(", ", query)} answered {status}: {text}");
        }
    }

    [Theory]
    [InlineData("/api/commitments?dialogue=a&dialogue=b", "dialogue", "given 2 times")]
    [InlineData("/api/timeline?kind=meeting&KIND=statement", "kind", "given 2 times")]
    [InlineData("/api/commitments?page=1&page=2&pageSize=10", "page", "given 2 times")]
    [InlineData("/api/timeline?kind=meetings", "kind", "meeting")]
    [InlineData("/api/timeline?status=done", "status", "in-progress")]
    [InlineData("/api/changes?from=2026-06-01&axis=sideways", "axis", "effective")]
    [InlineData("/api/commitments?status=done", "status", "in-progress")]
    [InlineData("/api/reports/commitment-register?status=done", "status", "in-progress")]
    [InlineData("/api/reports/meetings?status=postponed", "status", "cancelled")]
    [InlineData("/api/fields?health=sick", "health", "stalled")]
    [InlineData("/api/fields?format=xml", "format", "csv")]
    [InlineData("/api/reports/status?format=pdf", "format", "md")]
    [InlineData("/api/commitments?status=agreed,in-progress", "status", "in-progress")]
    [InlineData("/api/reports/commitment-register?status=agreed,fulfilled", "status", "in-progress")]
    [InlineData("/api/commitments?effectiveOn=", "effectiveOn", "empty")]
    [InlineData("/api/fields?recordedAt=", "recordedAt", "empty")]
    [InlineData("/api/timeline?kind=", "kind", "empty")]
    [InlineData("/api/commitments?status", "status", "empty")]
    [InlineData("/api/commitments?recordedAt=2026-11-01T10:00:00", "recordedAt", "offset")]
    [InlineData("/api/reports/commitment-register?overdue=maybe", "overdue", "true, false")]
    [InlineData("/api/reports/commitment-register?dueBefore=2026-13", "dueBefore", "2026-13")]
    [InlineData("/api/reports/commitment-register?overdue=true&overdue=false", "overdue", "given 2 times")]
    public async Task A_repeated_parameter_or_a_value_outside_its_closed_set_is_a_400_naming_the_parameter(string url, string parameter, string says)
    {
        var (status, body) = await GetAsync(url);

        Assert.Equal(400, status);
        AssertFieldError(body, parameter);
        Assert.Contains(says, body!["errors"]![parameter]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task The_timeline_shows_only_the_kinds_and_statuses_its_filters_take()
    {
        await SeedAsync();

        var (_, timeline) = await GetAsync("/api/timeline");

        Assert.NotEmpty(timeline!.AsArray());
        Assert.All(timeline.AsArray(), item => Assert.Contains(item!["kind"]!.GetValue<string>(), TimelineVocabulary.Kinds));
        Assert.All(timeline.AsArray().Select(i => i!["status"]?.GetValue<string>()).OfType<string>(), s => Assert.Contains(s, TimelineVocabulary.Statuses));
    }

    [Fact]
    public async Task A_caller_without_a_valid_token_is_told_401_before_any_parameter_is_checked()
    {
        var result = await Host.Scenario(x =>
        {
            x.Get.Url("/api/commitments?bogus=1");
            x.WithRequestHeader("Authorization", "Bearer not-a-token");
            x.IgnoreStatusCode();
        });

        Assert.Equal(401, result.Context.Response.StatusCode);
    }
}
