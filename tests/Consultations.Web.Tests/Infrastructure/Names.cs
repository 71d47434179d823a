namespace Consultations.Web.Tests.Infrastructure;

public static class Names
{
    /// <summary>Six hex digits that make a title or id this test's own: the two collections share nothing, but tests of one do.</summary>
    public static string Unique => Guid.NewGuid().ToString("N")[..6];

    /// <summary>The day so many days from today (UTC), as the API reads it.</summary>
    public static string Day(int fromToday) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(fromToday).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
