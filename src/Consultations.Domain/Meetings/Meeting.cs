using System.Text.Json.Serialization;
using Consultations.Domain.Common;

namespace Consultations.Domain.Meetings;

public enum MeetingKind { Summit, Consultation, WorkingGroup }

public enum MeetingStatus { Scheduled, Held, Cancelled }

/// <summary>One party's delegation: who led it and who came.</summary>
public sealed record Delegation(string Party, string? Head, IReadOnlyList<string> Members)
{
    public bool SameAs(Delegation other) => Party == other.Party && Head == other.Head && Lists.Same(Members, other.Members);

    public static bool Same(IReadOnlyList<Delegation> a, IReadOnlyList<Delegation> b) =>
        a.Count == b.Count && a.All(d => b.Any(d.SameAs));
}

/// <param name="PlannedDates">Null while the date is not yet fixed.</param>
/// <param name="EffectiveOn">When the meeting was arranged, if the record knows; null when it does not.</param>
/// <param name="KnownBy">When the arrangement date is unknown: a date by which it had been arranged (the statement that announced it).</param>
public sealed record MeetingScheduled(string MeetingId, string DialogueId, MeetingKind Kind, string Title, string Place,
    DateSpan? PlannedDates, IReadOnlyList<string> Parties, IReadOnlyList<Delegation> Delegations, PartialDate? EffectiveOn,
    PartialDate? KnownBy = null) : IRecordEvent, IInEffectBy, IOnTimeline, ITouchesMeeting
{
    DateOnly? IInEffectBy.InEffectBy => EffectiveOn is null ? KnownBy?.Latest : null;
}

public sealed record MeetingRescheduled(string MeetingId, string Place, DateSpan? PlannedDates, PartialDate EffectiveOn, string Reason) : IRecordEvent, IOnTimeline, ITouchesMeeting;

public sealed record MeetingHeld(string MeetingId, DateSpan Dates, string Place, IReadOnlyList<Delegation> Participants, PartialDate EffectiveOn) : IRecordEvent, IOnTimeline, ITouchesMeeting;

/// <summary>What came of a meeting held; a later one revises the outcome on record (ADR 0060), with why.</summary>
/// <param name="Evidence">The documents the outcome is known from (ids of registered documents).</param>
/// <param name="Reason">Why the outcome on record is revised: given on every outcome after the first, null on the first.</param>
public sealed record MeetingOutcomeRecorded(string MeetingId, string Summary, IReadOnlyList<string> Decisions, IReadOnlyList<string> FieldCodes, PartialDate EffectiveOn,
    IReadOnlyList<string>? Evidence = null, string? Reason = null) : IFieldEvent, IOnTimeline, ITouchesMeeting;

public sealed record MeetingCancelled(string MeetingId, PartialDate EffectiveOn, string Reason) : IRecordEvent, IOnTimeline, ITouchesMeeting;

/// <summary>The record got the dates a meeting was held wrong: it was held on <see cref="Dates"/>.</summary>
public sealed record MeetingHeldCorrected(string MeetingId, EventRef Corrects, DateSpan WasDates, DateSpan Dates, PartialDate EffectiveOn, string Reason) : ICorrection, IRecordEvent, IOnTimeline, ITouchesMeeting;

/// <summary>The record got the place a meeting was held wrong: it was held in <see cref="Place"/>.</summary>
public sealed record MeetingHeldPlaceCorrected(string MeetingId, EventRef Corrects, string WasPlace, string Place, string Reason) : IValueCorrection
{
    public EventRef Fixes => Corrects;

    public object Apply(object original) => original is MeetingHeld h ? h with { Place = Place } : original;
}

/// <summary>The record got a meeting's outcome wrong: its summary and decisions read as given here.</summary>
public sealed record MeetingOutcomeCorrected(string MeetingId, EventRef Corrects, string WasSummary, string Summary,
    IReadOnlyList<string> WasDecisions, IReadOnlyList<string> Decisions, string Reason) : IValueCorrection
{
    public EventRef Fixes => Corrects;

    public object Apply(object original) => original is MeetingOutcomeRecorded o ? o with { Summary = Summary, Decisions = Decisions } : original;
}

