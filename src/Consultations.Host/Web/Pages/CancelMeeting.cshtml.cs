using Consultations.Domain.Meetings;
using Consultations.Host.Meetings;

namespace Consultations.Host.Web.Pages;

/// <summary>Cancels a scheduled meeting through <see cref="MeetingEndpoints.Handle(CancelMeeting, Recorder, CancellationToken)"/>.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class CancelMeetingModel(Recorder recorder, WriteConditions conditions) : MeetingForm(recorder, conditions)
{
    [BindProperty(Name = "effectiveOnDate")] public string? CancelledOn { get; set; }
    [BindProperty] public string? Reason { get; set; }

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        var on = RequiredDate("effectiveOn", CancelledOn, "is required: the day it was called off.");
        return Errors.Count > 0 ? null : (r, c) => MeetingEndpoints.Handle(new CancelMeeting(id, on!.Value, Reason ?? ""), r, c);
    }
}
