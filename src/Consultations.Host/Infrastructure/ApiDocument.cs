using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Consultations.Host.Infrastructure;

/// <summary>
/// Completes the OpenAPI document centrally, so endpoint files carry no documentation plumbing: schemas (partial dates,
/// records with their history), the query parameters middleware reads, and then <see cref="ApiOperations.Complete"/>.
/// </summary>
public static class ApiDocument
{
    public static void Configure(OpenApiOptions options)
    {
        // Every endpoint's body is a nested `Request` record; name schemas after their endpoint so they stay distinct.
        options.CreateSchemaReferenceId = info =>
            info.Type.IsNested && info.Type.Name == "Request" && info.Type.DeclaringType is { } endpoint
                ? endpoint.Name.Replace("Endpoint", "") + "Request"
                : OpenApiOptions.CreateDefaultSchemaReferenceId(info);

        // A record with its history is written flat (WithHistoryConverterFactory): the record's members, then version and history.
        options.AddSchemaTransformer(async (schema, context, ct) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Auditing.WithHistory<>)) return;
            var record = await context.GetOrCreateSchemaAsync(type.GetGenericArguments()[0], null, ct);
            var history = await context.GetOrCreateSchemaAsync(typeof(IReadOnlyList<Auditing.HistoryEntry>), null, ct);
            schema.Type = JsonSchemaType.Object;
            schema.Properties = new Dictionary<string, IOpenApiSchema>(record.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                ["version"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Description = "The record's version (its ETag)." },
                ["history"] = history,
            };
            schema.Required = new HashSet<string>(record.Required ?? new HashSet<string>()) { "version", "history" };
        });

        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type == typeof(PartialDate))
            {
                schema.Type = JsonSchemaType.String;
                schema.Pattern = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";
                schema.Description = "A date known to the year, month or day: yyyy, yyyy-MM or yyyy-MM-dd.";
                schema.Examples = [System.Text.Json.Nodes.JsonValue.Create("2026-06-15")];
            }

            // Nullable members may be left out of a request (JsonConventions); say so.
            if (schema.Required is { Count: > 0 } required)
            {
                foreach (var property in context.JsonTypeInfo.Properties.Where(p => p.AssociatedParameter is { IsNullable: true }))
                    required.Remove(property.Name);
            }

            return Task.CompletedTask;
        });

        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Consultations",
                Version = "v1",
                Description = "An event-sourced record of bilateral government consultations: meetings, joint statements, " +
                              "action plans, commitments and cooperation fields. Every change is an immutable event; " +
                              "reads come from projections. Every /api route needs a bearer token (JWT) whose `role` claims allow it: " +
                              "secretariat records, auditor reads everything including replays and the audit trail, reporter reads projections.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token from your identity provider, or locally: `dotnet run --project src/Consultations.Host -- token --user NAME --role secretariat`.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
            return Task.CompletedTask;
        });

        options.AddOperationTransformer((operation, context, _) =>
        {
            // What the endpoint does, in the words of its method's XML documentation (ApiOperations fills in the rest).
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var method = metadata.OfType<Wolverine.Http.HttpChain>().FirstOrDefault()?.Method.Method
                         ?? metadata.OfType<System.Reflection.MethodInfo>().FirstOrDefault();
            if (method is not null && XmlDocs.Summary(method) is { } documented) operation.Description = documented;

            // The endpoint's own query parameters are documented from its method; those middleware reads are added here.
            var taken = context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryParameterSet>().FirstOrDefault();
            foreach (var parameter in taken?.Parameters.Where(p => p.Description is not null) ?? [])
            {
                operation.Parameters ??= [];
                if (operation.Parameters.Any(p => p.Name == parameter.Name && p.In == ParameterLocation.Query)) continue;
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = parameter.Name, In = ParameterLocation.Query, Description = parameter.Description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }

            return Task.CompletedTask;
        });

        // Last: what every operation shares (parameters, headers, answers, problems, security), from the finished document.
        options.AddDocumentTransformer((document, _, _) =>
        {
            ApiOperations.Complete(document);
            return Task.CompletedTask;
        });
    }
}
