using Consultations.Host.CooperationFields;
using Consultations.Host.Reports;

namespace Consultations.Host.Web.Pages;

/// <summary>One cooperation field: the API's field view and history, and its lines of the status report (commitments, items, meetings).</summary>
public sealed class FieldModel(IQuerySession session, StatusReportBuilder reports, TimeProvider clock, ReportingOptions reporting) : WebPage
{
    public WithHistory<FieldView> Field { get; private set; } = null!;
    public StatusReport Report { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, string>? NotVoidable { get; private set; }
    public RecordTitles Titles { get; private set; } = RecordTitles.None;

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
        Report = await reports.BuildAsync(Field.Record.DialogueId, Axes, ct);
        Titles = await RecordTitles.LoadAsync(session, HistoryView.Links(Field.History), ct);
        return Page();
    }
}
