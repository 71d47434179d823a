using Consultations.Host.Meetings;

namespace Consultations.Host.Web.Pages;

/// <summary>Cancels a scheduled meeting through <see cref="MeetingEndpoints.Handle(CancelMeeting, Recorder, CancellationToken)"/>.</summary>
public sealed class CancelMeetingModel : MeetingForm
{
    protected override RuleBroken? RefusedHere() => MeetingDecider.RefusesCancelling(Meeting);

    public string? Reason { get; set; }

    protected override object? Command(string id)
    {
        var on = EffectiveDay("is required: the day it was called off.");
        return Errors.Count > 0 ? null : new CancelMeeting(id, on!.Value, Reason ?? "");
    }
}
