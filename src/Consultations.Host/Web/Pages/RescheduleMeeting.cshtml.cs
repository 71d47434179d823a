using Consultations.Domain.Meetings;
using Consultations.Host.Meetings;

namespace Consultations.Host.Web.Pages;

/// <summary>Moves a scheduled meeting through <see cref="MeetingEndpoints.Handle(RescheduleMeeting, Recorder, CancellationToken)"/>.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class RescheduleMeetingModel(Recorder recorder, WriteConditions conditions) : MeetingForm(recorder, conditions)
{
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? DatesFrom { get; set; }
    [BindProperty] public string? DatesTo { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? ChangedOn { get; set; }
    [BindProperty] public string? Reason { get; set; }

    protected override void Fill()
    {
        Place = Meeting.Place;
        DatesFrom = Meeting.PlannedDates?.From.ToString();
        DatesTo = Meeting.PlannedDates?.To?.ToString();
    }

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        var dates = Span("plannedDates", DatesFrom, DatesTo);
        var on = RequiredDate("effectiveOn", ChangedOn, "is required: the day the change was agreed.");
        return Errors.Count > 0 ? null : (r, c) => MeetingEndpoints.Handle(new RescheduleMeeting(id, Place ?? "", dates, on!.Value, Reason ?? ""), r, c);
    }
}
