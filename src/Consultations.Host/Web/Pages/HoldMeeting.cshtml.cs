using Consultations.Host.Meetings;

namespace Consultations.Host.Web.Pages;

/// <summary>
/// Records that a scheduled meeting was held through <see cref="MeetingEndpoints.Handle(HoldMeeting, Recorder, CancellationToken)"/>:
/// its place, its dates and who took part — each of its parties' delegation (head and members), starting as planned and
/// editable, as the API's <c>participants</c>.
/// </summary>
public sealed class HoldMeetingModel : MeetingForm
{
    protected override RuleBroken? RefusedHere() => MeetingDecider.RefusesHolding(Meeting);

    public string? Place { get; set; }
    public string? DatesFrom { get; set; }
    public string? DatesTo { get; set; }

    /// <summary>The parties whose delegation took part.</summary>
    public List<string> Attended { get; set; } = [];
    public Dictionary<string, string?> Heads { get; set; } = [];

    /// <summary>Each party's members, one a line.</summary>
    public Dictionary<string, string?> Members { get; set; } = [];

    protected override void Fill()
    {
        Place = Meeting.Place;
        DatesFrom = Meeting.PlannedDates?.From.ToString();
        DatesTo = Meeting.PlannedDates?.To?.ToString();
        Attended = [.. Meeting.Parties];
        foreach (var d in Meeting.Delegations)
        {
            Heads[d.Party] = d.Head;
            Members[d.Party] = string.Join('\n', d.Members);
        }
    }

    protected override object? Command(string id)
    {
        if (string.IsNullOrWhiteSpace(DatesFrom)) Errors["dates"] = "is required: the day it was held (its first day).";
        var dates = Span("dates", DatesFrom, DatesTo);
        // Only the meeting's own parties are offered; one posted otherwise is not one of them.
        var participants = Meeting.Parties.Where(Attended.Contains)
            .Select(p => new Delegation(p, OrNull(Heads.GetValueOrDefault(p))?.Trim(), Lines(Members.GetValueOrDefault(p))))
            .ToList();
        if (Attended.Any(p => !Meeting.Parties.Contains(p))) Errors["participants"] = "name only the meeting's parties.";
        else if (participants.Count == 0) Errors["participants"] = "is required: tick each party whose delegation took part.";
        return Errors.Count > 0 ? null
            : new HoldMeeting(id, dates!, string.IsNullOrWhiteSpace(Place) ? null : Place.Trim(), participants);
    }
}
