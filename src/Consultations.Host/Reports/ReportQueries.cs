using Consultations.Projections.ActionPlans;
using Consultations.Projections.Fields;
using Consultations.Projections.Meetings;
using Consultations.Projections.Register;

namespace Consultations.Host.Reports;

/// <summary>
/// Reads of the async reporting projections. Each says how fresh it is: <c>X-Projection-Sequence</c> (the last event
/// it reflects), <c>X-Event-Sequence</c> (the last event recorded), <c>X-Projection-Current</c> and <c>X-Projection-As-Of</c>.
/// With <c>recordedAt</c> (an ISO-8601 instant) and/or <c>effectiveOn</c> (yyyy-MM-dd) a report is replayed from the
/// events on those time axes instead, with the projections' own folds; such an answer is current by construction
/// (<see cref="ProjectionFreshness.WriteReplayedHeaders"/>).
/// </summary>
public static class ReportQueries
{
    /// <summary>
    /// The commitment register: each commitment's status, the date it took each status, and the days in its current
    /// status (counted to today, or to <c>effectiveOn</c>). Filters: dialogue, field, status, party, agency, from/to;
    /// CSV with format=csv; <c>recordedAt</c>/<c>effectiveOn</c> replay it on those time axes.
    /// </summary>
    [WolverineGet("/api/reports/commitment-register", OperationId = "getCommitmentRegister"), Tags("Reports")]
    public static async Task<Listed<RegisterRow>> Register(string? dialogue, string? field, string? status, string? recordedAt, string? effectiveOn,
        HttpContext http, IQuerySession session, ProjectionFreshness freshness, TimeProvider clock, ReportingOptions reporting, CancellationToken ct)
    {
        var axes = Axes.Read(recordedAt, effectiveOn, clock);
        var replay = await ReplayAsync(http.Response, session, freshness, axes, Subject.Of(dialogue, field), ["CommitmentRegister"], ct);
        CommitmentStatus? wanted = string.IsNullOrWhiteSpace(status) ? null : QueryValues.Enum<CommitmentStatus>("status", status);
        var entries = await RegisterAsync(session, replay, dialogue, field, wanted, ct);
        var titles = replay is null
            ? await FieldTitlesAsync(session, ct)
            : replay.Fields().Values.ToDictionary(f => f.Id, f => f.Title);
        var today = DayOf(axes, clock);
        return Listed<RegisterRow>.Of([.. entries.Select(e => ReportViews.Row(e, today, titles, reporting.DueSoonDays))]);
    }

    /// <summary>
    /// Each meeting with its outcome, the statements adopted at it and the commitments made at it or drawn from those
    /// statements; <c>recordedAt</c>/<c>effectiveOn</c> replay it on those time axes.
    /// </summary>
    [WolverineGet("/api/reports/meetings", OperationId = "getMeetingRecords"), Tags("Reports")]
    public static async Task<Listed<MeetingRecordView>> Meetings(string? dialogue, string? recordedAt, string? effectiveOn, HttpContext http,
        IQuerySession session, ProjectionFreshness freshness, TimeProvider clock, CancellationToken ct)
    {
        var axes = Axes.Read(recordedAt, effectiveOn, clock);
        var replay = await ReplayAsync(http.Response, session, freshness, axes, Subject.Of(dialogue), ["MeetingRecord", "CommitmentRegister"], ct);
        return Listed<MeetingRecordView>.Of(await MeetingRecordsAsync(session, replay, dialogue, ct));
    }

    /// <summary>
    /// Action-plan progress: one row per plan (all its fields, <c>fieldCode</c> null) and one per plan and field;
    /// <c>recordedAt</c>/<c>effectiveOn</c> replay it on those time axes.
    /// </summary>
    [WolverineGet("/api/reports/action-plans", OperationId = "getActionPlanProgress"), Tags("Reports")]
    public static async Task<Listed<ActionPlanProgressRow>> ActionPlans(string? dialogue, string? recordedAt, string? effectiveOn, HttpContext http,
        IQuerySession session, ProjectionFreshness freshness, TimeProvider clock, ReportingOptions reporting, CancellationToken ct)
    {
        var axes = Axes.Read(recordedAt, effectiveOn, clock);
        var replay = await ReplayAsync(http.Response, session, freshness, axes, Subject.Of(dialogue), ["ActionPlanProgress"], ct);
        return Listed<ActionPlanProgressRow>.Of(await PlanRowsAsync(session, replay, dialogue, DayOf(axes, clock), reporting.DueSoonDays, ct));
    }

    /// <summary>Each plan's rows, with its items' milestones overdue or due soon on <paramref name="day"/>.</summary>
    public static async Task<IReadOnlyList<ActionPlanProgressRow>> PlanRowsAsync(IQuerySession session, RecordAsOf? replay, string? dialogue, DateOnly day, int dueSoonDays,
        CancellationToken ct)
    {
        var progress = await PlanProgressAsync(session, replay, dialogue, ct);
        var ids = progress.Select(p => p.Id).ToArray();
        var plans = replay is not null ? replay.Records<ActionPlan>(ActionPlanDecider.Evolve)
            : ids.Length == 0 ? [] : await session.LoadManyAsync<ActionPlan>(ct, ids);
        var byId = plans.ToDictionary(p => p.Id);
        return [.. progress.SelectMany(p => ReportViews.Rows(p, byId.GetValueOrDefault(p.Id), day, dueSoonDays))];
    }

