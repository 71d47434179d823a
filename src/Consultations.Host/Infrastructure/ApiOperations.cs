using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Consultations.Host.Infrastructure;

/// <summary>
/// What every operation of the OpenAPI document shares, filled in from the finished document (ADR 0033): parameters
/// described with examples, the If-Match and Idempotency-Key headers of writes, the ETag, Location and paging headers
/// of answers, every media type an answer comes in, one ProblemDetails schema open to its extensions, tag descriptions
/// and the bearer scheme on each operation.
/// </summary>
public static class ApiOperations
{
    public const string ProblemSchema = "Problem";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Dialogues"] = "The bilateral dialogues every record belongs to.",
        ["Cooperation fields"] = "The fields a dialogue cooperates in, and each field's status summed from its records.",
        ["Documents"] = "The document register: the sources the record is drawn from.",
        ["Milestones"] = "Dated events the sources name (anniversaries, chairmanships, conferences).",
        ["Meetings"] = "Summits, consultations and working groups: scheduled, held, their outcome and decisions.",
        ["Joint statements"] = "Joint statements, their clauses and their adoption.",
        ["Action plans"] = "Action plans, their items and the items' progress.",
        ["Commitments"] = "Commitments, their lifecycle, parties' progress, compliance and milestones.",
        ["Corrections"] = "Voids and corrections of entries already on record.",
        ["Timeline"] = "Everything in effective-date order.",
        ["Search"] = "Full-text search over the record.",
        ["Reports"] = "The reporting views and the printable status report.",
        ["Auditing"] = "The audit trail, changes between two points in time, and the tamper-evident ledger.",
    };

    public static void Complete(OpenApiDocument document)
    {
        // The repository grants no licence; the SPDX "LicenseRef-" form says so without naming one it does not have.
        document.Info.License = new OpenApiLicense { Name = "No licence granted", Identifier = "LicenseRef-None" };
        document.Servers = [new OpenApiServer { Url = "/", Description = "The service that serves this document (locally http://localhost:5080)." }];
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();
        document.Tags = new HashSet<OpenApiTag>(
            (document.Tags ?? new HashSet<OpenApiTag>()).Select(t => new OpenApiTag { Name = t.Name, Description = TagDescriptions.GetValueOrDefault(t.Name ?? "", $"{t.Name}.") }));
        var problem = new OpenApiSchemaReference(ProblemSchema, document);
        var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] };

        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var isWrite = method != HttpMethod.Get;
                operation.Security = [bearer];
                Summarise(operation);
                Describe(path, operation, isWrite);
                Answers(path, operation, isWrite, problem);
            }
        }
    }

    /// <summary>A summary from the operation id ("voidEntry" → "Void entry"); a description from the method's documentation, else from its tag.</summary>
    private static void Summarise(OpenApiOperation operation)
    {
        var id = operation.OperationId ?? "";
        var words = System.Text.RegularExpressions.Regex.Replace(id, "(?<=[a-z0-9])(?=[A-Z])", " ").ToLowerInvariant();
        operation.Summary = words.Length == 0 ? operation.Summary : char.ToUpperInvariant(words[0]) + words[1..];
        if (string.IsNullOrWhiteSpace(operation.Description) || operation.Description.Contains('_', StringComparison.Ordinal) && !operation.Description.Contains(' ', StringComparison.Ordinal))
        {
            var tag = operation.Tags?.FirstOrDefault()?.Name;
            operation.Description = $"{operation.Summary}." + (tag is not null && TagDescriptions.TryGetValue(tag, out var about) ? $" {tag}: {about}" : "");
        }
    }

    private static void Describe(string path, OpenApiOperation operation, bool isWrite)
    {
        operation.Parameters ??= [];
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            var known = ApiVocabulary.Parameters.TryGetValue(parameter.Name ?? "", out var words);
            parameter.Description ??= known ? words.Description : $"Only records whose {parameter.Name} is this one.";
            parameter.Example = JsonValue.Create(known ? words.Example : "x");
            if (parameter.Name == "format" && parameter.Schema is OpenApiSchema format)
            {
                string[] formats = path == "/api/reports/status" ? [.. Reports.ReportFormats.Names] : ["json", "csv"];
                format.Enum = [.. formats.Select(f => (JsonNode)JsonValue.Create(f))];
                parameter.Example = JsonValue.Create(formats[1]);
                parameter.Description = path == "/api/reports/status"
                    ? "html (default): one printable page; md: Markdown; pdf: printed by the server's Chromium (503 when it has none); docx: Word."
                    : parameter.Description;
            }
        }

        if (!isWrite) return;
        Header(operation, "If-Match", ApiVocabulary.IfMatch, "\"7\"");
        Header(operation, "Idempotency-Key", ApiVocabulary.IdempotencyKey, "2f1c7e9a-4d0b-4c41-9f5e-3a8d1b6e2c77");
    }

    private static void Header(OpenApiOperation operation, string name, string description, string example)
    {
        if (operation.Parameters!.Any(p => p.Name == name && p.In == ParameterLocation.Header)) return;
        operation.Parameters!.Add(new OpenApiParameter
        {
            Name = name, In = ParameterLocation.Header, Required = false, Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = JsonValue.Create(example),
        });
    }

    private static void Answers(string path, OpenApiOperation operation, bool isWrite, IOpenApiSchema problem)
    {
        operation.Responses ??= [];
        void Problem(string status, string description) => operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
        };

        Problem("400", "The request is invalid: `errors` names each field, query parameter or header at fault (unknown, repeated, or with a value it does not take).");
        Problem("401", "No valid bearer token.");
        Problem("403", "The token's roles do not allow this.");
        if (path.Contains('{', StringComparison.Ordinal) || isWrite) Problem("404", "No such record.");
        else operation.Responses.Remove("404");
        if (isWrite)
        {
            Problem("409", "The command contradicts the record (`rule` names the rule), or another write reached the record first (`rule: stale-version`, `currentVersion`).");
            Problem("422", "The command breaks a rule of the record whatever it holds (`rule` names the rule), or an Idempotency-Key was reused for another request.");
        }

        if (path == "/api/reports/status")
        {
            Problem("503", "format=pdf and the server has no Chromium to print with (`rule: pdf-needs-chromium`).");
            if (operation.Responses.TryGetValue("200", out var report) && report is OpenApiResponse ok && ok.Content is { } media)
            {
                ok.Description = "The status report.";
                foreach (var binary in new[] { "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" })
                    media[binary] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            }
        }

        foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('2')).ToList())
        {
            if (response is not OpenApiResponse answer) continue;
            answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
            if (isWrite)
            {
                answer.Headers["ETag"] = Head("The record's version after the write, for a later If-Match.", "\"8\"");
                answer.Headers["Idempotent-Replayed"] = Head("true when this is the first answer given again for a repeated Idempotency-Key.", "true");
                if (status == "201") answer.Headers["Location"] = Head("Where the new record is read.", "/api/commitments/jpit-06-solar-c");
            }
            else if (path.Contains('{', StringComparison.Ordinal))
            {
                answer.Headers["ETag"] = Head("The record's version, to send back as If-Match with a write.", "\"7\"");
            }
            else if (Takes(operation, Paging.PageSizeParameter))
            {
                answer.Headers["X-Total-Count"] = Head("How many items the whole list holds.", "23");
                answer.Headers["Link"] = Head("When there is more than one page or a page was asked for: the first, prev, next and last pages.", "</api/commitments?page=2&pageSize=10>; rel=\"next\"");
                if (!Takes(operation, "format")) continue;
                answer.Content ??= new Dictionary<string, OpenApiMediaType>();
                answer.Content["text/csv"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "RFC 4180 CSV, UTF-8 with a byte-order mark, one row per item; cells that a spreadsheet would run as a formula start with '." },
                };
            }
        }
    }

    private static bool Takes(OpenApiOperation operation, string parameter) =>
        operation.Parameters?.Any(p => p.Name == parameter && p.In == ParameterLocation.Query) == true;

    private static OpenApiHeader Head(string description, string example) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = JsonValue.Create(example) };

    /// <summary>ProblemDetails as the API answers it: RFC 9457 members and this API's extensions; other extensions may come.</summary>
    private static OpenApiSchema Problem()
    {
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem. Nothing was stored.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("A URI naming the kind of problem."),
                ["title"] = Text("A short summary of the problem."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
                ["detail"] = Text("What went wrong in this request."),
                ["instance"] = Text("The request's path."),
                ["traceId"] = Text("The request's trace id, also the events' correlation id and in the logs."),
                ["rule"] = Text("The rule the command broke (409, 422), e.g. commitment-lifecycle, stale-version."),
                ["currentVersion"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Description = "With rule stale-version: the record's version now." },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Each field, query parameter or header at fault, with what is wrong with it.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        };
    }
}
