namespace Consultations.Domain.Common;

public static class Lists
{
    public static bool Same<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        (a ?? []).SequenceEqual(b ?? []);

    public static IReadOnlyList<T> With<T>(this IReadOnlyList<T> list, T item) => [.. list, item];

    public static IReadOnlyList<T> Replace<T>(this IReadOnlyList<T> list, Func<T, bool> match, Func<T, T> change) =>
        [.. list.Select(x => match(x) ? change(x) : x)];
}