    /// <summary>How far each async projection has come against the last event recorded.</summary>
    [WolverineGet("/api/reports/freshness", OperationId = "getProjectionFreshness"), Tags("Reports")]
    public static Task<IReadOnlyList<Freshness>> Freshness(ProjectionFreshness freshness, CancellationToken ct) => freshness.AllAsync(ct);

    /// <summary>Now (no axes): null, and the freshness of the stored projections in the headers. Else the subject's events on the axes.</summary>
    private static async Task<RecordAsOf?> ReplayAsync(HttpResponse response, IQuerySession session, ProjectionFreshness freshness, Axes axes, Subject subject,
        IReadOnlyCollection<string> projections, CancellationToken ct)
    {
        if (axes.IsNow)
        {
            await freshness.WriteHeadersAsync(response, projections, ct);
            return null;
        }

        ProjectionFreshness.WriteReplayedHeaders(response);
        return await RecordAsOf.LoadAsync(session, axes, subject, ct);
    }

    /// <summary>
    /// The day viewed, that days in status, health and deadlines are counted to: the effective day asked for; else the day
    /// of the recorded instant asked for (the record as it stood then is judged as it would have been then); else today.
    /// </summary>
    public static DateOnly DayOf(Axes axes, TimeProvider clock) =>
        axes.EffectiveOn ?? (axes.RecordedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    /// <summary>The register's entries, by field then id: the stored projection when <paramref name="replay"/> is null, else replayed.</summary>
    public static async Task<IReadOnlyList<CommitmentRegisterEntry>> RegisterAsync(IQuerySession session, RecordAsOf? replay, string? dialogue, string? field,
        CommitmentStatus? status, CancellationToken ct)
    {
        var query = replay is null ? session.Query<CommitmentRegisterEntry>().AsQueryable() : replay.Register().AsQueryable();
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(c => c.DialogueId == dialogue);
        if (!string.IsNullOrWhiteSpace(field)) query = query.Where(c => c.FieldCode == field);
        if (status is { } wanted) query = query.Where(c => c.Status == wanted);
        // Ordered here, ordinally, so stored and replayed come alike (the service's database collates with locale C, the same order).
        return [.. (await query.ListAsync(ct)).OrderBy(c => c.FieldCode, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    /// <summary>Each plan's progress, by id: the stored projection when <paramref name="replay"/> is null, else replayed.</summary>
    public static async Task<IReadOnlyList<ActionPlanProgress>> PlanProgressAsync(IQuerySession session, RecordAsOf? replay, string? dialogue, CancellationToken ct)
    {
        var query = replay is null ? session.Query<ActionPlanProgress>().AsQueryable() : replay.PlanProgress().AsQueryable();
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(p => p.DialogueId == dialogue);
        return [.. (await query.ListAsync(ct)).OrderBy(p => p.Id, StringComparer.Ordinal)];
    }

    /// <summary>The meeting records with what came of them: the stored projections when <paramref name="replay"/> is null, else replayed.</summary>
    public static async Task<IReadOnlyList<MeetingRecordView>> MeetingRecordsAsync(IQuerySession session, RecordAsOf? replay, string? dialogue, CancellationToken ct)
    {
        var query = replay is null ? session.Query<MeetingRecord>().AsQueryable() : replay.MeetingRecords().AsQueryable();
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(m => m.DialogueId == dialogue);
        var meetings = await query.ListAsync(ct);
        var register = await RegisterAsync(session, replay, dialogue, null, null, ct);
        var statementIds = meetings.SelectMany(m => m.StatementsAdopted).Select(s => s.StatementId).Distinct().ToArray();
        var statements = replay is not null ? replay.Records<JointStatement>(JointStatementDecider.Evolve)
            : statementIds.Length == 0 ? [] : await session.LoadManyAsync<JointStatement>(ct, statementIds);
        var titles = statements.Where(s => statementIds.Contains(s.Id)).ToDictionary(s => s.Id, s => s.Title);
        // A plan reaffirmed by a statement was reaffirmed at the meeting that adopted it.
        var plans = replay is null ? session.Query<ActionPlan>().AsQueryable() : replay.Records<ActionPlan>(ActionPlanDecider.Evolve).AsQueryable();
        if (!string.IsNullOrWhiteSpace(dialogue)) plans = plans.Where(p => p.DialogueId == dialogue);
        var planList = await plans.ListAsync(ct);
        return
        [
            .. meetings
                .OrderBy(m => m.Dates is null)
                .ThenBy(m => m.Dates?.From.Earliest)
                .ThenBy(m => m.Id, StringComparer.Ordinal)
                .Select(m => ReportViews.Meeting(m, titles, register, planList)),
        ];
    }

    public static async Task<IReadOnlyDictionary<string, string>> FieldTitlesAsync(IQuerySession session, CancellationToken ct) =>
        (await session.Query<Domain.CooperationFields.CooperationField>().ToListAsync(ct)).ToDictionary(f => f.Id, f => f.Title);
}
