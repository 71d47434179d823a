using System.Security.Cryptography;
using System.Text;
using Consultations.Domain.Common;

namespace Consultations.Domain.Documents;

public enum DocumentKind { JointStatement, Minutes, NoteVerbale, PressRelease, Report, Other }

/// <param name="Date">The document's own date, as it gives it; the record counts it from then.</param>
/// <param name="Sha256">The SHA-256 of its text or file, lower-case hex; null when neither was supplied.</param>
public sealed record DocumentRegistered(string DocumentId, string DialogueId, string Title, DocumentKind Kind, PartialDate Date,
    IReadOnlyList<string> Parties, string Language, string? Url, string? Sha256) : IRecordEvent
{
    public PartialDate EffectiveOn => Date;
}

/// <summary>A document's title, language or address was given wrongly or has changed; its kind, date, parties and text do not change.</summary>
public sealed record DocumentAmended(string DocumentId, string DialogueId, string Title, string Language, string? Url, PartialDate EffectiveOn, string Reason) : IRecordEvent;

/// <param name="Text">The document's text: the record keeps its SHA-256, not the text.</param>
/// <param name="Sha256">The SHA-256 of the text or file; when the text is given too, it must match.</param>
public sealed record RegisterDocument(string DocumentId, string DialogueId, string Title, DocumentKind Kind, PartialDate Date, IReadOnlyList<string> Parties,
    string Language, string? Url = null, string? Text = null, string? Sha256 = null) : ICommand
{
    public void Check(Check check) => check
        .Id("documentId", DocumentId)
        .Id("dialogueId", DialogueId)
        .Text("title", Title, 500)
        .Date("date", Date)
        .Names("parties", Parties, min: 1)
        .Language("language", Language)
        .Url("url", Url)
        .OptionalText("text", Text, 500_000)
        .When(Text is not null && string.IsNullOrWhiteSpace(Text), "text", "must not be blank.")
        .Sha256("sha256", Sha256);
}

public sealed record AmendDocument(string DocumentId, string Title, string Language, string? Url, PartialDate EffectiveOn, string Reason) : ICommand
{
    public void Check(Check check) => check
        .Id("documentId", DocumentId)
        .Text("title", Title, 500)
        .Language("language", Language)
        .Url("url", Url)
        .Date("effectiveOn", EffectiveOn)
        .Text("reason", Reason, 4000);
}

public sealed record Document(string Id, string DialogueId, string Title, DocumentKind Kind, PartialDate Date, IReadOnlyList<string> Parties,
    string Language, string? Url, string? Sha256, int Amendments);

public static class DocumentDecider
{
    /// <summary>The SHA-256 of a text as the record computes it: over its UTF-8 bytes, lower-case hex.</summary>
    public static string Sha256Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static IReadOnlyList<object> Decide(RegisterDocument command, Document? state, DateOnly today)
    {
        Rules.NotInFuture(command.Date, today, "document's date");
        var given = command.Sha256?.ToLowerInvariant();
        var sha = command.Text is { } text ? Sha256Of(text) : given;
        if (given is not null && sha != given)
            throw new RuleBroken("document-hash-matches-text",
                $"The SHA-256 given ({given}) is not that of the text given ({sha}).", RuleKind.Invalid);
        if (state is not null)
        {
            // Kind, date, parties and text are what the document is; a repeat must say the same of them.
            return state.DialogueId == command.DialogueId && state.Kind == command.Kind && state.Date == command.Date
                   && Lists.SameSet(state.Parties, command.Parties) && (sha is null || state.Sha256 == sha)
                   && (state.Amendments > 0 || (state.Title == command.Title && state.Language == command.Language && state.Url == command.Url))
                ? Rules.None
                : throw new RuleBroken("document-registered-once", $"Document '{command.DocumentId}' is already on record with other details.");
        }

        return [new DocumentRegistered(command.DocumentId, command.DialogueId, command.Title, command.Kind, command.Date, command.Parties,
            command.Language, command.Url, sha)];
    }

    public static IReadOnlyList<object> Decide(AmendDocument command, Document? state, DateOnly today)
    {
        var document = Rules.Exists(state, "document", command.DocumentId);
        Rules.NotInFuture(command.EffectiveOn, today);
        if (command.EffectiveOn.IsCertainlyBefore(document.Date))
            throw new RuleBroken("amendment-after-document", $"An amendment cannot take effect before the document's date ({document.Date}).", RuleKind.Invalid);
        if (document.Title == command.Title && document.Language == command.Language && document.Url == command.Url) return Rules.None;
        return [new DocumentAmended(document.Id, document.DialogueId, command.Title, command.Language, command.Url, command.EffectiveOn, command.Reason)];
    }

    public static Document? Evolve(Document? state, object @event) => @event switch
    {
        DocumentRegistered e => new Document(e.DocumentId, e.DialogueId, e.Title, e.Kind, e.Date, e.Parties, e.Language, e.Url, e.Sha256, 0),
        DocumentAmended e when state is not null => state with { Title = e.Title, Language = e.Language, Url = e.Url, Amendments = state.Amendments + 1 },
        _ => state,
    };
}