/// <param name="Reason">Required once an outcome is on record: why this one revises it.</param>
public sealed record RecordMeetingOutcome(string MeetingId, string Summary, IReadOnlyList<string> Decisions, IReadOnlyList<string> FieldCodes, PartialDate? EffectiveOn,
    IReadOnlyList<string>? Evidence = null, string? Reason = null) : ICommand
{
    public void Check(Check check) => check
        .Id("meetingId", MeetingId)
        .Text("summary", Summary, 8000)
        .Names("decisions", Decisions, max: 4000)
        .Names("fieldCodes", FieldCodes, max: 40)
        .Evidence("evidence", Evidence)
        .OptionalText("reason", Reason, 4000);
}

public sealed record CancelMeeting(string MeetingId, PartialDate EffectiveOn, string Reason) : ICommand
{
    /// <summary>The statements on record as adopted at the meeting, as read by whoever asks for the decision.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> AdoptedHere { get; init; } = [];

    public void Check(Check check) => check
        .Id("meetingId", MeetingId)
        .Date("effectiveOn", EffectiveOn)
        .Text("reason", Reason, 2000);
}

/// <param name="Original">The event stored at <c>Corrects</c>, as read from the record (null when there is none).</param>
public sealed record CorrectMeetingHeldDates(string MeetingId, EventRef Corrects, object? Original, DateSpan Dates, string Reason)
{
    /// <summary>The opening of the meeting's dialogue, as read from the record (null: not read): corrected dates are not before it.</summary>
    [JsonIgnore]
    public Precedent? DialogueOpened { get; init; }
}

public sealed record MeetingOutcome(string Summary, IReadOnlyList<string> Decisions, IReadOnlyList<string> FieldCodes, PartialDate RecordedOn)
{
    /// <summary>The documents the outcome is known from.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
}

public sealed record Meeting(
    string Id,
    string DialogueId,
    MeetingKind Kind,
    string Title,
    string Place,
    DateSpan? PlannedDates,
    IReadOnlyList<string> Parties,
    IReadOnlyList<Delegation> Delegations,
    MeetingStatus Status,
    PartialDate? ArrangedOn,
    DateSpan? HeldDates,
    IReadOnlyList<Delegation> Participants,
    MeetingOutcome? Outcome,
    string? CancellationReason)
{
    /// <summary>When the arrangement date is unknown: a date by which the meeting had been arranged.</summary>
    public PartialDate? KnownBy { get; init; }

    /// <summary>The dates that place the meeting in time: when it was held, else when it is planned.</summary>
    public DateSpan? Dates => HeldDates ?? PlannedDates;
}

public static class MeetingDecider
{
    public static IReadOnlyList<object> Decide(ScheduleMeeting command, Meeting? state, DateOnly today)
    {
        if (command.EffectiveOn is { } arranged) Rules.NotInFuture(arranged, today, "date the meeting was arranged");
        if (command.KnownBy is { } known) Rules.NotInFuture(known, today, "date the meeting is known to have been arranged by");
        if (command.PlannedDates is { } planned) Rules.InOrder(planned, "planned dates'");
        if (command.PlannedDates is { } dates) AfterDialogueOpened(command.DialogueOpened, dates, "planned");
        if (command.PlannedDates is { } days) NotBeforeArrangement(command.EffectiveOn, days, "planned");
        ArrangedAfterDialogueOpened(command);
        if (Lists.DistinctCount(command.Parties) < 2)
            throw new RuleBroken("meeting-has-two-parties", "A bilateral meeting needs at least two parties.", RuleKind.Invalid);
        if (state is not null)
        {
            // Place and planned dates can change later (reschedule), so a replay of the original scheduling still matches.
            var same = state.DialogueId == command.DialogueId && state.Kind == command.Kind && state.Title == command.Title
                       && Lists.SameSet(state.Parties, command.Parties) && Delegation.Same(state.Delegations, command.Delegations)
                       && state.ArrangedOn == command.EffectiveOn && state.KnownBy == command.KnownBy;
            return same
                ? Rules.None
                : throw new RuleBroken("meeting-scheduled-once", $"Meeting '{command.MeetingId}' is already on record with other details; reschedule it instead.");
        }

        return
        [
            new MeetingScheduled(command.MeetingId, command.DialogueId, command.Kind, command.Title, command.Place,
                command.PlannedDates, command.Parties, command.Delegations, command.EffectiveOn, command.KnownBy),
        ];
    }

