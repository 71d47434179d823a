using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Consultations.Host.Infrastructure;

/// <summary>
/// The one place a JSON body becomes a command, for the API and for record files. The body is parsed into a
/// <see cref="JsonDocument"/> and walked against System.Text.Json's own contract for the command type (member names,
/// required and nullable members, element types), so the path of every member is known as it is read and each one
/// at fault is named, all at once. Only a body that fits the contract is bound, by System.Text.Json with the same
/// options. No framework message is read to find a name.
/// </summary>
public static class CommandBody
{
    /// <summary>The most members any list in a command may have (parties, agencies, decisions, evidence…).</summary>
    public const int MaxListItems = 100;

    public static object Read(ReadOnlyMemory<byte> json, Type type, JsonSerializerOptions options)
    {
        if (json.Span.Trim(" \t\r\n"u8).IsEmpty) throw InvalidCommand.For("body", "is empty: send a JSON object.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw InvalidCommand.For("body", $"is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}).");
        }

        using (document) return Read(document.RootElement, type, options);
    }

    public static object Read(JsonElement json, Type type, JsonSerializerOptions options)
    {
        var walk = new Walk(options);
        walk.Value(json, type, "");
        if (walk.Errors.Count > 0) throw new InvalidCommand(walk.Errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        try
        {
            return json.Deserialize(type, options)!;
        }
        catch (JsonException e)
        {
            // Not expected once the walk found nothing; the path is System.Text.Json's structured one, never its text.
            throw InvalidCommand.For(Walk.Field((e.Path ?? "$").TrimStart('$').TrimStart('.')), "could not be read.");
        }
    }

    private sealed class Walk(JsonSerializerOptions options)
    {
        public Dictionary<string, List<string>> Errors { get; } = [];

        public void Value(JsonElement json, Type type, string path)
        {
            var contract = options.GetTypeInfo(type);
            switch (contract.Kind)
            {
                case JsonTypeInfoKind.Object when json.ValueKind != JsonValueKind.Object:
                    Fail(path, path.Length == 0 ? "must be a JSON object." : "must be an object.");
                    break;
                case JsonTypeInfoKind.Object:
                    Members(json, contract, path);
                    break;
                case JsonTypeInfoKind.Enumerable when json.ValueKind != JsonValueKind.Array:
                    Fail(path, "must be a list.");
                    break;
                case JsonTypeInfoKind.Enumerable when json.GetArrayLength() > MaxListItems:
                    Fail(path, $"has {json.GetArrayLength()} members; a list holds at most {MaxListItems}.");
                    break;
                case JsonTypeInfoKind.Enumerable:
                    var element = contract.ElementType!;
                    var index = 0;
                    foreach (var item in json.EnumerateArray())
                        ValueOrNull(item, element, Nullable.GetUnderlyingType(element) is not null, $"{path}[{index++}]");
                    break;
                default:
                    if (json.ValueKind == JsonValueKind.String && Unreadable(json) is { } problem) Fail(path, problem);
                    // Readable text into a text member has no converter to try (most values of a record file, ADR 0062).
                    else if (!(type == typeof(string) && json.ValueKind == JsonValueKind.String) && !CanRead(json, type)) Fail(path, Expected(type, json));
                    break;
            }
        }

        // Members are matched as System.Text.Json matches them: by their exact (camelCase) name, and only those it can set.
        private void Members(JsonElement json, JsonTypeInfo contract, string path)
        {
            var given = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in json.EnumerateObject())
            {
                var at = Join(path, member.Name);
                if (!given.Add(member.Name))
                {
                    Fail(at, "is given more than once.");
                    continue;
                }

                var property = contract.Properties.FirstOrDefault(p => p.Name == member.Name && (p.AssociatedParameter is not null || p.Set is not null));
                if (property is null) Fail(at, "is not a known field.");
                else ValueOrNull(member.Value, property.PropertyType, property.AssociatedParameter?.IsNullable ?? property.IsSetNullable, at);
            }

            foreach (var property in contract.Properties.Where(p => p.IsRequired && !given.Contains(p.Name)))
                Fail(Join(path, property.Name), "is required.");
        }

        private void ValueOrNull(JsonElement json, Type type, bool mayBeNull, string path)
        {
            if (json.ValueKind != JsonValueKind.Null) Value(json, Nullable.GetUnderlyingType(type) ?? type, path);
            else if (!mayBeNull) Fail(path, "must not be null.");
        }

        // Whatever the field, text with NUL, another control character (line breaks and tabs aside) or broken Unicode is
        // refused here, before it can reach PostgreSQL (which cannot store NUL) or a header; ids, codes and names have stricter rules of their own.
        private static string? Unreadable(JsonElement json)
        {
            string text;
            try
            {
                text = json.GetString()!;
            }
            catch (InvalidOperationException)
            {
                return "is not valid Unicode text.";
            }

            return TextRules.FirstUnreadable(text, prose: true) is { } at
                ? $"has a control character or broken Unicode at position {at + 1}: only line breaks and tabs are allowed."
                : null;
        }

        // A single value (text, number, date, enum word) is tried with the converter the binding will use.
        private bool CanRead(JsonElement json, Type type)
        {
            try
            {
                json.Deserialize(type, options);
                return true;
            }
            catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException or NotSupportedException)
            {
                return false;
            }
        }

        private static string Expected(Type type, JsonElement json)
        {
            if (type == typeof(PartialDate))
            {
                // A well-formed date outside the years the record holds is too late or too early, not "not a date".
                var text = json.ValueKind == JsonValueKind.String ? json.GetString() : json.GetRawText();
                return PartialDate.YearOutsideRecord(text) switch
                {
                    > 2200 => $"'{text}' is after today; the record holds dates from 1900 to 2200.",
                    { } => $"'{text}' is before 1900; the record holds dates from 1900 to 2200.",
                    null => "is not a date: use yyyy, yyyy-MM or yyyy-MM-dd.",
                };
            }

            if (type.IsEnum) return $"must be one of: {string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.KebabCaseLower.ConvertName))}.";
            if (type == typeof(string)) return "must be a string.";
            if (type == typeof(bool)) return "must be true or false.";
            if (type == typeof(int) || type == typeof(long)) return "must be a whole number.";
            return "has the wrong type.";
        }

        private void Fail(string path, string message)
        {
            var field = Field(path);
            if (!Errors.TryGetValue(field, out var list)) Errors[field] = list = [];
            list.Add(message);
        }

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

        public static string Field(string path) => path.Length == 0 ? "body" : path;
    }
}

