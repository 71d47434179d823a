namespace Consultations.Host.Exports;

/// <summary>A query-string filter over a list's typed rows (null when the parameter is absent); a value it cannot read is a 400 naming it.</summary>
public sealed record ListFilter<T>(string Parameter, string Description, Func<string, Func<T, bool>> Build)
{
    /// <summary>Reads the filter from the whole query, for a filter that depends on another parameter too (a date range).</summary>
    public Func<IQueryCollection, Func<T, bool>?>? Reader { get; init; }

    public Func<T, bool>? Read(IQueryCollection query) =>
        Reader is { } reader ? reader(query) : query[Parameter].ToString() is { Length: > 0 } value ? Build(value.Trim()) : null;

    /// <summary>Keeps rows with one of the values equal to the parameter (case-insensitive).</summary>
    public static ListFilter<T> Contains(string parameter, Func<T, IEnumerable<string?>> values, string description) =>
        new(parameter, description, wanted => row => values(row).Any(v => string.Equals(v, wanted, StringComparison.OrdinalIgnoreCase)));

    public static ListFilter<T> Equal(string parameter, Func<T, string?> value, string description) =>
        Contains(parameter, row => [value(row)], description);

    /// <summary>Like <see cref="Equal"/> for a value from a closed set: any other value is a 400 listing the set.</summary>
    public static ListFilter<T> OneOf(string parameter, Func<T, string?> value, string description, IReadOnlyList<string> allowed) =>
        new(parameter, $"{description} One of: {string.Join(", ", allowed)}.", text =>
        {
            var wanted = QueryValues.OneOf(parameter, text, allowed);
            return row => string.Equals(value(row), wanted, StringComparison.OrdinalIgnoreCase);
        });

    /// <summary>true or false, compared with a boolean of the row; any other value is a 400.</summary>
    public static ListFilter<T> Flag(string parameter, Func<T, bool> value, string description) =>
        new(parameter, $"{description} One of: true, false.", text =>
        {
            var wanted = QueryValues.OneOf(parameter, text, ["true", "false"]) == "true";
            return row => value(row) == wanted;
        });

    /// <summary>Keeps rows with a date given by <paramref name="dates"/> that can fall before the day.</summary>
    public static ListFilter<T> Before(string parameter, Func<T, IEnumerable<string?>> dates, string description) => new(parameter, description, text =>
    {
        var day = QueryValues.Date(parameter, text)!.Value.Earliest;
        return row => Dates(dates(row)).Any(due => due.Earliest < day);
    });

    /// <summary>
    /// <c>from</c> and <c>to</c>: keeps rows with one date that may fall in the range (both ends included; a partial date
    /// counts when it may fall there). With <paramref name="span"/> the row's dates are the two ends of one span, kept when
    /// the span may overlap the range. A <c>to</c> certainly before <c>from</c> is a 400 naming <c>to</c>.
    /// </summary>
    public static IEnumerable<ListFilter<T>> DateRange(string description, Func<T, IEnumerable<string?>> dates, bool span = false)
    {
        yield return new("from", description, _ => _ => true) { Reader = query => Range(query, dates, span) };
        // Read together with from, by the filter above.
        yield return new("to", description, _ => _ => true) { Reader = _ => null };
    }

    private static Func<T, bool>? Range(IQueryCollection query, Func<T, IEnumerable<string?>> dates, bool span)
    {
        var from = query["from"].ToString() is { Length: > 0 } f ? QueryValues.Date("from", f.Trim()) : null;
        var to = query["to"].ToString() is { Length: > 0 } t ? QueryValues.Date("to", t.Trim()) : null;
        if (from is null && to is null) return null;
        if (from is { } first && to is { } last && last.IsCertainlyBefore(first))
            throw InvalidCommand.For("to", $"'to' ({last}) is before 'from' ({first}).");
        var earliest = from?.Earliest ?? DateOnly.MinValue;
        var latest = to?.Latest ?? DateOnly.MaxValue;
        return span
            ? row => Dates(dates(row)).Any(d => d.Latest >= earliest) && Dates(dates(row)).Any(d => d.Earliest <= latest)
            : row => Dates(dates(row)).Any(d => d.Latest >= earliest && d.Earliest <= latest);
    }

    private static IEnumerable<PartialDate> Dates(IEnumerable<string?> texts) =>
        texts.Select(t => PartialDate.TryParse(t, out var d) ? (PartialDate?)d : null).OfType<PartialDate>();
}
