namespace Consultations.Domain.Common;

public static class Lists
{
    public static bool Same<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        (a ?? []).SequenceEqual(b ?? []);

    /// <summary>The same members in any order (parties, signatories).</summary>
    public static bool SameSet(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        new HashSet<string>(a ?? [], StringComparer.Ordinal).SetEquals(b ?? []);

    public static int DistinctCount(IReadOnlyList<string> names) =>
        names.Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    public static IReadOnlyList<T> With<T>(this IReadOnlyList<T> list, T item) => [.. list, item];

    public static IReadOnlyList<T> Replace<T>(this IReadOnlyList<T> list, Func<T, bool> match, Func<T, T> change) =>
        [.. list.Select(x => match(x) ? change(x) : x)];
}
