namespace Consultations.Host.Documents;

public static class DocumentEndpoints
{
    /// <summary>
    /// Registers a document: a joint statement, minutes, a note verbale, a press release, a report. Give its
    /// <c>text</c> and the service keeps its SHA-256 (not the text); give <c>sha256</c> alone for a file it cannot
    /// read, or both and the hash must be the text's.
    /// </summary>
    [WolverinePost("/api/documents", OperationId = "registerDocument"), Tags("Documents")]
    public static async Task<Recorded> Handle(RegisterDocument command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        await recorder.ReferencedAsync<Dialogue>("dialogueId", command.DialogueId, "dialogue", ct);
        return await recorder.DecideAsync<Document>(command.DocumentId, (s, today) => DocumentDecider.Decide(command, s, today), DocumentDecider.Evolve, ct);
    }

    /// <param name="Url">Null when the document has no public address.</param>
    public sealed record AmendDocumentRequest(string Title, string Language, string? Url, PartialDate EffectiveOn, string Reason);

    [WolverinePost("/api/documents/{id}/amendments", OperationId = "amendDocument"), Tags("Documents")]
    public static Task<Recorded> Post(string id, AmendDocumentRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new AmendDocument(id, body.Title, body.Language, body.Url, body.EffectiveOn, body.Reason), recorder, ct);

    public static Task<Recorded> Handle(AmendDocument command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        return recorder.DecideAsync<Document>(command.DocumentId, (s, today) => DocumentDecider.Decide(command, s, today), DocumentDecider.Evolve, ct);
    }

    /// <summary>
    /// The document register, by date, filtered by dialogue and kind (e.g. kind=joint-statement); <c>recordedAt</c>/<c>effectiveOn</c>
    /// replay it on those time axes (a document counts from its own date).
    /// </summary>
    [WolverineGet("/api/documents", OperationId = "listDocuments"), Tags("Documents")]
    public static async Task<Listed<Document>> List(string? dialogue, string? kind, string? recordedAt, string? effectiveOn,
        IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var query = await RecordAsOf.QueryAsync<Document>(session, Axes.Read(recordedAt, effectiveOn, clock), Subject.Of(dialogue), DocumentDecider.Evolve, ct);
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(d => d.DialogueId == dialogue);
        if (!string.IsNullOrWhiteSpace(kind))
        {
            var wanted = QueryValues.Enum<DocumentKind>("kind", kind);
            query = query.Where(d => d.Kind == wanted);
        }

        return Listed<Document>.Of([.. (await query.ListAsync(ct)).OrderBy(d => d.Date).ThenBy(d => d.Id, StringComparer.Ordinal)]);
    }

    /// <summary>One document; <c>recordedAt</c>/<c>effectiveOn</c> replay it on those time axes.</summary>
    [WolverineGet("/api/documents/{id}", OperationId = "getDocument"), Tags("Documents")]
    public static async Task<WithHistory<Document>> Get(string id, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        await RecordHistory.FindAsync<Document>(session, Axes.Read(recordedAt, effectiveOn, clock), id, DocumentDecider.Evolve, "document", ct);

    /// <summary>
    /// The documents a command cites must be on record, in the command's dialogue: a
    /// 400 naming the member (<c>evidence[1]</c>, <c>documentId</c>) otherwise.
    /// </summary>
    public static async Task CitedAsync(this Recorder recorder, string field, IReadOnlyList<string>? documentIds, string dialogueId, CancellationToken ct)
    {
        for (var i = 0; i < (documentIds?.Count ?? 0); i++)
            await recorder.CitedAsync($"{field}[{i}]", documentIds![i], dialogueId, ct);
    }

    public static async Task<Document?> CitedAsync(this Recorder recorder, string field, string? documentId, string dialogueId, CancellationToken ct)
    {
        if (documentId is null) return null;
        var document = await recorder.ReferencedAsync<Document>(field, documentId, "document", ct);
        RecorderReferences.SameDialogue(field, dialogueId, document.DialogueId, "document", document.Id);
        return document;
    }
}
