using Consultations.Domain.Meetings;
using Consultations.Host.Infrastructure;
using Consultations.Host.Meetings;
using Consultations.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consultations.Host.Web.Pages;

/// <summary>Cancels a scheduled meeting through <see cref="MeetingEndpoints.Handle(CancelMeeting, Recorder, CancellationToken)"/>.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class CancelMeetingModel(Recorder recorder, WriteConditions conditions) : MeetingForm(recorder, conditions)
{
    [BindProperty(Name = "effectiveOnDate")] public string? CancelledOn { get; set; }
    [BindProperty] public string? Reason { get; set; }

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        if (string.IsNullOrWhiteSpace(CancelledOn)) Errors["effectiveOn"] = "is required: the day it was called off.";
        var on = Date("effectiveOn", CancelledOn);
        return Errors.Count > 0 ? null : (r, c) => MeetingEndpoints.Handle(new CancelMeeting(id, on!.Value, Reason ?? ""), r, c);
    }
}