    // A meeting of a dialogue is not planned or held before the dialogue was opened (ADR 0059); its arrangement may be
    // (the summit that opens a dialogue is arranged before it).
    private static void AfterDialogueOpened(Precedent? opened, DateSpan dates, string how)
    {
        if (opened is { } dialogue && dates.From.IsCertainlyBefore(dialogue.Since))
            throw new RuleBroken("meeting-after-dialogue-opened",
                $"The {dialogue.What} on {dialogue.Since}; a meeting of it cannot be {how} before that ({dates}).", RuleKind.Invalid);
    }

    // A meeting is not planned or held before the day it was arranged (ADR 0064): the record would call it overdue, or held,
    // before anyone had arranged it. A meeting known only to have been arranged "by" a day is not checked.
    private static void NotBeforeArrangement(PartialDate? arrangedOn, DateSpan dates, string how)
    {
        if (arrangedOn is { } arranged && dates.From.IsCertainlyBefore(arranged))
            throw new RuleBroken("meeting-dates-after-arrangement",
                $"The meeting was arranged on {arranged}; it cannot have been {how} for a day before that ({dates}).", RuleKind.Invalid);
    }

    // Nor is it arranged before its dialogue was opened (ADR 0064) — except the meeting that opens the dialogue, planned for
    // its opening day (a summit is arranged before the dialogue it opens, ADR 0059).
    private static void ArrangedAfterDialogueOpened(ScheduleMeeting command)
    {
        if (command.DialogueOpened is not { } dialogue) return;
        var opensIt = command.PlannedDates is { } planned && !dialogue.Since.IsCertainlyBefore(planned.From);
        foreach (var (arranged, what) in new[] { (command.EffectiveOn, "arranged"), (command.KnownBy, "known to have been arranged") })
        {
            if (arranged is { } day && !opensIt && day.IsCertainlyBefore(dialogue.Since))
                throw new RuleBroken("meeting-arranged-after-dialogue-opened",
                    $"The {dialogue.What} on {dialogue.Since}; a meeting of it cannot have been {what} before that ({day}), unless it is the meeting that opened it.",
                    RuleKind.Invalid);
        }
    }

    public static IReadOnlyList<object> Decide(RescheduleMeeting command, Meeting? state, DateOnly today)
    {
        var meeting = Rules.Exists(state, "meeting", command.MeetingId);
        Rules.NotInFuture(command.EffectiveOn, today);
        if (command.PlannedDates is { } planned) Rules.InOrder(planned, "planned dates'");
        if (RefusesRescheduling(meeting) is { } refused) throw refused;
        AfterArrangement(meeting, command.EffectiveOn, "rescheduled");
        if (meeting.Place == command.Place && meeting.PlannedDates == command.PlannedDates) return Rules.None;
        if (command.PlannedDates is { } dates) AfterDialogueOpened(command.DialogueOpened, dates, "planned");
        if (command.PlannedDates is { } days) NotBeforeArrangement(meeting.ArrangedOn, days, "planned");
        return [new MeetingRescheduled(command.MeetingId, command.Place, command.PlannedDates, command.EffectiveOn, command.Reason)];
    }

