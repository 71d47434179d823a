using Consultations.Host.Corrections;
using JasperFx.Events;

namespace Consultations.Host.Web.Pages;

/// <summary>
/// Corrects the values of an entry from its history line through <see cref="CorrectionEndpoints.Handle(CorrectEntry, Recorder, CancellationToken)"/>:
/// the form shows only the values that entry's kind takes, filled with what the record reads now, and sends the ones changed.
/// </summary>
public sealed class CorrectEntryModel : EntryForm
{
    public string? Reason { get; set; }
    public CommitmentStatus? To { get; set; }
    public string? Place { get; set; }
    public string? DatesFrom { get; set; }
    public string? DatesTo { get; set; }
    public string? Summary { get; set; }
    public string? Decisions { get; set; }

    /// <summary>The entry as every view reads it now (its earlier corrections applied).</summary>
    public object Live { get; private set; } = null!;

    public IReadOnlyList<CommitmentStatus> Targets { get; private set; } = [];

    protected override void Fill()
    {
        switch (Live)
        {
            case CommitmentStatusChanged c:
                To = c.To;
                EffectiveOnDate = c.EffectiveOn.ToString();
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
    }

    public string FirstField => Live switch
    {
        CommitmentStatusChanged => "to",
        MeetingHeld => "place",
        _ => "summary",
    };

    /// <summary>The command with only the values the person changed; null, saying so, when none changed.</summary>
    protected override object? Command(Guid eventId)
    {
        var command = Changed(eventId);
        if (Errors.Count == 0 && command is null) Errors[FirstField] = "Change at least one value to correct.";
        return command;
    }

    private CorrectEntry? Changed(Guid eventId)
    {
        var reason = Reason ?? "";
        switch (Live)
        {
            case CommitmentStatusChanged c:
            {
                var day = EffectiveDay();
                if (string.IsNullOrWhiteSpace(EffectiveOnDate)) Errors["effectiveOn"] = "is required: the day the change took effect.";
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

    /// <summary>An entry with no value to correct is voided and recorded again: the page says so, rather than "not on record" (third review, finding 25).</summary>
    protected override IActionResult NotTaken() => Refused(new RuleBroken("entry-takes-no-correction",
        $"{Words.WithArticle(Entries.Kind(Entry.Data), capital: true)} has no value to correct; void it and record it again.", RuleKind.Invalid), Back);

    protected override async Task<bool> TakesAsync(IQuerySession read, IEvent entry, CancellationToken ct)
    {
        var stream = await read.Events.FetchStreamAsync(entry.StreamKey!, token: ct);
        var live = Entries.Live(stream.Select(e => new Entry(e.Id, e.Version, e.Data))).FirstOrDefault(e => e.EventId == entry.Id);
        if (live?.Data is not (CommitmentStatusChanged or MeetingHeld or MeetingOutcomeRecorded)) return false;
        Live = live.Data;
        if (live.Data is CommitmentStatusChanged change)
            Targets = [.. new[] { change.To }.Concat(CommitmentLifecycle.NextFrom(change.From)).Where(s => s != CommitmentStatus.Superseded).Distinct()];
        return true;
    }
}
