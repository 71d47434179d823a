using Consultations.Host.Documents;
using Consultations.Host.RecordFiles;

namespace Consultations.Host.JointStatements;

public static class JointStatementEndpoints
{
    public sealed record AddClauseRequest(int Number, string FieldCode, string Heading, string Text, PartialDate EffectiveOn);

    [WolverinePost("/api/statements/{id}/clauses", OperationId = "addClause"), Tags("Joint statements")]
    public static Task<Recorded> Post(string id, AddClauseRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new AddClause(id, body.Number, body.FieldCode, body.Heading, body.Text, body.EffectiveOn), recorder, ct);

    public static async Task<Recorded> Handle(AddClause command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        var statement = await recorder.LoadAsync<JointStatement>(command.StatementId, ct) ?? throw new RecordNotFound("joint statement", command.StatementId);
        var field = await recorder.ReferencedAsync<CooperationField>("fieldCode", command.FieldCode, "cooperation field", ct);
        RecorderReferences.SameDialogue("fieldCode", statement.DialogueId, field.DialogueId, "cooperation field", field.Id);
        return await recorder.DecideAsync<JointStatement>(command.StatementId,
            (s, today) => JointStatementDecider.Decide(command, s, today), JointStatementDecider.Evolve, ct);
    }

    /// <param name="MeetingId">The meeting at which the statement was adopted.</param>
    public sealed record AdoptJointStatementRequest(string MeetingId, PartialDate AdoptedOn, string Place, IReadOnlyList<string> Signatories);

    [WolverinePost("/api/statements/{id}/adoption", OperationId = "adoptStatement"), Tags("Joint statements")]
    public static Task<Recorded> Post(string id, AdoptJointStatementRequest body, Recorder recorder, CancellationToken ct) =>
        Handle(new AdoptJointStatement(id, body.MeetingId, body.AdoptedOn, body.Place, body.Signatories), recorder, ct);

    [Step("adopt-statement")]
    public static async Task<Recorded> Handle(AdoptJointStatement command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        var statement = await recorder.LoadAsync<JointStatement>(command.StatementId, ct) ?? throw new RecordNotFound("joint statement", command.StatementId);
        var meeting = await recorder.ReferencedAsync<Meeting>("meetingId", command.MeetingId, "meeting", ct);
        RecorderReferences.SameDialogue("meetingId", statement.DialogueId, meeting.DialogueId, "meeting", meeting.Id);
        if (meeting.Status == MeetingStatus.Cancelled)
            throw InvalidCommand.For("meetingId", $"Meeting '{meeting.Id}' was cancelled; nothing was adopted at it.");
        var atMeeting = command with { Meeting = meeting };
        return await recorder.DecideAsync<JointStatement>(command.StatementId,
            (s, today) => JointStatementDecider.Decide(atMeeting, s, today), JointStatementDecider.Evolve, ct);
    }

    [WolverinePost("/api/statements", OperationId = "draftStatement"), Tags("Joint statements")]
    [Step("draft-statement")]
    public static async Task<Recorded> Handle(DraftJointStatement command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        await recorder.ReferencedAsync<Dialogue>("dialogueId", command.DialogueId, "dialogue", ct);
        await recorder.CitedAsync("documentId", command.DocumentId, command.DialogueId, ct);
        return await recorder.DecideAsync<JointStatement>(command.StatementId,
            (s, today) => JointStatementDecider.Decide(command, s, today), JointStatementDecider.Evolve, ct);
    }

    /// <summary>Joint statements with their clauses; <c>recordedAt</c>/<c>effectiveOn</c> replay them on those time axes.</summary>
    [WolverineGet("/api/statements", OperationId = "listStatements"), Tags("Joint statements")]
    public static Task<Listed<JointStatement>> List(string? dialogue, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        Listing.ByIdAsync<JointStatement>(session, Axes.Read(recordedAt, effectiveOn, clock), dialogue, JointStatementDecider.Evolve, s => s.DialogueId, s => s.Id, ct);

    /// <summary>One joint statement; <c>recordedAt</c>/<c>effectiveOn</c> replay it on those time axes. With its <c>version</c> (the ETag) and its own <c>history</c>: every entry, voided and corrected ones marked.</summary>
    [WolverineGet("/api/statements/{id}", OperationId = "getStatement"), Tags("Joint statements")]
    public static async Task<WithHistory<JointStatement>> Get(string id, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        await RecordHistory.FindAsync<JointStatement>(session, Axes.Read(recordedAt, effectiveOn, clock), id, JointStatementDecider.Evolve, "joint statement", ct);
}
