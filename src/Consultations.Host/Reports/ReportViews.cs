using Consultations.Projections.ActionPlans;
using Consultations.Projections.Meetings;
using Consultations.Projections.Register;

namespace Consultations.Host.Reports;

public sealed record SourceView(string Kind, string Id, string? Part, string Link);

/// <param name="StatusDates">The date the commitment took each status it has had; null for statuses it never had.</param>
/// <param name="DaysInStatus">Days from the earliest day its current status can have begun to today.</param>
public sealed record RegisterRow(
    string Id,
    string DialogueId,
    string FieldCode,
    string? FieldTitle,
    CommitmentStatus Status,
    string StatusSince,
    int DaysInStatus,
    string MadeOn,
    IReadOnlyDictionary<string, string?> StatusDates,
    IReadOnlyList<RegisterStep> Steps,
    string Text,
    IReadOnlyList<string> Parties,
    IReadOnlyList<string> Agencies,
    IReadOnlyList<string> Programmes,
    IReadOnlyList<string> Fora,
    IReadOnlyList<string> Agreements,
    SourceView Source,
    string? SupersededBy,
    int Amendments,
    bool Final,
    string Link,
    IReadOnlyList<PartyProgressView> PartyProgress,
    IReadOnlyList<LeadView> Leads,
    ComplianceView Compliance,
    IReadOnlyList<MilestoneView> Milestones,
    string? NextDueOn,
    bool Overdue,
    bool DueSoon);

public sealed record RegisterStep(CommitmentStatus Status, string On, string? Reason);

public sealed record MeetingCommitment(string Id, string FieldCode, CommitmentStatus? Status, string Text, string Via, string Link);

public sealed record MeetingStatementView(string Id, string? Title, string AdoptedOn, IReadOnlyList<string> Signatories, string Link);

public sealed record MeetingRecordView(
    string Id,
    string DialogueId,
    MeetingKind Kind,
    string Title,
    string Place,
    MeetingStatus Status,
    DateSpan? Dates,
    string Date,
    string? Outcome,
    IReadOnlyList<string> Decisions,
    IReadOnlyList<string> FieldCodes,
    IReadOnlyList<MeetingStatementView> StatementsAdopted,
    IReadOnlyList<MeetingCommitment> CommitmentsMade,
    int CommitmentCount,
    IReadOnlyList<string> PlansReaffirmed,
    IReadOnlyList<string> Parties,
    IReadOnlyList<string> Participants,
    string? CancellationReason,
    string Link);

/// <param name="FieldCode">The field of this row; null on the plan's own row (all its fields together).</param>
public sealed record ActionPlanProgressRow(
    string PlanId,
    string PlanTitle,
    string? FieldCode,
    string DialogueId,
    ItemCountsView Items,
    int PercentDone,
    string? LastActivityOn,
    string Period,
    int Reaffirmations,
    int OverdueMilestones = 0,
    int MilestonesDueSoon = 0);

public sealed record ItemCountsView(int NotStarted, int OnTrack, int Delayed, int Completed, int Dropped, int Open, int Total)
{
    public static ItemCountsView Of(ItemCounts c) => new(c.NotStarted, c.OnTrack, c.Delayed, c.Completed, c.Dropped, c.Open, c.Total);
}

public static class ReportViews
{
    // A JSON member name: inProgressOn.
    private static string Word(CommitmentStatus status) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    public static RegisterRow Row(CommitmentRegisterEntry e, DateOnly today, IReadOnlyDictionary<string, string> fieldTitles, int dueSoonDays)
    {
        var milestones = Deadlines.Views(e.Milestones, today, dueSoonDays, e.IsFinal);
        return Row(e, today, fieldTitles) with
        {
            PartyProgress = Deadlines.Progress(e.Parties, e.PartyProgress),
            Leads = Deadlines.Leads(e.Leads),
            Compliance = Deadlines.Compliance(e.Assessments),
            Milestones = milestones,
            NextDueOn = e.IsFinal ? null : milestones.FirstOrDefault(m => m.MetOn is null)?.DueOn,
            Overdue = milestones.Any(m => m.Overdue),
            DueSoon = milestones.Any(m => m.DueSoon),
        };
    }

    private static RegisterRow Row(CommitmentRegisterEntry e, DateOnly today, IReadOnlyDictionary<string, string> fieldTitles) => new(
        e.Id, e.DialogueId, e.FieldCode, fieldTitles.GetValueOrDefault(e.FieldCode), e.Status, e.StatusSince.ToString(), e.DaysInStatus(today),
        e.MadeOn.ToString(),
        Enum.GetValues<CommitmentStatus>().ToDictionary(s => Word(s) + "On", s => e.DateOf(s)?.ToString()),
        [.. e.Steps.Select(s => new RegisterStep(s.Status, s.On.ToString(), s.Reason))],
        e.Text, e.Parties, e.Agencies, e.Programmes, e.Fora, e.Agreements,
        Source(e.SourceKind, e.SourceId, e.SourcePart),
        e.SupersededBy, e.Amendments, e.IsFinal, $"/api/commitments/{e.Id}", [], [], new ComplianceView(null, 0, []), [], null, false, false);

