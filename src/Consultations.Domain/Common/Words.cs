using System.Text.Json;

namespace Consultations.Domain.Common;

/// <summary>
/// The one place enum values become words: <see cref="Of{T}"/> as the API spells them (<c>in-progress</c>,
/// <c>plan-item</c>), <see cref="Spoken{T}"/> as a sentence says them (<c>in progress</c>).
/// </summary>
public static class Words
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static string Spoken<T>(T value) where T : struct, Enum => Of(value).Replace('-', ' ');
}
