using Consultations.Host.Reports;
using Consultations.Projections.Fields;

namespace Consultations.Host.Web.Pages;

/// <summary>The dashboard: one dialogue's status report (the same <see cref="StatusReportBuilder"/> the report download uses).</summary>
public sealed class IndexModel(IQuerySession session, StatusReportBuilder reports) : WebPage
{
    [BindProperty(SupportsGet = true)] public string? Dialogue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Since { get; set; }

    public IReadOnlyList<Dialogue> Dialogues { get; private set; } = [];
    public StatusReport? Report { get; private set; }
    public string? Problem { get; private set; }
    public DateOnly? SinceDay { get; private set; }

    public CommitmentCounts Totals { get; } = new();
    public SortedDictionary<string, CommitmentCounts> ByParty { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<DashboardChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Dialogues = await WebDialogues.InOrderOpenedAsync(session, ct);
        // A dialogue asked for by name that is not on record is not quietly replaced by another one.
        if (!string.IsNullOrWhiteSpace(Dialogue) && Dialogues.All(d => d.Id != Dialogue)) return NotOnRecord(new RecordNotFound("dialogue", Dialogue));
        if (Dialogues.Count == 0) return Page();
        var chosen = Dialogue ?? Dialogues[0].Id;
        Dialogue = chosen;
        try
        {
            Report = await reports.BuildAsync(chosen, Axes, ct);
        }
        catch (RecordNotFound e)
        {
            // Before the dialogue was on record (a replay to an earlier day or instant): a page saying so, as a record's page does.
            return NotOnRecord(e);
        }
        catch (InvalidCommand e)
        {
            Problem = e.Message;
            return Page();
        }

        foreach (var line in Report.Fields)
        {
            Totals.Add(line.Field.Commitments);
            foreach (var (party, share) in line.Field.ByParty)
            {
                if (!ByParty.TryGetValue(party, out var counts)) ByParty[party] = counts = new CommitmentCounts();
                counts.Add(share.Commitments);
            }
        }

        if (!string.IsNullOrWhiteSpace(Since))
        {
            try
            {
                SinceDay = Auditing.Axes.Day("since", Since, HttpContext.RequestServices.GetRequiredService<TimeProvider>());
                if (SinceDay is { } day) Changes = await DashboardChanges.SinceAsync(session, Report, day, Axes, ct);
            }
            catch (InvalidCommand e)
            {
                // Like any other bad query value (ADR 0016): refused, naming the parameter, not quietly ignored.
                return Refuse(StatusCodes.Status400BadRequest, string.Join(" ", e.Errors.SelectMany(x => x.Value.Select(v => $"{x.Key}: {v}"))));
            }
        }

        return Page();
    }

    public MeetingRecordView? LatestMeeting => Report?.Meetings.Where(m => m.Status == MeetingStatus.Held)
        .OrderBy(m => m.Dates?.End.Latest ?? DateOnly.MinValue).LastOrDefault();

    /// <summary>
    /// The next meeting planned on or after the day viewed (one with no dates yet after those with dates), by planned day;
    /// not one whose planned days have passed (ADR 0059).
    /// </summary>
    public MeetingRecordView? NextMeeting => Report is not { } r ? null
        : r.Meetings.Where(m => m.Status == MeetingStatus.Scheduled && !(m.Dates is { } d && d.End.Latest < r.Today))
            .OrderBy(m => m.Dates?.From.Earliest ?? DateOnly.MaxValue).FirstOrDefault();

    /// <summary>Meetings whose planned days have all passed without an entry saying they were held (nor cancelled).</summary>
    public IReadOnlyList<MeetingRecordView> NotRecordedAsHeld => Report is not { } r ? []
        : [.. r.Meetings.Where(m => m.Status == MeetingStatus.Scheduled && m.Dates is { } d && d.End.Latest < r.Today).OrderBy(m => m.Dates!.From.Earliest)];
}
