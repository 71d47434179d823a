using Consultations.Host.Meetings;

namespace Consultations.Host.Web.Pages;

public sealed class MeetingModel(IQuerySession session, TimeProvider clock) : WebPage
{
    public WithHistory<Meeting> Meeting { get; private set; } = null!;
    public VoidChecks? NotVoidable { get; private set; }
    public RecordTitles Titles { get; private set; } = RecordTitles.None;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(id)) return NotFound();
        try
        {
            Meeting = await MeetingEndpoints.Get(id, WebLinks.Instant(RecordedAt), EffectiveOn, session, clock, ct);
            if (CanRecord) NotVoidable = await HistoryView.NotVoidableAsync(session, id, ct);
            var outcome = Meeting.Record.Outcome;
            Titles = await TitlesAsync(session, HistoryView.Links(Meeting.History)
                .Concat((outcome?.FieldCodes ?? []).Select(code => ("fields", code)))
                .Concat((outcome?.Evidence ?? []).Select(doc => ("documents", doc))), ct);
        }
        catch (RecordNotFound e)
        {
            return NotOnRecord(e);
        }

        return Page();
    }
}