    public static IReadOnlyList<object> Decide(HoldMeeting command, Meeting? state, DateOnly today)
    {
        var meeting = Rules.Exists(state, "meeting", command.MeetingId);
        Rules.InOrder(command.Dates, "meeting dates'");
        Rules.NotInFuture(command.Dates.End, today, "meeting date");
        var place = command.Place ?? meeting.Place;
        var participants = command.Participants is { Count: > 0 } given ? given : meeting.Delegations;
        switch (meeting.Status)
        {
            case MeetingStatus.Held when meeting.HeldDates == command.Dates && meeting.Place == place:
                return Rules.None;
            case MeetingStatus.Cancelled or MeetingStatus.Held:
                throw RefusesHolding(meeting)!;
        }

        AfterDialogueOpened(command.DialogueOpened, command.Dates, "held");
        NotBeforeArrangement(meeting.ArrangedOn, command.Dates, "held");
        return [new MeetingHeld(command.MeetingId, command.Dates, place, participants, command.Dates.From)];
    }

    public static IReadOnlyList<object> Decide(RecordMeetingOutcome command, Meeting? state, DateOnly today)
    {
        var meeting = Rules.Exists(state, "meeting", command.MeetingId);
        if (RefusesOutcome(meeting) is not null || meeting.HeldDates is not { } held) throw RefusesOutcome(meeting)!;
        var effectiveOn = command.EffectiveOn ?? held.End;
        Rules.NotInFuture(effectiveOn, today);
        if (effectiveOn.IsCertainlyBefore(held.From))
            throw new RuleBroken("outcome-after-meeting-held", $"The outcome cannot take effect before the meeting ({held}).", RuleKind.Invalid);
        if (meeting.Outcome is { } known)
        {
            if (known.Summary == command.Summary && Lists.Same(known.Decisions, command.Decisions) && Lists.Same(known.FieldCodes, command.FieldCodes)
                && Lists.Same(known.Evidence, command.Evidence ?? []))
                return Rules.None;
            // A second outcome revises the first, as a changed lead or score does: the record says why (ADR 0060).
            if (string.IsNullOrWhiteSpace(command.Reason))
                throw InvalidCommand.For("reason", $"is required to revise the outcome on record (in effect on {known.RecordedOn}); if that entry was wrong from the start, correct it instead.");
        }

        return [new MeetingOutcomeRecorded(command.MeetingId, command.Summary, command.Decisions, command.FieldCodes, effectiveOn,
            command.Evidence is { Count: > 0 } evidence ? evidence : null, meeting.Outcome is null ? null : command.Reason)];
    }

    public static IReadOnlyList<object> Decide(CancelMeeting command, Meeting? state, DateOnly today)
    {
        var meeting = Rules.Exists(state, "meeting", command.MeetingId);
        Rules.NotInFuture(command.EffectiveOn, today);
        if (meeting.Status != MeetingStatus.Cancelled) AfterArrangement(meeting, command.EffectiveOn, "cancelled");
        return meeting.Status switch
        {
            MeetingStatus.Cancelled => Rules.None,
            MeetingStatus.Held => throw RefusesCancelling(meeting)!,
            _ when command.AdoptedHere.Count > 0 => throw new RuleBroken("meetings-with-adoptions-are-not-cancelled",
                $"A statement is on record as adopted at this meeting ({string.Join(", ", command.AdoptedHere.Select(s => $"'{s}'"))}); it cannot be cancelled unless that adoption is voided."),
            _ => [new MeetingCancelled(command.MeetingId, command.EffectiveOn, command.Reason)],
        };
    }

    // What the meeting's state alone refuses, whatever the command says: the forms say so when they are opened (third review, finding 3).
    public static RuleBroken? RefusesRescheduling(Meeting meeting) => meeting.Status == MeetingStatus.Scheduled ? null
        : new RuleBroken("only-scheduled-meetings-reschedule", $"{Words.Before(meeting.Status, capital: true)} meeting cannot be rescheduled.");

    public static RuleBroken? RefusesHolding(Meeting meeting) => meeting.Status switch
    {
        MeetingStatus.Cancelled => new RuleBroken("cancelled-meetings-are-not-held", "A cancelled meeting cannot be recorded as held."),
        MeetingStatus.Held => new RuleBroken("meeting-held-once", $"Meeting '{meeting.Id}' was already recorded as held on {meeting.HeldDates} in {meeting.Place}."),
        _ => null,
    };

