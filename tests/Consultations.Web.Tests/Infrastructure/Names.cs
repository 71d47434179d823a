namespace Consultations.Web.Tests.Infrastructure;

public static class Names
{
    /// <summary>Six hex digits that make a title or id this test's own: the two collections share nothing, but tests of one do.</summary>
    public static string Unique => Guid.NewGuid().ToString("N")[..6];
}
