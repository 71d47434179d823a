using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Marten.Linq;
using Marten.Pagination;

namespace Consultations.Host.Exports;

/// <summary>
/// A list answer: one page of typed rows as a JSON array, or as CSV (<c>?format=csv</c> or <c>Accept: text/csv</c>) where
/// the row type has a <see cref="ListShape{T}"/> with columns. A stored Marten query is paged in the database
/// (<c>ToPagedListAsync</c>: the page and its total); rows already in memory (replays, composed views) or filtered by
/// the shape's filters are paged here. Documented in OpenAPI as the array of rows it answers.
/// </summary>
public sealed class Listed<T> : IResult, IEndpointMetadataProvider where T : notnull
{
    // A page of the stored rows read in the database with its total, when no filter of the shape is asked for; else every row.
    private readonly Func<Paging, CancellationToken, Task<(IReadOnlyList<T> Page, long Total)>>? _stored;
    private readonly Func<CancellationToken, Task<IReadOnlyList<T>>> _all;

    private Listed(Func<Paging, CancellationToken, Task<(IReadOnlyList<T>, long)>>? stored, Func<CancellationToken, Task<IReadOnlyList<T>>> all) =>
        (_stored, _all) = (stored, all);

    /// <summary>The rows of an ordered query: a Marten query is paged in the database, any other is read here.</summary>
    public static Listed<T> Of(IQueryable<T> query) => Of(query, (rows, _) => Task.FromResult(rows));

    /// <summary>
    /// The rows made from an ordered query's items by <paramref name="rows"/>, one for each: a Marten query is paged in the
    /// database and only that page's items are turned into rows.
    /// </summary>
    public static Listed<T> Of<TSource>(IQueryable<TSource> query, Func<IReadOnlyList<TSource>, CancellationToken, Task<IReadOnlyList<T>>> rows) where TSource : notnull =>
        new(query is IMartenQueryable<TSource> stored
                ? async (paging, ct) =>
                {
                    // Marten's raw-event queries take no query statistics: those count with a second query.
                    var counted = typeof(JasperFx.Events.IEvent).IsAssignableFrom(typeof(TSource));
                    var paged = await stored.ToPagedListAsync(paging.Page, paging.PageSize, counted, ct);
                    // A page past the end has no rows to carry the total: read it from the first row, so the refusal names the true last page.
                    var total = paged.Count == 0 && paging.Page > 1 ? (await stored.ToPagedListAsync(1, 1, counted, ct)).TotalItemCount : paged.TotalItemCount;
                    return (await rows([.. paged], ct), total);
                }
                : null,
            async ct => await rows(await query.ListAsync(ct), ct));

    /// <summary>Rows read a page at a time by <paramref name="page"/> (the page's rows and the total), and whole when a filter of the shape is asked for.</summary>
    public static Listed<T> Paged(Func<Paging, CancellationToken, Task<(IReadOnlyList<T> Page, long Total)>> page) =>
        new(page, async ct => (await page(Paging.Whole, ct)).Page);

    /// <summary>Rows already in memory, in their order.</summary>
    public static Listed<T> Of(IReadOnlyList<T> rows) => new(null, _ => Task.FromResult(rows));

    public async Task ExecuteAsync(HttpContext http)
    {
        var shape = ListShapes.Of<T>();
        var query = http.Request.Query;
        var csv = shape.Columns is not null && WantsCsv(http, query["format"]);
        var paging = Paging.Read(query);
        var filters = shape.Filters.Select(f => f.Read(query)).OfType<Func<T, bool>>().ToList();
        var ct = http.RequestAborted;

        IReadOnlyList<T> page;
        long total;
        if (_stored is not null && filters.Count == 0)
        {
            (page, total) = await _stored(paging, ct);
        }
        else
        {
            var all = await _all(ct);
            var kept = filters.Count == 0 ? all : [.. all.Where(row => filters.All(keep => keep(row)))];
            (page, total) = ([.. kept.Skip(paging.Skip).Take(paging.PageSize)], kept.Count);
        }

        paging.Answer(http, total);
        if (shape.Columns is not null) http.Response.Headers.Vary = "Accept";
        if (!csv)
        {
            await http.Response.WriteAsJsonAsync(page, JsonConventions.Options, ct);
            return;
        }

        var axes = Axes.Requested(query, http.RequestServices.GetRequiredService<TimeProvider>());
        var suffix = (axes?.FileSuffix ?? "") + (paging.Requested ? $"-page-{paging.Page}" : "");
        http.Response.ContentType = Listing.CsvContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{shape.FileName}{suffix}.csv\"";
        await http.Response.Body.WriteAsync(shape.Columns!.Write(page), ct);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(IReadOnlyList<T>),
            ["application/json"]));

    private static bool WantsCsv(HttpContext http, string? format) => format?.Trim().ToLowerInvariant() switch
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

public static class Listing
{
    /// <summary>The records of one kind, of one dialogue or all, by id: stored (paged in the database) or replayed on the axes.</summary>
    public static async Task<Listed<T>> ByIdAsync<T>(IQuerySession session, Axes axes, string? dialogue, Func<T?, object, T?> evolve,
        Expression<Func<T, string>> dialogueOf, Expression<Func<T, string>> id, CancellationToken ct)
        where T : class
    {
        var query = await RecordAsOf.QueryAsync(session, axes, Subject.Of(dialogue), evolve, ct);
        if (!string.IsNullOrWhiteSpace(dialogue))
        {
            var same = Expression.Equal(dialogueOf.Body, Expression.Constant(dialogue));
            query = query.Where(Expression.Lambda<Func<T, bool>>(same, dialogueOf.Parameters));
        }

        return InOrder(query, id);
    }

    /// <summary>
    /// Records listed in key order: in SQL for the stored documents (the service's database collates with locale C, so
    /// this is ordinal order, and pages are read in the database), ordinally here for replayed ones.
    /// </summary>
    public static Listed<T> InOrder<T>(IQueryable<T> query, Expression<Func<T, string>> first,
        Expression<Func<T, string>>? then = null) where T : notnull
    {
        if (query is IMartenQueryable<T>)
        {
            var sorted = query.OrderBy(first);
            return Listed<T>.Of(then is null ? sorted : sorted.ThenBy(then));
        }

        var inMemory = query.AsEnumerable().OrderBy(first.Compile(), StringComparer.Ordinal);
        return Listed<T>.Of([.. then is null ? inMemory : inMemory.ThenBy(then.Compile(), StringComparer.Ordinal)]);
    }

    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>What a list route reads besides its endpoint's own parameters: paging, and where it exports, the format and filters.</summary>
    public static IReadOnlyList<(string Name, string Description)> Parameters(HttpChain chain) =>
        RowType(chain.Method.ReturnType!) is { } row && chain.HttpMethods.Contains("GET") ? ListShapes.Parameters(row) : [];

    private static Type? RowType(Type returned)
    {
        if (returned.IsGenericType && returned.GetGenericTypeDefinition() is var open && (open == typeof(Task<>) || open == typeof(ValueTask<>)))
            returned = returned.GetGenericArguments()[0];
        return returned.IsGenericType && returned.GetGenericTypeDefinition() == typeof(Listed<>) ? returned.GetGenericArguments()[0] : null;
    }
}
