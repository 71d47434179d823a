using Consultations.Domain.Commitments;
using Consultations.Domain.Common;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using Consultations.Projections.Fields;
using Marten;
using Wolverine.Http;

namespace Consultations.Host.CooperationFields.Reading;

public sealed record TouchView(string Id, string Title, string On, string Link);

public sealed record CommitmentBrief(string Id, string Text, CommitmentStatus Status, string StatusSince);

public sealed record FieldView(
    string Code,
    string DialogueId,
    int Number,
    string Title,
    string Scope,
    CommitmentCounts Commitments,
    int ActionItems,
    int OpenActionItems,
    IReadOnlyList<string> Agencies,
    IReadOnlyList<string> Programmes,
    TouchView? LatestMeeting,
    TouchView? LatestStatement,
    string? LastActivityOn,
    IReadOnlyList<CommitmentBrief>? CommitmentList = null);

public static class FieldQueries
{
    /// <summary>Every cooperation field with its status, in the order of its dialogue's numbering.</summary>
    [WolverineGet("/api/fields", OperationId = "listFields"), Tags("Cooperation fields")]
    public static async Task<IReadOnlyList<FieldView>> List(string? dialogue, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<FieldStatus>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(f => f.DialogueId == dialogue);
        var fields = await query.OrderBy(f => f.DialogueId).ThenBy(f => f.Number).ToListAsync(ct);
        var titles = await TitlesAsync(session, fields, ct);
        return [.. fields.Select(f => View(f, titles))];
    }

    [WolverineGet("/api/fields/{code}", OperationId = "getField"), Tags("Cooperation fields")]
    public static async Task<FieldView> Get(string code, IQuerySession session, CancellationToken ct)
    {
        var field = await session.LoadAsync<FieldStatus>(code, ct) ?? throw new RecordNotFound("cooperation field", code);
        var titles = await TitlesAsync(session, [field], ct);
        var commitments = await session.Query<Commitment>().Where(c => c.FieldCode == code).OrderBy(c => c.Id).ToListAsync(ct);
        return View(field, titles) with
        {
            CommitmentList = [.. commitments.Select(c => new CommitmentBrief(c.Id, c.Text, c.Status, c.StatusSince.ToString()))],
        };
    }

    private static async Task<Dictionary<string, string>> TitlesAsync(IQuerySession session, IReadOnlyList<FieldStatus> fields, CancellationToken ct)
    {
        var meetingIds = fields.Select(f => f.LatestMeeting?.Id).OfType<string>().Distinct().ToArray();
        var statementIds = fields.Select(f => f.LatestStatement?.Id).OfType<string>().Distinct().ToArray();
        var meetings = meetingIds.Length == 0 ? [] : await session.LoadManyAsync<Meeting>(ct, meetingIds);
        var statements = statementIds.Length == 0 ? [] : await session.LoadManyAsync<JointStatement>(ct, statementIds);
        return meetings.Select(m => KeyValuePair.Create("meeting:" + m.Id, m.Title))
            .Concat(statements.Select(s => KeyValuePair.Create("statement:" + s.Id, s.Title)))
            .ToDictionary();
    }

    private static FieldView View(FieldStatus f, Dictionary<string, string> titles) => new(
        f.Id, f.DialogueId, f.Number, f.Title, f.Scope, f.Commitments, f.ActionItems, f.OpenActionItems, f.Agencies, f.Programmes,
        f.LatestMeeting is { } m ? new TouchView(m.Id, titles.GetValueOrDefault("meeting:" + m.Id, m.Id), m.On.ToString(), $"/api/meetings/{m.Id}") : null,
        f.LatestStatement is { } s ? new TouchView(s.Id, titles.GetValueOrDefault("statement:" + s.Id, s.Id), s.On.ToString(), $"/api/statements/{s.Id}") : null,
        f.LastActivityOn?.ToString());
}
