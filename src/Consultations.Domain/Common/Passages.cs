namespace Consultations.Domain.Common;

/// <summary>Comparing passages of a source as a reader would: line breaks and runs of spaces are one space.</summary>
public static class Passages
{
    public static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>True when <paramref name="passage"/> occurs word for word in <paramref name="source"/>.</summary>
    public static bool IsIn(string passage, string? source) =>
        source is not null && Normalize(source).Contains(Normalize(passage), StringComparison.Ordinal);
}
