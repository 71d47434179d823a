using Consultations.Host.Meetings;

namespace Consultations.Host.Web.Pages;

/// <summary>Records that a scheduled meeting was held through <see cref="MeetingEndpoints.Handle(HoldMeeting, Recorder, CancellationToken)"/>; those who took part are the planned delegations.</summary>
public sealed class HoldMeetingModel : MeetingForm
{
    public string? Place { get; set; }
    public string? DatesFrom { get; set; }
    public string? DatesTo { get; set; }

    protected override void Fill()
    {
        Place = Meeting.Place;
        DatesFrom = Meeting.PlannedDates?.From.ToString();
        DatesTo = Meeting.PlannedDates?.To?.ToString();
    }

    protected override object? Command(string id)
    {
        if (string.IsNullOrWhiteSpace(DatesFrom)) Errors["dates"] = "is required: the day it was held (its first day).";
        var dates = Span("dates", DatesFrom, DatesTo);
        return Errors.Count > 0 ? null
            : new HoldMeeting(id, dates!, string.IsNullOrWhiteSpace(Place) ? null : Place.Trim(), null);
    }
}
