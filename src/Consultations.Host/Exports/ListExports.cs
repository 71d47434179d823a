using System.Globalization;
using System.Text.Json.Nodes;
using Consultations.Domain.Common;
using Consultations.Host.Infrastructure;

namespace Consultations.Host.Exports;

/// <summary>
/// Another representation of the same lists: the list endpoints stay typed JSON (and documented as such), and this
/// middleware filters, pages and turns their answer into CSV when asked (<c>?format=csv</c> or <c>Accept: text/csv</c>).
/// Without paging parameters a list is answered whole, in the JSON array shape clients already read; the total count is
/// always in <c>X-Total-Count</c>, and a page gets a <c>Link</c> header.
/// </summary>
public sealed class ListExports(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method) || !ExportShapes.All.TryGetValue(http.Request.Path.Value?.TrimEnd('/') ?? "", out var shape))
        {
            await next(http);
            return;
        }

        var query = http.Request.Query;
        var csv = WantsCsv(http, query[Format]);
        var paging = Paging.Read(query[Page], query[PageSize]);
        var filters = shape.Filters.Select(f => f.Read(query)).OfType<Func<JsonNode, bool>>().ToList();

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        buffer.Position = 0;
        if (http.Response.StatusCode != StatusCodes.Status200OK || http.Response.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true
            || JsonNode.Parse(buffer) is not JsonArray array)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, http.RequestAborted);
            return;
        }

        IReadOnlyList<JsonNode> items = [.. array.OfType<JsonNode>().Where(item => filters.All(keep => keep(item)))];
        items = paging.Apply(items, http);
        http.Response.Headers.Vary = "Accept";
        http.Response.Headers.ContentLength = null;
        if (csv)
        {
            var axes = Auditing.Axes.Requested(query, http.RequestServices.GetRequiredService<TimeProvider>());
            var suffix = (axes?.FileSuffix ?? "") + (paging.Requested ? $"-page-{paging.Page}" : "");
            http.Response.ContentType = CsvContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{shape.FileName}{suffix}.csv\"";
            await original.WriteAsync(shape.Columns.Write(items), http.RequestAborted);
        }
        else
        {
            var result = new JsonArray([.. items.Select(i => i.DeepClone())]);
            await original.WriteAsync(System.Text.Encoding.UTF8.GetBytes(result.ToJsonString()), http.RequestAborted);
        }
    }

    public const string CsvContentType = "text/csv; charset=utf-8";
    private const string Format = "format", Page = "page", PageSize = "pageSize";

    /// <summary>The query parameters this middleware reads on a route, with what each does: on list reads, the paging, the format and the filters.</summary>
    public static IReadOnlyList<(string Name, string Description)> Parameters(string method, string route) =>
        HttpMethods.IsGet(method) && ExportShapes.All.TryGetValue("/" + route.Trim('/'), out var shape)
            ? [
                (Format, "json (the default) or csv; Accept: text/csv asks for CSV too."),
                (Page, "The page to answer, from 1 (with pageSize; without either the list is answered whole)."),
                (PageSize, $"Items a page, {Paging.DefaultPageSize} unless given, at most {Paging.MaxPageSize}."),
                .. shape.Filters.Select(f => (f.Parameter, f.Description)),
            ]
            : [];

    public static bool WantsCsv(HttpContext http, string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" => http.Request.GetTypedHeaders().Accept
            .Where(a => a.MediaType.HasValue && (a.Quality ?? 1) > 0)
            .OrderByDescending(a => a.Quality ?? 1)
            .FirstOrDefault(a => a.MediaType.Value is "text/csv" or "application/json" or "*/*" or "application/*")?.MediaType.Value == "text/csv",
        "json" => false,
        "csv" => true,
        _ => throw InvalidCommand.For("format", $"'{format}' is not one of: json, csv."),
    };
}

/// <summary>A query-string filter the middleware applies to each JSON item (null when the parameter is absent).</summary>
public sealed record ListFilter(string Parameter, string Description, Func<string, Func<JsonNode, bool>> Build)
{
    public Func<JsonNode, bool>? Read(IQueryCollection query) =>
        query[Parameter].ToString() is { Length: > 0 } value ? Build(value.Trim()) : null;