    public static SourceView Source(SourceKind kind, string id, string? part) => kind switch
    {
        SourceKind.Clause => new("clause", id, part, $"/api/statements/{id}"),
        SourceKind.Statement => new("statement", id, part, $"/api/statements/{id}"),
        SourceKind.Meeting => new("meeting", id, part, $"/api/meetings/{id}"),
        _ => new("plan-item", id, part, $"/api/action-plans/{id}"),
    };

    /// <param name="plan">The plan's own record, for its items' milestones judged on <paramref name="day"/>; null counts none.</param>
    public static IEnumerable<ActionPlanProgressRow> Rows(ActionPlanProgress p, Domain.ActionPlans.ActionPlan? plan, DateOnly day, int dueSoonDays)
    {
        var period = $"{p.PeriodFrom}–{p.PeriodTo}";
        var milestones = (plan?.Items ?? [])
            .SelectMany(i => Deadlines.Views(i.Milestones, day, dueSoonDays, !i.IsOpen).Select(m => (i.FieldCode, m)))
            .ToList();
        (int Overdue, int DueSoon) Count(string? field) =>
            (milestones.Count(x => (field is null || x.FieldCode == field) && x.m.Overdue), milestones.Count(x => (field is null || x.FieldCode == field) && x.m.DueSoon));
        var all = Count(null);
        yield return new(p.Id, p.Title, null, p.DialogueId, ItemCountsView.Of(p.Items), PercentDone(p.Items), p.LastActivityOn?.ToString(), period, p.Reaffirmations,
            all.Overdue, all.DueSoon);
        foreach (var f in p.ByField)
        {
            var counts = Count(f.FieldCode);
            yield return new(p.Id, p.Title, f.FieldCode, p.DialogueId, ItemCountsView.Of(f.Items), PercentDone(f.Items), p.LastActivityOn?.ToString(), period, p.Reaffirmations,
                counts.Overdue, counts.DueSoon);
        }
    }

    /// <summary>Completed items out of those not dropped, in whole per cent.</summary>
    public static int PercentDone(ItemCounts c) => c.Total - c.Dropped == 0 ? 0 : (int)Math.Round(100.0 * c.Completed / (c.Total - c.Dropped));

    public static MeetingRecordView Meeting(MeetingRecord m, IReadOnlyDictionary<string, string> statementTitles, IReadOnlyList<CommitmentRegisterEntry> register,
        IReadOnlyList<Domain.ActionPlans.ActionPlan> plans)
    {
        var statements = m.StatementsAdopted.Select(s => s.StatementId).ToHashSet();
        var direct = m.CommitmentsMade.Select(c =>
            new MeetingCommitment(c.CommitmentId, c.FieldCode, register.FirstOrDefault(r => r.Id == c.CommitmentId)?.Status, c.Text, "meeting", $"/api/commitments/{c.CommitmentId}"));
        var viaStatements = register
            .Where(r => r.SourceKind is SourceKind.Clause or SourceKind.Statement && statements.Contains(r.SourceId))
            .OrderBy(r => r.FieldCode, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new MeetingCommitment(r.Id, r.FieldCode, r.Status, r.Text, $"statement {r.SourceId}", $"/api/commitments/{r.Id}"));
        List<MeetingCommitment> commitments = [.. direct, .. viaStatements];
        return new MeetingRecordView(
            m.Id, m.DialogueId, m.Kind, m.Title, m.Place, m.Status, m.Dates, m.Dates?.ToString() ?? "not yet fixed",
            m.OutcomeSummary, m.Decisions, m.FieldCodes,
            [.. m.StatementsAdopted.Select(s => new MeetingStatementView(s.StatementId, statementTitles.GetValueOrDefault(s.StatementId), s.AdoptedOn.ToString(), s.Signatories, $"/api/statements/{s.StatementId}"))],
            commitments, commitments.Count,
            [
                .. m.PlansReaffirmed.Select(p => p.PlanId)
                    .Concat(plans.Where(p => p.Reaffirmations.Any(r => r.By.Kind == SourceKind.Statement && statements.Contains(r.By.Id))).Select(p => p.Id))
                    .Distinct(),
            ],
            m.Parties, m.Participants, m.CancellationReason, $"/api/meetings/{m.Id}");
    }
}
