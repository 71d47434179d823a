using Consultations.Host.Meetings;

namespace Consultations.Host.Web.Pages;

/// <summary>Moves a scheduled meeting through <see cref="MeetingEndpoints.Handle(RescheduleMeeting, Recorder, CancellationToken)"/>.</summary>
public sealed class RescheduleMeetingModel : MeetingForm
{
    protected override RuleBroken? RefusedHere() => MeetingDecider.RefusesRescheduling(Meeting);

    public string? Place { get; set; }
    public string? DatesFrom { get; set; }
    public string? DatesTo { get; set; }
    public string? Reason { get; set; }

    protected override void Fill()
    {
        Place = Meeting.Place;
        DatesFrom = Meeting.PlannedDates?.From.ToString();
        DatesTo = Meeting.PlannedDates?.To?.ToString();
    }

    protected override object? Command(string id)
    {
        var dates = Span("plannedDates", DatesFrom, DatesTo);
        var on = EffectiveDay("is required: the day the change was agreed.");
        return Errors.Count > 0 ? null : new RescheduleMeeting(id, Place ?? "", dates, on!.Value, Reason ?? "");
    }
}
