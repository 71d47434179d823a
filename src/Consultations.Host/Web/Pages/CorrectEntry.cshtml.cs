using Consultations.Domain.Commitments;
using Consultations.Domain.Corrections;
using Consultations.Domain.Meetings;
using Consultations.Host.Corrections;
using JasperFx.Events;

namespace Consultations.Host.Web.Pages;

/// <summary>
/// Corrects the values of an entry from its history line through <see cref="CorrectionEndpoints.Handle(CorrectEntry, Recorder, CancellationToken)"/>:
/// the form shows only the values that entry's kind takes, filled with what the record reads now, and sends the ones changed.
/// </summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class CorrectEntryModel(Recorder recorder, WriteConditions conditions) : WebForm(recorder, conditions)
{
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public CommitmentStatus? To { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? CorrectedEffectiveOn { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? DatesFrom { get; set; }
    [BindProperty] public string? DatesTo { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Decisions { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IEvent Entry { get; private set; } = null!;

    /// <summary>The entry as every view reads it now (its earlier corrections applied).</summary>
    public object Live { get; private set; } = null!;

    public IReadOnlyList<CommitmentStatus> Targets { get; private set; } = [];

    public override string? RecordPage => Entry is null ? null : RecordPages.Of(Entry) ?? Back;

    public string Back => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public async Task<IActionResult> OnGetAsync(Guid eventId, CancellationToken ct)
    {
        if (!await LoadAsync(eventId, ct)) return NotOnRecord(new RecordNotFound("entry", eventId.ToString()));
        Version = (await Session.Events.FetchStreamStateAsync(Entry.StreamKey!, ct))?.Version;
        switch (Live)
        {
            case CommitmentStatusChanged c:
                To = c.To;
                CorrectedEffectiveOn = c.EffectiveOn.ToString();
                break;
            case MeetingHeld h:
                Place = h.Place;
                DatesFrom = h.Dates.From.ToString();
                DatesTo = h.Dates.To?.ToString();
                break;
            case MeetingOutcomeRecorded o:
                Summary = o.Summary;
                Decisions = string.Join("\n", o.Decisions);
                break;
        }

        NewToken();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid eventId, CancellationToken ct)
    {
        if (!await LoadAsync(eventId, ct)) return NotOnRecord(new RecordNotFound("entry", eventId.ToString()));
        var command = Changed(eventId);
        if (Errors.Count == 0 && command is null) Errors[FirstField] = "Change at least one value to correct.";
        if (Errors.Count == 0 && await RecordAsync((r, c) => CorrectionEndpoints.Handle(command!, r, c), ct)) return LocalRedirect(Back);
        if (Errors.Count > 0 && Response.StatusCode == 200) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string FirstField => Live switch
    {
        CommitmentStatusChanged => "to",
        MeetingHeld => "place",
        _ => "summary",
    };

    /// <summary>The command with only the values the person changed, or null when none changed.</summary>
    private CorrectEntry? Changed(Guid eventId)
    {
        var reason = Reason ?? "";
        switch (Live)
        {
            case CommitmentStatusChanged c:
            {
                var day = Date("effectiveOn", CorrectedEffectiveOn);
                if (string.IsNullOrWhiteSpace(CorrectedEffectiveOn)) Errors["effectiveOn"] = "is required: the day the change took effect.";
                var to = To is { } t && t != c.To ? t : (CommitmentStatus?)null;
                var effective = day is { } d && d != c.EffectiveOn ? d : (PartialDate?)null;
                return to is null && effective is null ? null : new CorrectEntry(eventId, reason, To: to, EffectiveOn: effective);
            }
            case MeetingHeld h:
            {
                var from = RequiredDate("dates", DatesFrom, "is required: the meeting's first day.");
                var until = Date("dates", DatesTo);
                var place = string.IsNullOrWhiteSpace(Place) ? "" : Place.Trim();
                var dates = from is { } f ? new DateSpan(f, until) : null;
                var newPlace = place != h.Place ? place : null;
                var newDates = dates is not null && dates != h.Dates ? dates : null;
                return newPlace is null && newDates is null ? null : new CorrectEntry(eventId, reason, Place: newPlace, Dates: newDates);
            }
            case MeetingOutcomeRecorded o:
            {
                var summary = (Summary ?? "").Trim();
                var decisions = Lines(Decisions);
                var newSummary = summary != o.Summary ? summary : null;
                var newDecisions = decisions.SequenceEqual(o.Decisions) ? null : decisions;
                return newSummary is null && newDecisions is null ? null : new CorrectEntry(eventId, reason, Summary: newSummary, Decisions: newDecisions);
            }
            default:
                return null;
        }
    }

    private async Task<bool> LoadAsync(Guid eventId, CancellationToken ct)
    {
        await using var read = HttpContext.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        var entry = await read.Events.LoadAsync(eventId, ct);
        if (entry?.StreamKey is null) return false;
        var stream = await read.Events.FetchStreamAsync(entry.StreamKey, token: ct);
        var live = Entries.Live(stream.Select(e => new Entry(e.Id, e.Version, e.Data))).FirstOrDefault(e => e.EventId == eventId);
        if (live?.Data is not (CommitmentStatusChanged or MeetingHeld or MeetingOutcomeRecorded)) return false;
        Entry = entry;
        Live = live.Data;
        if (live.Data is CommitmentStatusChanged change)
            Targets = [.. new[] { change.To }.Concat(CommitmentLifecycle.NextFrom(change.From)).Where(s => s != CommitmentStatus.Superseded).Distinct()];
        return true;
    }
}
