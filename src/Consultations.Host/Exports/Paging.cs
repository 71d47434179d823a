using Consultations.Domain.Common;
using System.Globalization;
using Consultations.Host.Infrastructure;

namespace Consultations.Host.Exports;

/// <summary>
/// <c>page</c> (from 1) and <c>pageSize</c> (up to <see cref="MaxPageSize"/>). With neither, a list is answered whole, as
/// before paging existed. The total is always in <c>X-Total-Count</c>; a page also gets a <c>Link</c> header (RFC 8288).
/// </summary>
public sealed record Paging(int Page, int PageSize, bool Requested)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static Paging Read(string? page, string? pageSize)
    {
        if (string.IsNullOrWhiteSpace(page) && string.IsNullOrWhiteSpace(pageSize)) return new Paging(1, int.MaxValue, false);
        var number = Positive("page", page, 1);
        var size = Positive("pageSize", pageSize, DefaultPageSize);
        if (size > MaxPageSize) throw InvalidCommand.For("pageSize", $"At most {MaxPageSize} items a page; ask for the next page instead.");
        return new Paging(number, size, true);
    }

    private static int Positive(string name, string? value, int fallback)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw InvalidCommand.For(name, $"'{value}' is not a whole number from 1.");
    }

    public IReadOnlyList<T> Apply<T>(IReadOnlyList<T> all, HttpContext http)
    {
        http.Response.Headers["X-Total-Count"] = all.Count.ToString(CultureInfo.InvariantCulture);
        if (!Requested) return all;
        var last = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        var links = new List<string> { Link(http, 1, "first"), Link(http, last, "last") };
        if (Page > 1) links.Add(Link(http, Math.Min(Page - 1, last), "prev"));
        if (Page < last) links.Add(Link(http, Page + 1, "next"));
        http.Response.Headers["Link"] = string.Join(", ", links);
        return [.. all.Skip((Page - 1) * PageSize).Take(PageSize)];
    }

    private string Link(HttpContext http, int page, string rel)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(http.Request.QueryString.Value)
            .ToDictionary(q => q.Key, q => q.Value.ToString());
        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        query["pageSize"] = PageSize.ToString(CultureInfo.InvariantCulture);
        var url = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(http.Request.Path, query!);
        return $"<{url}>; rel=\"{rel}\"";
    }
}
