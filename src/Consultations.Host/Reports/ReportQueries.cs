using Consultations.Host.Auditing;
using Consultations.Domain.Commitments;
using Consultations.Domain.JointStatements;
using Consultations.Host.Infrastructure;
using Consultations.Projections.ActionPlans;
using Consultations.Projections.Fields;
using Consultations.Projections.Meetings;
using Consultations.Projections.Register;
using Marten;
using Wolverine.Http;

namespace Consultations.Host.Reports;

/// <summary>
/// Reads of the async reporting projections. Each says how fresh it is: <c>X-Projection-Sequence</c> (the last event
/// it reflects), <c>X-Event-Sequence</c> (the last event recorded), <c>X-Projection-Current</c> and <c>X-Projection-As-Of</c>.
/// </summary>
public static class ReportQueries
{
    /// <summary>
    /// The commitment register: each commitment's status, the date it took each status, and the days in its current
    /// status (counted to today). Filters: dialogue, field, status, party, agency, from/to; CSV with format=csv.
    /// </summary>
    [WolverineGet("/api/reports/commitment-register", OperationId = "getCommitmentRegister"), Tags("Reports")]
    public static async Task<IReadOnlyList<RegisterRow>> Register(string? dialogue, string? field, string? status,
        HttpContext http, IQuerySession session, ProjectionFreshness freshness, TimeProvider clock, CancellationToken ct)
    {
        await freshness.WriteHeadersAsync(http.Response, ["CommitmentRegister"], ct);
        var query = session.Query<CommitmentRegisterEntry>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(c => c.DialogueId == dialogue);
        if (!string.IsNullOrWhiteSpace(field)) query = query.Where(c => c.FieldCode == field);
        if (!string.IsNullOrWhiteSpace(status))
        {
            var wanted = QueryValues.Enum<CommitmentStatus>("status", status);
            query = query.Where(c => c.Status == wanted);
        }

        var entries = await query.OrderBy(c => c.FieldCode).ThenBy(c => c.Id).ToListAsync(ct);
        var titles = await FieldTitlesAsync(session, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return [.. entries.Select(e => ReportViews.Row(e, today, titles))];
    }

    /// <summary>Each meeting with its outcome, the statements adopted at it and the commitments made at it or drawn from those statements.</summary>
    [WolverineGet("/api/reports/meetings", OperationId = "getMeetingRecords"), Tags("Reports")]
    public static async Task<IReadOnlyList<MeetingRecordView>> Meetings(string? dialogue, HttpContext http, IQuerySession session,
        ProjectionFreshness freshness, CancellationToken ct)
    {
        await freshness.WriteHeadersAsync(http.Response, ["MeetingRecord", "CommitmentRegister"], ct);
        return await MeetingRecordsAsync(session, dialogue, ct);
    }

    /// <summary>Action-plan progress: one row per plan (all its fields, <c>fieldCode</c> null) and one per plan and field.</summary>
    [WolverineGet("/api/reports/action-plans", OperationId = "getActionPlanProgress"), Tags("Reports")]
    public static async Task<IReadOnlyList<ActionPlanProgressRow>> ActionPlans(string? dialogue, HttpContext http, IQuerySession session,
        ProjectionFreshness freshness, CancellationToken ct)
    {
        await freshness.WriteHeadersAsync(http.Response, ["ActionPlanProgress"], ct);
        var query = session.Query<ActionPlanProgress>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(p => p.DialogueId == dialogue);
        var plans = await query.OrderBy(p => p.Id).ToListAsync(ct);
        return [.. plans.SelectMany(ReportViews.Rows)];
    }

    /// <summary>How far each async projection has come against the last event recorded.</summary>
    [WolverineGet("/api/reports/freshness", OperationId = "getProjectionFreshness"), Tags("Reports")]
    public static Task<IReadOnlyList<Freshness>> Freshness(ProjectionFreshness freshness, CancellationToken ct) => freshness.AllAsync(ct);

    public static async Task<IReadOnlyList<MeetingRecordView>> MeetingRecordsAsync(IQuerySession session, string? dialogue, CancellationToken ct)
    {
        var query = session.Query<MeetingRecord>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(m => m.DialogueId == dialogue);
        var meetings = await query.ToListAsync(ct);
        var register = await (string.IsNullOrWhiteSpace(dialogue)
            ? session.Query<CommitmentRegisterEntry>()
            : session.Query<CommitmentRegisterEntry>().Where(c => c.DialogueId == dialogue)).ToListAsync(ct);
        var statementIds = meetings.SelectMany(m => m.StatementsAdopted).Select(s => s.StatementId).Distinct().ToArray();
        var statements = statementIds.Length == 0 ? [] : await session.LoadManyAsync<JointStatement>(ct, statementIds);
        var titles = statements.ToDictionary(s => s.Id, s => s.Title);
        // A plan reaffirmed by a statement was reaffirmed at the meeting that adopted it.
        var plans = await (string.IsNullOrWhiteSpace(dialogue)
            ? session.Query<Domain.ActionPlans.ActionPlan>()
            : session.Query<Domain.ActionPlans.ActionPlan>().Where(p => p.DialogueId == dialogue)).ToListAsync(ct);
        return
        [
            .. meetings
                .OrderBy(m => m.Dates is null)
                .ThenBy(m => m.Dates?.From.Earliest)
                .ThenBy(m => m.Id, StringComparer.Ordinal)
                .Select(m => ReportViews.Meeting(m, titles, register, plans)),
        ];
    }

    public static async Task<IReadOnlyDictionary<string, string>> FieldTitlesAsync(IQuerySession session, CancellationToken ct) =>
        (await FieldStatuses.ListAsync(session, Subject.Everything, ct)).ToDictionary(f => f.Id, f => f.Title);
}
