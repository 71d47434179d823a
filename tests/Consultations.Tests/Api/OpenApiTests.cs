using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace Consultations.Tests.Api;

public class OpenApiTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<(int Status, string ContentType, string Text)> GetTextAsync(string url)
    {
        var result = await Host.Scenario(x =>
        {
            x.Get.Url(url);
            x.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, result.Context.Response.ContentType ?? "", await result.ReadAsTextAsync());
    }

    private async Task<OpenApiDocument> DocumentAsync()
    {
        var (status, contentType, text) = await GetTextAsync("/openapi/v1.json");
        Assert.Equal(200, status);
        Assert.StartsWith("application/json", contentType);

        var (document, diagnostic) = OpenApiDocument.Parse(text, "json");

        Assert.NotNull(diagnostic);
        Assert.True(diagnostic.Errors.Count == 0,
            "The OpenAPI document has errors: " + string.Join("; ", diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}")));
        Assert.NotNull(document);
        return document;
    }

    /// <summary>Every /api route the app maps, with its HTTP methods, as ASP.NET Core's routing knows them.</summary>
    private List<(string Path, string Method)> ApiEndpoints()
    {
        var sources = Host.Services.GetRequiredService<EndpointDataSource>();
        var routes = new List<(string, string)>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (!pattern.StartsWith('/')) pattern = "/" + pattern;
            if (!pattern.StartsWith("/api/") && pattern != "/api") continue;
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [];
            Assert.True(methods.Count > 0, $"{pattern} answers any method");
            routes.AddRange(methods.Select(m => (pattern, m.ToUpperInvariant())));
        }

        return routes;
    }

    private static OpenApiOperation? Operation(OpenApiDocument document, string path, string method) =>
        document.Paths.TryGetValue(path, out var item) && item.Operations is { } operations
        && operations.TryGetValue(new HttpMethod(method), out var operation)
            ? operation
            : null;

    [Fact]
    public async Task The_document_parses_without_errors_and_names_the_api()
    {
        var document = await DocumentAsync();

        Assert.Equal("Consultations", document.Info.Title);
        Assert.Equal("v1", document.Info.Version);
        Assert.NotEmpty(document.Paths);
    }

    [Fact]
    public void The_app_maps_the_routes_of_every_record_kind()
    {
        var endpoints = ApiEndpoints();

        Assert.Contains(("/api/fields", "GET"), endpoints);
        Assert.Contains(("/api/fields/{code}", "GET"), endpoints);
        Assert.Contains(("/api/timeline", "GET"), endpoints);
        Assert.Contains(("/api/search", "GET"), endpoints);
        Assert.Contains(("/api/commitments/{id}/status", "POST"), endpoints);
        Assert.Contains(("/api/dialogues", "POST"), endpoints);
        Assert.Contains(("/api/action-plans/{id}/items/{itemId}/progress", "POST"), endpoints);
        Assert.True(endpoints.Count >= 33, $"only {endpoints.Count} /api endpoints");
        Assert.Equal(endpoints.Count, endpoints.Distinct().Count());
    }

    [Fact]
    public async Task The_document_lists_every_route_the_app_exposes()
    {
        var document = await DocumentAsync();
        var endpoints = ApiEndpoints();
        Assert.NotEmpty(endpoints);

        var missing = endpoints.Where(e => Operation(document, e.Path, e.Method) is null).Select(e => $"{e.Method} {e.Path}").ToList();

        Assert.True(missing.Count == 0, "Not in the OpenAPI document: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task The_document_lists_no_route_the_app_does_not_expose()
    {
        var document = await DocumentAsync();
        var endpoints = ApiEndpoints().ToHashSet();

        var phantoms = document.Paths
            .SelectMany(p => (p.Value.Operations ?? []).Select(o => (Path: p.Key, Method: o.Key.Method.ToUpperInvariant())))
            .Where(o => !endpoints.Contains(o))
            .Select(o => $"{o.Method} {o.Path}")
            .ToList();

        Assert.True(phantoms.Count == 0, "Documented but not mapped: " + string.Join(", ", phantoms));
    }

    [Fact]
    public async Task Every_write_documents_its_body_and_its_refusals()
    {
        var document = await DocumentAsync();
        var posts = ApiEndpoints().Where(e => e.Method == "POST").ToList();
        Assert.True(posts.Count >= 20, $"only {posts.Count} POST endpoints");

        var faults = new List<string>();
        foreach (var (path, method) in posts)
        {
            var operation = Operation(document, path, method);
            if (operation is null)
            {
                faults.Add($"{method} {path}: not documented");
                continue;
            }

            if (operation.RequestBody?.Content is not { } content || !content.ContainsKey("application/json"))
                faults.Add($"{method} {path}: no application/json request body");
            foreach (var status in new[] { "400", "409" })
            {
                if (operation.Responses is null || !operation.Responses.TryGetValue(status, out var response))
                    faults.Add($"{method} {path}: no {status} response");
                else if (response.Content is null || !response.Content.ContainsKey("application/problem+json"))
                    faults.Add($"{method} {path}: {status} is not a problem+json answer");
            }
        }

        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public async Task Reads_document_a_400_and_reads_of_one_record_a_404()
    {
        var document = await DocumentAsync();

        foreach (var (path, method) in ApiEndpoints().Where(e => e.Method == "GET"))
        {
            var operation = Operation(document, path, method);
            Assert.NotNull(operation);
            Assert.True(operation.Responses!.ContainsKey("200"), $"{path} has no 200");
            Assert.True(operation.Responses.ContainsKey("400"), $"{path} has no 400");
            Assert.Equal(path.Contains('{'), operation.Responses.ContainsKey("404"));
        }
    }

    [Fact]
    public async Task The_status_change_is_documented_with_its_operation_id_and_path_parameter()
    {
        var document = await DocumentAsync();

        var operation = Operation(document, "/api/commitments/{id}/status", "POST");

        Assert.NotNull(operation);
        Assert.Equal("changeCommitmentStatus", operation.OperationId);
        var parameter = Assert.Single(operation.Parameters!, p => p.Name == "id");
        Assert.Equal(ParameterLocation.Path, parameter.In);
        Assert.True(parameter.Required);
        Assert.Contains(operation.Responses!.Keys, k => k == "404");
        Assert.Contains(operation.Responses!.Keys, k => k == "422");
    }

    [Fact]
    public async Task The_scalar_reference_is_an_html_page()
    {
        var (status, contentType, text) = await GetTextAsync("/scalar/v1");

        Assert.Equal(200, status);
        Assert.StartsWith("text/html", contentType);
        Assert.Contains("<html", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Consultations API", text);
    }

    [Fact]
    public async Task The_root_serves_the_web_dashboard()
    {
        var result = await Host.Scenario(x =>
        {
            x.Get.Url("/");
            x.IgnoreStatusCode();
        });

        Assert.Equal(200, result.Context.Response.StatusCode);
        Assert.StartsWith("text/html", result.Context.Response.ContentType);
        Assert.Contains("Dashboard", await result.ReadAsTextAsync());
    }
}
