namespace Consultations.Host.Exports;

/// <summary>A query-string filter over a list's typed rows (null when the parameter is absent); a value it cannot read is a 400 naming it.</summary>
public sealed record ListFilter<T>(string Parameter, string Description, Func<string, Func<T, bool>> Build)
{
    public Func<T, bool>? Read(IQueryCollection query) =>
        query[Parameter].ToString() is { Length: > 0 } value ? Build(value.Trim()) : null;

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

    /// <summary>Keeps rows with a date that may fall on or after <c>from</c> / on or before <c>to</c>.</summary>
    public static IEnumerable<ListFilter<T>> DateRange(string description, Func<T, IEnumerable<string?>> dates)
    {
        yield return new("from", description, text =>
        {
            var from = QueryValues.Date("from", text)!.Value;
            return row => Dates(dates(row)).Any(d => d.Latest >= from.Earliest);
        });
        yield return new("to", description, text =>
        {
            var to = QueryValues.Date("to", text)!.Value;
            return row => Dates(dates(row)).Any(d => d.Earliest <= to.Latest);
        });
    }

    private static IEnumerable<PartialDate> Dates(IEnumerable<string?> texts) =>
        texts.Select(t => PartialDate.TryParse(t, out var d) ? (PartialDate?)d : null).OfType<PartialDate>();
}
