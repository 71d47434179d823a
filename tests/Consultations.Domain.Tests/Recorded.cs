using System.Text.Json;
using System.Text.Json.Serialization;

namespace Consultations.Domain.Tests;

/// <summary>
/// Compares events and states by what they say, not by reference: the domain's records hold lists, and a
/// record's generated equality compares lists by reference. Each value is written as its type name and its JSON.
/// </summary>
public static class Recorded
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Describe(object? value) =>
        value is null ? "(nothing)" : $"{value.GetType().Name} {JsonSerializer.Serialize(value, value.GetType(), Json)}";

    public static string Describe(IEnumerable<object> values) =>
        string.Join(Environment.NewLine, values.Select(Describe));

    public static void Same(object? expected, object? actual) => Assert.Equal(Describe(expected), Describe(actual));

    public static void Same(IEnumerable<object> expected, IEnumerable<object> actual) => Assert.Equal(Describe(expected), Describe(actual));
}
