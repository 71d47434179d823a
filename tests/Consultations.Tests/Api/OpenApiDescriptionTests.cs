using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Consultations.Tests.Api;

/// <summary>The OpenAPI document is one a client generator and a reader can use, and a maintained linter passes it (ADR 0033).</summary>
public partial class OpenApiDescriptionTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Redocly = "@redocly/cli@2.77.0";

    private async Task<(string Text, JsonNode Document)> DocumentAsync()
    {
        var result = await Host.Scenario(x => x.Get.Url("/openapi/v1.json"));
        var text = await result.ReadAsTextAsync();
        return (text, JsonNode.Parse(text)!);
    }

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(m => m.Key is "get" or "post" or "put" or "delete" or "patch")
            .Select(m => (p.Key, m.Key, m.Value!.AsObject())));

    [Fact]
    public async Task Every_operation_says_what_it_does_under_an_id_that_makes_a_good_method_name()
    {
        var (_, document) = await DocumentAsync();
        var operations = Operations(document).ToList();
        var tags = document["tags"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["description"]?.GetValue<string>());

        Assert.True(operations.Count >= 60, $"{operations.Count} operations");
        Assert.Equal(operations.Count, operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).Distinct().Count());
        foreach (var (path, method, operation) in operations)
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            Assert.Matches("^[a-z][A-Za-z]+$", operation["operationId"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{name} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>()), $"{name} has no description");
            var tag = Assert.Single(operation["tags"]!.AsArray())!.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(tags[tag]), $"tag {tag} has no description");
            Assert.Contains("bearer", operation["security"]!.AsArray().SelectMany(s => s!.AsObject().Select(r => r.Key)));
        }
    }

    [Fact]
    public async Task Every_operation_has_its_own_summary_and_a_description_in_words_not_its_route_name()
    {
        var (_, document) = await DocumentAsync();
        var operations = Operations(document).ToList();
        var routeName = new Regex("^(GET|POST|PUT|PATCH|DELETE)_", RegexOptions.IgnoreCase);

        foreach (var (path, method, operation) in operations)
        {
            var summary = operation["summary"]!.GetValue<string>();
            var description = operation["description"]!.GetValue<string>();
            Assert.DoesNotMatch(routeName, summary);
            Assert.DoesNotMatch(routeName, description);
            Assert.Contains(' ', description);
        }

        var voidEntry = operations.Single(o => o.Operation["operationId"]!.GetValue<string>() == "voidEntry").Operation;
        Assert.Equal("Void entry", voidEntry["summary"]!.GetValue<string>());
        // The endpoint method's <summary> comment, read from the Host's XML documentation file.
        Assert.StartsWith("Void an entry recorded in error: the views then read as if it had never been recorded", voidEntry["description"]!.GetValue<string>());
        Assert.Equal(operations.Count, operations.Select(o => o.Operation["summary"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task Every_parameter_and_header_is_described_with_an_example()
    {
        var (_, document) = await DocumentAsync();

        foreach (var (path, method, operation) in Operations(document))
        {
            var parameters = operation["parameters"]?.AsArray() ?? [];
            foreach (var parameter in parameters)
            {
                var name = $"{method.ToUpperInvariant()} {path} {parameter!["name"]}";
                Assert.False(string.IsNullOrWhiteSpace(parameter["description"]?.GetValue<string>()), $"{name} is not described");
                Assert.NotNull(parameter["example"]);
            }

            if (method != "post") continue;
            var headers = parameters.Where(p => p!["in"]!.GetValue<string>() == "header").Select(p => p!["name"]!.GetValue<string>()).ToList();
            Assert.Contains("If-Match", headers);
            Assert.Contains("Idempotency-Key", headers);
            var ok = operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('2')).ToList();
            Assert.NotEmpty(ok);
            Assert.All(ok, r => Assert.NotNull(r.Value!["headers"]!["ETag"]));
        }

        var format = Operations(document).Single(o => o.Path == "/api/reports/status").Operation["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "format")!;
        Assert.Equal(["html", "md", "pdf", "docx"], format["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task Problems_name_their_extensions_and_stay_open_to_more()
    {
        var (_, document) = await DocumentAsync();
        var problem = document["components"]!["schemas"]!["Problem"]!;

        foreach (var member in new[] { "rule", "errors", "traceId", "currentVersion", "title", "status", "detail" })
            Assert.NotNull(problem["properties"]![member]);
        Assert.NotEqual("false", problem["additionalProperties"]?.ToJsonString());
        foreach (var (path, method, operation) in Operations(document))
        {
            foreach (var (status, response) in operation["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5'))
                Assert.True(response!["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>() == "#/components/schemas/Problem",
                    $"{method} {path} {status} is not a Problem");
        }
    }

    [Fact]
    public async Task Answers_list_every_media_type_they_come_in()
    {
        var (_, document) = await DocumentAsync();
        JsonObject Content(string path) => Operations(document).Single(o => o.Path == path && o.Method == "get").Operation["responses"]!["200"]!["content"]!.AsObject();

        Assert.Equal(["text/html", "text/markdown", "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
            Content("/api/reports/status").Select(c => c.Key));
        foreach (var list in new[] { "/api/commitments", "/api/fields", "/api/timeline", "/api/reports/commitment-register" })
            Assert.Equal(["application/json", "text/csv"], Content(list).Select(c => c.Key));
    }

    [Fact]
    public async Task Computed_members_are_not_offered_as_input()
    {
        var (_, document) = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var seen = new HashSet<string>();

        void Walk(JsonNode? schema, string where)
        {
            if (schema is null) return;
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                var name = reference.Split('/')[^1];
                if (seen.Add(name)) Walk(schemas[name], name);
                return;
            }

            foreach (var (member, child) in schema["properties"]?.AsObject() ?? [])
            {
                Assert.False(member is "end" or "isInOrder" && child?["readOnly"]?.GetValue<bool>() != true, $"{where} offers the computed member '{member}' as input");
                Walk(child, $"{where}.{member}");
            }

            Walk(schema["items"], where);
            foreach (var key in new[] { "oneOf", "anyOf", "allOf" })
                foreach (var alternative in schema[key]?.AsArray() ?? []) Walk(alternative, where);
        }

        foreach (var (path, _, operation) in Operations(document))
            Walk(operation["requestBody"]?["content"]?["application/json"]?["schema"], path);
        Assert.NotEmpty(seen);
    }

    [Fact]
    public async Task Every_query_parameter_the_readme_documents_is_in_the_document()
    {
        var (_, document) = await DocumentAsync();
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "README.md"));
        var documented = ReadmeRoutes().Matches(readme).ToList();

        Assert.True(documented.Count >= 8, $"{documented.Count} routes with query parameters in the README");
        foreach (Match route in documented)
        {
            var path = route.Groups[1].Value;
            var operation = Operations(document).SingleOrDefault(o => o.Path == path && o.Method == "get").Operation;
            Assert.True(operation is not null, $"The README documents GET {path}, the document does not");
            var parameters = (operation["parameters"]?.AsArray() ?? []).Select(p => p!["name"]!.GetValue<string>()).ToHashSet();
            foreach (var name in route.Groups[2].Value.Split('&').Select(p => p.Split('=')[0]).Where(p => p.Length > 0))
                Assert.True(parameters.Contains(name), $"The README documents GET {path}?{name}=, the document does not");
        }
    }

    [Fact]
    public async Task A_maintained_linter_finds_no_error_and_no_warning()
    {
        var (text, _) = await DocumentAsync();
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, text);
        try
        {
            var start = new ProcessStartInfo("npx") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
            foreach (var arg in new[] { "--yes", Redocly, "lint", file, "--format", "stylish" }) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token);
            var all = await output + await errors;
            Assert.True(process.ExitCode == 0, $"redocly lint failed (npx {Redocly}; .ci/run installs it):\n{all}");
            Assert.DoesNotContain(" warning ", all, StringComparison.Ordinal);
            Assert.DoesNotContain(" error ", all, StringComparison.Ordinal);
            Assert.Contains("valid", all, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Consultations.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (Consultations.sln) is not above " + AppContext.BaseDirectory);
    }

    // `GET /api/commitments?dialogue=&field=…` and `GET /api/search?q=&kind=…`, in the README's tables and examples.
    [GeneratedRegex(@"`GET (/api/[a-z/-]+)\?([^`]+)`")]
    private static partial Regex ReadmeRoutes();
}
