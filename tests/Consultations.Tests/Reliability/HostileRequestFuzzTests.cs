using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Consultations.Host.Infrastructure;
using Microsoft.AspNetCore.Routing;

namespace Consultations.Tests.Reliability;

/// <summary>
/// Over ten thousand hostile requests over every route of the service, read and write alike: hostile values in each query
/// parameter the route takes (and in one it does not), in each path segment, in the headers the service reads, and in
/// every member of a valid command body. None may answer 5xx; every refusal on the API is ProblemDetails; and the only
/// events stored are those the accepted writes say they appended, so no refused request stored anything.
/// </summary>
public class HostileRequestFuzzTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private sealed record Route(string Method, string Pattern, IReadOnlyList<string> Parameters, IReadOnlyList<string> Query);

    private sealed record Case(string Method, string Url, string? Body, string? Header, string? HeaderValue);

    // Hostile text: control characters, NUL, trailing newlines, broken Unicode, injections, overlong and odd numbers.
    private static readonly string[] Hostile =
    [
        "\0", "a\0b", "x\n", "JPIT-05\n", "\u0001", "\u001b[31m", "\u202e", "\ud800", "😀", "' or 1=1 --", "<script>alert(1)</script>",
        "../../etc/passwd", "%00", "{}", "-1", "2147483648", "2026-02-30", " ", new string('x', 5000),
    ];

    // Headers take the hostile values that make sense there (a header cannot carry a line break).
    private static readonly string[] HostileInHeaders = ["\0", "\u0001", "../../etc/passwd", "W/\"1\"", "-1", new string('x', 5000)];

    private static readonly string[] Headers = ["If-Match", "Idempotency-Key", "Accept", "Accept-Language", "X-Correlation-ID", "Authorization"];

    private IReadOnlyList<Route> Routes() =>
    [
        .. Host.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new Route(m,
                "/" + e.RoutePattern.RawText!.TrimStart('/'),
                [.. e.RoutePattern.Parameters.Select(p => p.Name)],
                [.. e.Metadata.GetMetadata<QueryParameterSet>()?.Parameters.Select(p => p.Name) ?? []])))
            .Where(r => r.Method is "GET" or "POST")
            .DistinctBy(r => (r.Method, r.Pattern)),
    ];

    // Route arguments that exist in the seeded record, so that hostile values elsewhere reach the code behind the 404.
    private static string Known(string parameter, string pattern) => parameter switch
    {
        "code" => "JPIT-06",
        "itemId" => "jpit-06-solar-physics-item",
        "milestoneId" => "design-review",
        _ when pattern.Contains("/meetings/", StringComparison.Ordinal) => "rome-summit-2026-06-15",
        _ when pattern.Contains("/statements/", StringComparison.Ordinal) => "jp-it-joint-statement-space-2026-06-15",
        _ when pattern.Contains("/action-plans/", StringComparison.Ordinal) => "action-plan-2024-2027",
        _ when pattern.Contains("/documents/", StringComparison.Ordinal) => "japan-italy-joint-statement-2026-06-15",
        _ when pattern.Contains("/dialogues/", StringComparison.Ordinal) => "japan-italy-space",
        _ => "jpit-06-solar-c",
    };

    private static string Fill(Route route, string? parameter = null, string? value = null) =>
        Regex.Replace(route.Pattern, "{([^}:?]+)[^}]*}", m => Uri.EscapeDataString(m.Groups[1].Value == parameter ? value! : Known(m.Groups[1].Value, route.Pattern)));

    private static IEnumerable<Case> Cases(IReadOnlyList<Route> routes)
    {
        foreach (var route in routes)
        {
            var body = route.Method == "POST" ? BadInputFuzzTests.Targets.FirstOrDefault(t => Matches(route, t.Url))?.Body ?? "{}" : null;
            foreach (var value in Hostile)
            {
                foreach (var name in route.Query.Append("x"))
                    yield return new Case(route.Method, $"{Fill(route)}?{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}", body, null, null);
                // No HTTP client can send a NUL in a path (Kestrel and Alba refuse it before any code of ours runs).
                foreach (var parameter in value.Contains('\0') ? [] : route.Parameters)
                    yield return new Case(route.Method, Fill(route, parameter, value), body, null, null);
            }

            foreach (var value in HostileInHeaders)
            foreach (var header in Headers)
                yield return new Case(route.Method, Fill(route), body, header, header == "Authorization" ? "Bearer " + value : value);
        }

        // Every member of every valid command body, given each hostile text.
        foreach (var target in BadInputFuzzTests.Targets)
        {
            var members = JsonNode.Parse(target.Body)!.AsObject().Select(p => p.Key).ToList();
            var n = 0;
            foreach (var member in members)
            foreach (var value in Hostile)
            {
                // The value alone, or as the one member of a list (where the member is a list, that is the case that bites).
                var body = JsonNode.Parse(target.Body)!.AsObject();
                body[member] = n++ % 2 == 0 || body[member] is not JsonArray ? value : new JsonArray(JsonValue.Create(value));
                yield return new Case("POST", target.Url, body.ToJsonString(), null, null);
            }
        }
    }

    private static bool Matches(Route route, string url) =>
        Regex.IsMatch(url, "^" + Regex.Replace(route.Pattern, "{[^}]+}", "[^/]+") + "$");

    [Fact]
    public async Task Ten_thousand_hostile_requests_over_every_route_answer_no_5xx_and_store_nothing_when_refused()
    {
        await SeedAsync();
        var before = await EventCountAsync();
        var routes = Routes();
        Assert.Contains(routes, r => r.Pattern == "/api/commitments/{id}/status");
        Assert.Contains(routes, r => r.Pattern == "/health/live");
        var cases = Cases(routes).ToList();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        long appended = 0;
        var sent = 0;
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (c, _) =>
        {
            var result = await Host.Scenario(x =>
            {
                if (c.Method == "GET") x.Get.Url(c.Url);
                else
                {
                    // Alba reads a POST's whole URL as a path: the query goes on the request itself.
                    var at = c.Url.IndexOf('?', StringComparison.Ordinal);
                    x.Post.Text(c.Body ?? "{}").ToUrl(at < 0 ? c.Url : c.Url[..at]);
                    if (at >= 0) x.ConfigureHttpContext(h => h.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString(c.Url[at..]));
                }

                if (c.Method == "POST") x.WithRequestHeader("Content-Type", "application/json");
                if (c.Header is not null) x.WithRequestHeader(c.Header, c.HeaderValue!);
                x.IgnoreStatusCode();
            });

            Interlocked.Increment(ref sent);
            var status = result.Context.Response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            var type = result.Context.Response.ContentType ?? "";
            if (status >= 500)
                failures.Enqueue($"{status} {c.Method} {Shorten(c.Url)} {c.Header}: {Shorten(c.HeaderValue ?? c.Body ?? "")} -> {Shorten(await result.ReadAsTextAsync())}");
            else if (status >= 400 && c.Url.StartsWith("/api", StringComparison.Ordinal) && !type.StartsWith("application/problem+json", StringComparison.Ordinal))
                failures.Enqueue($"{status} not ProblemDetails ({type}) {c.Method} {Shorten(c.Url)} {c.Header}");
            else if (status is >= 200 and < 300 && c.Method == "POST" && JsonNode.Parse(await result.ReadAsTextAsync())?["appended"] is { } n)
                Interlocked.Add(ref appended, n.GetValue<int>());
        });

        Console.WriteLine($"{sent} hostile requests in {clock.Elapsed.TotalSeconds:0} s: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(sent >= 10_000, $"Only {sent} hostile requests were sent.");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {sent} hostile requests were not answered cleanly:\n{string.Join("\n", failures.Take(30))}");
        Assert.True(statuses.Where(s => s.Key >= 400).Sum(s => s.Value) > sent / 2, string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        // Only the accepted writes stored anything, and exactly what they said they appended.
        Assert.Equal(before + appended, await EventCountAsync());
    }

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;
}