    public static RuleBroken? RefusesOutcome(Meeting meeting) => meeting.Status == MeetingStatus.Held && meeting.HeldDates is not null ? null
        : new RuleBroken("outcome-after-meeting-held", "An outcome can be recorded only for a meeting that was held.");

    public static RuleBroken? RefusesCancelling(Meeting meeting) => meeting.Status != MeetingStatus.Held ? null
        : new RuleBroken("held-meetings-are-not-cancelled", "A meeting that was held cannot be cancelled.");

    public static IReadOnlyList<object> Decide(CorrectMeetingHeldDates command, Meeting? state, DateOnly today)
    {
        var meeting = Rules.Exists(state, "meeting", command.MeetingId);
        if (command.Original is not MeetingHeld original || original.MeetingId != meeting.Id || meeting.HeldDates is null)
            throw new RuleBroken("correction-names-a-meeting-held",
                $"Version {command.Corrects.Version} of meeting '{meeting.Id}' is not the record that it was held; only those dates can be corrected this way.");
        Rules.InOrder(command.Dates, "meeting dates'");
        Rules.NotInFuture(command.Dates.End, today, "meeting date");
        if (meeting.HeldDates == command.Dates) return Rules.None;
        if (meeting.Outcome is { } outcome && outcome.RecordedOn.IsCertainlyBefore(command.Dates.From))
            throw new RuleBroken("outcome-after-meeting-held",
                $"The meeting's outcome took effect on {outcome.RecordedOn}; it cannot have been held after that.", RuleKind.Invalid);
        NotBeforeArrangement(meeting.ArrangedOn, command.Dates, "held");
        if (command.DialogueOpened is { } opened) AfterDialogueOpened(opened, command.Dates, "held");
        return [new MeetingHeldCorrected(meeting.Id, command.Corrects, meeting.HeldDates, command.Dates, command.Dates.From, command.Reason)];
    }

    // A meeting is changed only once it has been arranged: a rescheduling or cancellation dated earlier contradicts the record.
    private static void AfterArrangement(Meeting meeting, PartialDate effectiveOn, string change)
    {
        if (meeting.ArrangedOn is { } arranged && effectiveOn.IsCertainlyBefore(arranged))
            throw new RuleBroken("meeting-changes-after-arrangement",
                $"The meeting was arranged on {arranged}; it cannot have been {change} before that.", RuleKind.Invalid);
    }

    public static Meeting? Evolve(Meeting? state, object @event) => @event switch
    {
        MeetingScheduled e => new Meeting(e.MeetingId, e.DialogueId, e.Kind, e.Title, e.Place, e.PlannedDates, e.Parties, e.Delegations,
            MeetingStatus.Scheduled, e.EffectiveOn, null, [], null, null) { KnownBy = e.KnownBy },
        MeetingRescheduled e when state is not null => state with { Place = e.Place, PlannedDates = e.PlannedDates },
        MeetingHeld e when state is not null => state with { Status = MeetingStatus.Held, HeldDates = e.Dates, Place = e.Place, Participants = e.Participants },
        MeetingOutcomeRecorded e when state is not null => state with { Outcome = new MeetingOutcome(e.Summary, e.Decisions, e.FieldCodes, e.EffectiveOn) { Evidence = e.Evidence ?? [] } },
        MeetingCancelled e when state is not null => state with { Status = MeetingStatus.Cancelled, CancellationReason = e.Reason },
        MeetingHeldCorrected e when state is not null => state with { HeldDates = e.Dates },
        _ => state,
    };
}

public static class MeetingChecks
{
    public static Check Delegations(this Check check, string field, IReadOnlyList<Delegation>? delegations)
    {
        if (delegations is null) return check;
        for (var i = 0; i < delegations.Count; i++)
        {
            var d = delegations[i];
            check.Text($"{field}[{i}].party", d.Party, 100)
                .OptionalText($"{field}[{i}].head", d.Head, 200)
                .Names($"{field}[{i}].members", d.Members);
        }

        return check.When(delegations.Select(d => d.Party).Distinct().Count() != delegations.Count, field, "must list each party once.");
    }
}