/// <summary>
/// Reads the body of every endpoint that accepts a JSON command with <see cref="CommandBody"/> before the endpoint
/// runs, and answers a body it cannot bind with a 400 naming each field at fault. A body that passes is rewound for
/// the endpoint, whose own binding (System.Text.Json with these same options) then has nothing left to refuse.
/// </summary>
public sealed class CommandBodies(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IProblemDetailsService problems)
    {
        var request = context.Request;
        var accepts = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>();
        if (accepts?.RequestType is not { } type || !accepts.ContentTypes.Contains("application/json")
            || (request.ContentType is not null && !request.HasJsonContentType()))
        {
            await next(context);
            return;
        }

        request.EnableBuffering(bufferThreshold: 64 * 1024);
        var body = await ReadAsync(request, context.RequestAborted);
        request.Body.Position = 0;
        if (body is null)
        {
            await ProblemMapping.WriteAsync(context, problems, StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
                $"Bodies are limited to {RequestLimits.MaxBodyBytes / 1024} KiB.");
            return;
        }

        try
        {
            if (body.Length > 0 || !accepts.IsOptional) CommandBody.Read(body, type, json.Value.SerializerOptions);
        }
        catch (InvalidCommand invalid)
        {
            await ProblemMapping.WriteAsync(context, problems, invalid);
            return;
        }

        await next(context);
    }

    // The whole body, or null when it is over the limit (a chunked body has no Content-Length for RequestLimits to check).
    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (body.Length + read > RequestLimits.MaxBodyBytes) return null;
            body.Write(chunk, 0, read);
        }

        return body.ToArray();
    }
}
