using Consultations.Domain.Meetings;
using Consultations.Host.Meetings;

namespace Consultations.Host.Web.Pages;

/// <summary>Records that a scheduled meeting was held through <see cref="MeetingEndpoints.Handle(HoldMeeting, Recorder, CancellationToken)"/>; those who took part are the planned delegations.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class HoldMeetingModel(Recorder recorder, WriteConditions conditions) : MeetingForm(recorder, conditions)
{
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? DatesFrom { get; set; }
    [BindProperty] public string? DatesTo { get; set; }

    protected override void Fill()
    {
        Place = Meeting.Place;
        DatesFrom = Meeting.PlannedDates?.From.ToString();
        DatesTo = Meeting.PlannedDates?.To?.ToString();
    }

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        if (string.IsNullOrWhiteSpace(DatesFrom)) Errors["dates"] = "is required: the day it was held (its first day).";
        var dates = Span("dates", DatesFrom, DatesTo);
        return Errors.Count > 0 ? null
            : (r, c) => MeetingEndpoints.Handle(new HoldMeeting(id, dates!, string.IsNullOrWhiteSpace(Place) ? null : Place.Trim(), null), r, c);
    }
}
