using System.Text.RegularExpressions;

namespace Consultations.Domain.Common;

/// <summary>Input checks for what points at sources: documents, their addresses and hashes, the evidence a change cites.</summary>
public static partial class CheckSources
{
    [GeneratedRegex(@"\A[0-9a-fA-F]{64}\z")]
    private static partial Regex Hex64();

    [GeneratedRegex(@"\A[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*\z")]
    private static partial Regex LanguageTag();

    public static Check OptionalId(this Check check, string field, string? value) =>
        value is null ? check : check.Id(field, value);

    /// <summary>A language tag as BCP 47 writes it: <c>en</c>, <c>it</c>, <c>ja</c>, <c>en-GB</c>.</summary>
    public static Check Language(this Check check, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return check.Fail(field, "is required.");
        return check.When(value.Length > 35 || !LanguageTag().IsMatch(value), field, "must be a language tag such as en, it, ja or en-GB.");
    }

    public static Check Url(this Check check, string field, string? value)
    {
        if (value is null) return check;
        var ok = value.Length <= 2000 && Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
        return check.When(!ok, field, "must be an absolute http or https address of at most 2000 characters.");
    }

    public static Check Sha256(this Check check, string field, string? value) =>
        value is null ? check : check.When(!Hex64().IsMatch(value), field, "must be 64 hexadecimal digits (a SHA-256).");

    /// <summary>The documents a change cites: each a document id, none twice.</summary>
    public static Check Evidence(this Check check, string field, IReadOnlyList<string>? documentIds)
    {
        if (documentIds is null) return check;
        for (var i = 0; i < documentIds.Count; i++) check.Id($"{field}[{i}]", documentIds[i]);
        return check.When(documentIds.Distinct(StringComparer.Ordinal).Count() != documentIds.Count, field, "must not cite a document twice.");
    }
}
