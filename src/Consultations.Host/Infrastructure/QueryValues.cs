using System.Text.Json;

namespace Consultations.Host.Infrastructure;

/// <summary>Reads query-string values with the same spelling as JSON bodies, refusing what it cannot read with a 400.</summary>
public static class QueryValues
{
    /// <summary>One value of the enum, spelled as the API spells it; a list ("agreed,in-progress") or anything else is refused.</summary>
    public static T Enum<T>(string name, string value) where T : struct, System.Enum
    {
        foreach (var candidate in System.Enum.GetValues<T>())
        {
            if (string.Equals(Domain.Common.Words.Of(candidate), value.Trim(), StringComparison.OrdinalIgnoreCase)) return candidate;
        }

        throw NotOneOf(name, value, Names<T>());
    }

    /// <summary>An enum's values as the API spells them (kebab-case).</summary>
    public static IReadOnlyList<string> Names<T>() where T : struct, System.Enum =>
        [.. System.Enum.GetValues<T>().Select(v => Domain.Common.Words.Of(v))];

    /// <summary>One of a closed set of words, matched case-insensitively and returned as the set spells it.</summary>
    public static string OneOf(string name, string value, IReadOnlyList<string> allowed) =>
        allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase)) ?? throw NotOneOf(name, value, allowed);

    private static InvalidCommand NotOneOf(string name, string value, IEnumerable<string> allowed) =>
        InvalidCommand.For(name, $"'{value}' is not one of: {string.Join(", ", allowed)}.");

    public static PartialDate? Date(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return PartialDate.TryParse(value, out var date)
            ? date
            : throw InvalidCommand.For(name, $"'{value}' is not a date: use yyyy, yyyy-MM or yyyy-MM-dd.");
    }
}
