using System.Text.Json.Serialization;
using Consultations.Domain.Common;

namespace Consultations.Domain.Meetings;

// Scheduling, rescheduling and holding a meeting; the rest of its commands are with its decider.
public sealed record ScheduleMeeting(string MeetingId, string DialogueId, MeetingKind Kind, string Title, string Place,
    DateSpan? PlannedDates, IReadOnlyList<string> Parties, IReadOnlyList<Delegation> Delegations, PartialDate? EffectiveOn,
    PartialDate? KnownBy = null) : ICommand
{
    public void Check(Check check) => check
        .Id("meetingId", MeetingId)
        .Id("dialogueId", DialogueId)
        .Text("title", Title, 300)
        .Text("place", Place, 200)
        .Span("plannedDates", PlannedDates, required: false)
        .Names("parties", Parties, min: 2)
        .Delegations("delegations", Delegations)
        .When(KnownBy is not null && EffectiveOn is not null, "knownBy", "is only for a meeting whose arrangement date (effectiveOn) is unknown.");

    /// <summary>The opening of the meeting's dialogue, as read from the record (null: not read): a meeting is not dated before it.</summary>
    [JsonIgnore]
    public Precedent? DialogueOpened { get; init; }
}

public sealed record RescheduleMeeting(string MeetingId, string Place, DateSpan? PlannedDates, PartialDate EffectiveOn, string Reason) : ICommand
{
    public void Check(Check check) => check
        .Id("meetingId", MeetingId)
        .Text("place", Place, 200)
        .Span("plannedDates", PlannedDates, required: false)
        .Date("effectiveOn", EffectiveOn)
        .Text("reason", Reason, 2000);

    /// <summary>The opening of the meeting's dialogue, as read from the record (null: not read): a meeting is not dated before it.</summary>
    [JsonIgnore]
    public Precedent? DialogueOpened { get; init; }
}

/// <param name="Place">Defaults to the planned place.</param>
/// <param name="Participants">Defaults to the planned delegations.</param>
public sealed record HoldMeeting(string MeetingId, DateSpan Dates, string? Place, IReadOnlyList<Delegation>? Participants) : ICommand
{
    public void Check(Check check) => check
        .Id("meetingId", MeetingId)
        .Span("dates", Dates, required: true)
        .OptionalText("place", Place, 200)
        .Delegations("participants", Participants);

    /// <summary>The opening of the meeting's dialogue, as read from the record (null: not read): a meeting is not dated before it.</summary>
    [JsonIgnore]
    public Precedent? DialogueOpened { get; init; }
}
