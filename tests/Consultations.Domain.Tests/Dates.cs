namespace Consultations.Domain.Tests;

/// <summary>Short ways to write the dates of a specification.</summary>
public static class Dates
{
    /// <summary>The day every specification is decided on.</summary>
    public static readonly DateOnly Today = new(2026, 11, 25);

    /// <summary>A date as the record writes it: "2026", "2026-05" or "2026-05-28".</summary>
    public static PartialDate On(string date) => PartialDate.Parse(date);

    public static DateSpan Span(string from, string? to = null) => new(On(from), to is null ? null : On(to));
}