    /// <summary>Keeps items whose string array at <paramref name="path"/> holds the value (case-insensitive).</summary>
    public static ListFilter Contains(string parameter, string path, string description) => new(parameter, description, value => item =>
        Json.At(item, path) is JsonArray list && list.Any(v => string.Equals(v?.GetValue<string>(), value, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Keeps items with a string at a path that may step into arrays (<c>leads[].lead</c>) equal to the value (case-insensitive).</summary>
    public static ListFilter AnyAt(string parameter, string path, string description) => new(parameter, description, value => item =>
        Json.All(item, path).Any(v => string.Equals(Json.Text(v), value, StringComparison.OrdinalIgnoreCase)));

    /// <summary>true or false, compared with a boolean member; any other value is a 400.</summary>
    public static ListFilter Flag(string parameter, string path, string description) =>
        new(parameter, $"{description} One of: true, false.", value =>
        {
            var wanted = QueryValues.OneOf(parameter, value, ["true", "false"]);
            return item => string.Equals(Json.Text(Json.At(item, path)), wanted, StringComparison.Ordinal);
        });

    /// <summary>Keeps items with an open milestone (no <c>metOn</c>) that can fall due before the day (its earliest day is earlier).</summary>
    public static ListFilter DueBefore(string parameter, string milestones, string description) => new(parameter, description, value =>
    {
        var day = QueryValues.Date(parameter, value)!.Value.Earliest;
        return item => Json.At(item, milestones) is JsonArray list && list.Any(m =>
            Json.At(m, "metOn") is null && PartialDate.TryParse(Json.Text(Json.At(m, "dueOn")), out var due) && due.Earliest < day);
    });

    public static ListFilter Equal(string parameter, string path, string description) => new(parameter, description, value => item =>
        string.Equals(Json.Text(Json.At(item, path)), value, StringComparison.OrdinalIgnoreCase));

    /// <summary>Like <see cref="Equal"/> for a value from a closed set: any other value is a 400 listing the set.</summary>
    public static ListFilter OneOf(string parameter, string path, string description, IReadOnlyList<string> allowed) =>
        new(parameter, $"{description} One of: {string.Join(", ", allowed)}.", value =>
        {
            var wanted = QueryValues.OneOf(parameter, value, allowed);
            return item => string.Equals(Json.Text(Json.At(item, path)), wanted, StringComparison.OrdinalIgnoreCase);
        });

    /// <summary>Keeps items with a date at one of the paths that may fall on or after <c>from</c> / on or before <c>to</c>.</summary>
    public static IEnumerable<ListFilter> DateRange(string description, params string[] paths)
    {
        IEnumerable<PartialDate> Dates(JsonNode item) => paths.SelectMany(p => Json.All(item, p))
            .Select(Json.Text).Select(t => PartialDate.TryParse(t, out var d) ? (PartialDate?)d : null).OfType<PartialDate>();
        yield return new ListFilter("from", description, value =>
        {
            var from = QueryValues.Date("from", value)!.Value;
            return item => Dates(item).Any(d => d.Latest >= from.Earliest);
        });
        yield return new ListFilter("to", description, value =>
        {
            var to = QueryValues.Date("to", value)!.Value;
            return item => Dates(item).Any(d => d.Earliest <= to.Latest);
        });
    }
}

/// <summary>What a list route exports: its CSV file name and columns, and the filters the endpoint itself does not apply.</summary>
public sealed record ExportShape(string FileName, CsvColumns<JsonNode> Columns, IReadOnlyList<ListFilter> Filters);

internal static class Json
{
    /// <summary>The node at a dotted path ("commitments.total"); "a[].b" is not supported here, see <see cref="All"/>.</summary>
    public static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(part, out node)) return null;
        }

        return node;
    }

    /// <summary>Every node at a path where "[]" steps into each element of an array: "statusHistory[].effectiveOn".</summary>
    public static IEnumerable<JsonNode?> All(JsonNode? node, string path)
    {
        var split = path.IndexOf("[].", StringComparison.Ordinal);
        if (split < 0) return [At(node, path)];
        return At(node, path[..split]) is JsonArray list ? list.SelectMany(e => All(e, path[(split + 3)..])) : [];
    }

    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonArray list => string.Join("; ", list.Select(Text)),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(),
    };
}
