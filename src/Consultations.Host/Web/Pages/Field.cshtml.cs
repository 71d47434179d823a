using Consultations.Host.CooperationFields;
using Consultations.Host.Reports;

namespace Consultations.Host.Web.Pages;

/// <param name="Clause">The clause as the statement has it on the page's axes.</param>
public sealed record FieldClause(string StatementId, string StatementTitle, Clause Clause);

/// <summary>One cooperation field: the API's field view and history, and its lines of the status report (commitments, items, meetings).</summary>
public sealed class FieldModel(IQuerySession session, StatusReportBuilder reports, TimeProvider clock, ReportingOptions reporting) : WebPage
{
    public WithHistory<FieldView> Field { get; private set; } = null!;
    public StatusReport Report { get; private set; } = null!;

    public VoidChecks? NotVoidable { get; private set; }
    public RecordTitles Titles { get; private set; } = RecordTitles.None;

    /// <summary>The joint statements' clauses in this field, on the page's axes.</summary>
    public IReadOnlyList<FieldClause> Clauses { get; private set; } = [];

    /// <summary>
    /// The documents that touched the field: those of the statements with a clause in it, those its commitments are drawn
    /// from or cite as evidence, and those the outcomes of meetings in it are known from.
    /// </summary>
    public IReadOnlyList<string> Documents { get; private set; } = [];

    /// <summary>Whether each commitment's text quotes its source or paraphrases it (absent when the record does not say).</summary>
    public IReadOnlyDictionary<string, Wording> Wordings { get; private set; } = new Dictionary<string, Wording>();

    /// <summary>The action-plan items of this field, by plan, each linked to its own page.</summary>
    public IReadOnlyList<(string PlanId, Domain.ActionPlans.ActionPlanItem Item)> Items { get; private set; } = [];

    /// <summary>An item's milestones overdue or due soon on the day viewed, marked as the item's page and the dashboard mark them (ADR 0059, 0060).</summary>
    public IReadOnlyList<MilestoneView> Due(Domain.ActionPlans.ActionPlanItem item) =>
        [.. Deadlines.Views(item.Milestones, ReportQueries.DayOf(Axes, clock), reporting.DueSoonDays, !item.IsOpen).Where(m => m.Overdue || m.DueSoon)];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return NotFound();
        try
        {
            Field = await FieldQueries.Get(code, WebLinks.Instant(RecordedAt), EffectiveOn, session, clock, reporting, ct);
        }
        catch (RecordNotFound e)
        {
            return NotOnRecord(e);
        }

        if (CanRecord) NotVoidable = await HistoryView.NotVoidableAsync(session, code, ct);
        var dialogue = Field.Record.DialogueId;
        Report = await reports.BuildAsync(dialogue, Axes, ct);

        var subject = Subject.Of(dialogue, code);
        var statements = await (await RecordAsOf.QueryAsync<JointStatement>(session, Axes, subject, JointStatementDecider.Evolve, ct)).ListAsync(ct);
        Clauses = [.. statements.Where(s => s.DialogueId == dialogue).OrderBy(s => s.Id, StringComparer.Ordinal)
            .SelectMany(s => s.Clauses.Where(c => c.FieldCode == code).OrderBy(c => c.Number).Select(c => new FieldClause(s.Id, s.Title, c)))];
        var commitments = (await (await RecordAsOf.QueryAsync<Commitment>(session, Axes, subject, CommitmentDecider.Evolve, ct)).ListAsync(ct))
            .Where(c => c.DialogueId == dialogue && c.FieldCode == code).ToList();
        Wordings = commitments.Where(c => c.TextIs is not null).ToDictionary(c => c.Id, c => c.TextIs!.Value);
        var meetings = (await (await RecordAsOf.QueryAsync<Meeting>(session, Axes, subject, MeetingDecider.Evolve, ct)).ListAsync(ct))
            .Where(m => m.DialogueId == dialogue && m.Outcome is { } o && o.FieldCodes.Contains(code));
        var plans = await (await RecordAsOf.QueryAsync<Domain.ActionPlans.ActionPlan>(session, Axes, subject, Domain.ActionPlans.ActionPlanDecider.Evolve, ct)).ListAsync(ct);
        Items = [.. plans.Where(p => p.DialogueId == dialogue).OrderBy(p => p.Id, StringComparer.Ordinal)
            .SelectMany(p => p.Items.Where(i => i.FieldCode == code).Select(i => (p.Id, i)))];

        Documents = [.. statements.Where(s => s.DialogueId == dialogue && s.Clauses.Any(c => c.FieldCode == code))
                .SelectMany(s => s.Clauses.Where(c => c.FieldCode == code).Select(c => c.DocumentId).Append(s.DocumentId))
            .Concat(commitments.SelectMany(c => c.StatusHistory.SelectMany(h => h.Evidence).Append(c.DocumentId)))
            .Concat(meetings.SelectMany(m => m.Outcome!.Evidence))
            .OfType<string>().Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

        Titles = await TitlesAsync(session, HistoryView.Links(Field.History)
            .Concat(Documents.Select(d => ("documents", d))), ct);
        return Page();
    }
}
