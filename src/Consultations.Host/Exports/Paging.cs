using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Consultations.Host.Exports;

/// <summary>
/// <c>page</c> (from 1) and <c>pageSize</c> (<see cref="DefaultPageSize"/> unless given, at most <see cref="MaxPageSize"/>).
/// Every list is paged; the default is large enough that the bundled record's lists come whole on their first page.
/// The total is always in <c>X-Total-Count</c>; a list of more than one page, or a page asked for, gets a <c>Link</c> header
/// (RFC 8288). A page past the last is a 400, not an empty answer that looks like the end of the list.
/// </summary>
public sealed record Paging(int Page, int PageSize, bool Requested)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    public const string PageParameter = "page", PageSizeParameter = "pageSize";

    public int Skip => (Page - 1) * PageSize;

    /// <summary>Every item on one page: for rows filtered after they are read.</summary>
    public static Paging Whole { get; } = new(1, int.MaxValue, false);

    public static Paging Read(IQueryCollection query) => Read(query[PageParameter], query[PageSizeParameter]);

    public static Paging Read(string? page, string? pageSize)
    {
        var number = Positive(PageParameter, page, 1);
        var size = Positive(PageSizeParameter, pageSize, DefaultPageSize);
        if (size > MaxPageSize) throw InvalidCommand.For(PageSizeParameter, $"At most {MaxPageSize} items a page; ask for the next page instead.");
        // The first item of the page must be a count PostgreSQL and .NET can both hold.
        if ((long)(number - 1) * size > int.MaxValue) throw InvalidCommand.For(PageParameter, $"Page {number} is past the end of any list.");
        return new Paging(number, size, !string.IsNullOrWhiteSpace(page) || !string.IsNullOrWhiteSpace(pageSize));
    }

    private static int Positive(string name, string? value, int fallback)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw InvalidCommand.For(name, $"'{value}' is not a whole number from 1.");
    }

    public int LastPage(long total) => (int)Math.Max(1, (total + PageSize - 1) / PageSize);

    /// <summary>Refuses a page past the last (page 1 of an empty list is an empty page), and writes the total and the links.</summary>
    public void Answer(HttpContext http, long total)
    {
        var last = LastPage(total);
        if (Page > last) throw InvalidCommand.For(PageParameter, $"Page {Page} is past the last page ({last}) of {total} items at {PageSize} a page.");
        http.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        if (!Requested && last == 1) return;
        var links = new List<string> { Link(http, 1, "first"), Link(http, last, "last") };
        if (Page > 1) links.Add(Link(http, Page - 1, "prev"));
        if (Page < last) links.Add(Link(http, Page + 1, "next"));
        http.Response.Headers["Link"] = string.Join(", ", links);
    }

    private string Link(HttpContext http, int page, string rel)
    {
        var query = QueryHelpers.ParseQuery(http.Request.QueryString.Value).ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query[PageParameter] = page.ToString(CultureInfo.InvariantCulture);
        query[PageSizeParameter] = PageSize.ToString(CultureInfo.InvariantCulture);
        return $"<{QueryHelpers.AddQueryString(http.Request.Path, query)}>; rel=\"{rel}\"";
    }
}
