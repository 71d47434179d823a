using Marten;

namespace Consultations.Host.Web;

/// <summary>
/// What a form offers to pick, read for one dialogue (ADR 0060): its fields, documents, statements, meetings held, plans (and
/// their items), commitments and parties. Every form's pickers read here, with the dialogue the form records in (a new
/// record's, picked above the form) or the dialogue of the record it is on, so no form offers another dialogue's record
/// for the service to refuse.
/// </summary>
public static class DialogueChoices
{
    public static async Task<IReadOnlyList<CooperationField>> FieldsAsync(IQuerySession read, string? dialogueId, CancellationToken ct) =>
        [.. (await read.Query<CooperationField>().Where(f => f.DialogueId == dialogueId).ToListAsync(ct)).OrderBy(f => f.Number).ThenBy(f => f.Id, StringComparer.Ordinal)];

    public static async Task<IReadOnlyList<Document>> DocumentsAsync(IQuerySession read, string? dialogueId, CancellationToken ct) =>
        [.. (await read.Query<Document>().Where(d => d.DialogueId == dialogueId).ToListAsync(ct)).OrderBy(d => d.Title, StringComparer.Ordinal)];

    /// <summary>The statements in the order they were drafted (or adopted, or known by).</summary>
    public static async Task<IReadOnlyList<JointStatement>> StatementsAsync(IQuerySession read, string? dialogueId, CancellationToken ct) =>
        [.. (await read.Query<JointStatement>().Where(s => s.DialogueId == dialogueId).ToListAsync(ct))
            .OrderBy(s => (s.DraftedOn ?? s.Adoption?.AdoptedOn ?? s.KnownBy)?.ToString(), StringComparer.Ordinal)];

    /// <summary>The meetings recorded as held: only those are a source or a reaffirmation (ADR 0059).</summary>
    public static async Task<IReadOnlyList<Meeting>> MeetingsHeldAsync(IQuerySession read, string? dialogueId, CancellationToken ct) =>
        [.. (await read.Query<Meeting>().Where(m => m.DialogueId == dialogueId && m.Status == MeetingStatus.Held).ToListAsync(ct))
            .OrderBy(m => m.PlannedDates?.From.ToString(), StringComparer.Ordinal)];

    public static async Task<IReadOnlyList<ActionPlan>> PlansAsync(IQuerySession read, string? dialogueId, CancellationToken ct) =>
        [.. (await read.Query<ActionPlan>().Where(p => p.DialogueId == dialogueId).ToListAsync(ct)).OrderBy(p => p.Title, StringComparer.Ordinal)];

    public static async Task<IReadOnlyList<Commitment>> CommitmentsAsync(IQuerySession read, string? dialogueId, CancellationToken ct) =>
        [.. (await read.Query<Commitment>().Where(c => c.DialogueId == dialogueId).ToListAsync(ct)).OrderBy(c => c.Id, StringComparer.Ordinal)];

    public static async Task<IReadOnlyList<string>> PartiesAsync(IQuerySession read, string? dialogueId, CancellationToken ct) =>
        dialogueId is null ? [] : (await read.LoadAsync<Dialogue>(dialogueId, ct))?.Parties ?? [];
}
