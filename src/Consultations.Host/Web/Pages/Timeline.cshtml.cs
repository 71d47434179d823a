using Consultations.Host.Reports;
using Consultations.Projections.Timeline;

namespace Consultations.Host.Web.Pages;

public sealed class TimelineModel(IQuerySession session, StatusReportBuilder reports) : WebPage
{
    [BindProperty(SupportsGet = true)] public string? Dialogue { get; set; }

    public IReadOnlyList<TimelineEntry> Entries { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var dialogues = await session.Query<Domain.Dialogues.Dialogue>().ToListAsync(ct);
        if (dialogues.Count == 0) return;
        try
        {
            var report = await reports.BuildAsync(dialogues.FirstOrDefault(d => d.Id == Dialogue)?.Id ?? dialogues.OrderBy(d => d.Id, StringComparer.Ordinal).First().Id, Axes, ct);
            Entries = report.Timeline;
        }
        catch (Exception e) when (e is RecordNotFound or InvalidCommand)
        {
            Problem = e.Message;
        }
    }
}
