namespace Consultations.Host.Web;

/// <summary>
/// The token each form carries: stored (as an <see cref="IdempotentRequest"/>) in the transaction of the first submit that
/// records, so that a second submit of the same form (a double click, a reload) is known as that one and answered like it.
/// </summary>
public static class FormTokens
{
    /// <summary>The key a form's token is kept under; null for a token no form of ours gives out.</summary>
    public static string? KeyOf(string? token) =>
        token is { Length: > 0 and <= 64 } && token.All(char.IsAsciiLetterOrDigit) ? "web-form:" + token : null;

    /// <summary>
    /// Whether a form with this token was already recorded. A form that starts a record checks it before refusing a name
    /// already on record: the record may be the one its own first submit started.
    /// </summary>
    public static async Task<bool> RecordedAsync(IQuerySession session, string? token, CancellationToken ct) =>
        KeyOf(token) is { } key && await session.LoadAsync<IdempotentRequest>(key, ct) is not null;

    /// <summary>The record a form with this token started or wrote to on its first submit; null when unknown.</summary>
    public static async Task<string?> RecordOfAsync(IQuerySession session, string? token, CancellationToken ct) =>
        KeyOf(token) is { } key ? (await session.LoadAsync<IdempotentRequest>(key, ct))?.Location : null;
}
