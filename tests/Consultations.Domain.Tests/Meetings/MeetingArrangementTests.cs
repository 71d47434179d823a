namespace Consultations.Domain.Tests.Meetings;

/// <summary>
/// A meeting is not planned or held before the day it was arranged, nor arranged before its dialogue was opened unless it
/// is the meeting that opened it (ADR 0064; fourth outside review, findings 1 and 2).
/// </summary>
public sealed class MeetingArrangementTests() : Specification<Meeting>(MeetingDecider.Evolve, typeof(MeetingDecider))
{
    private const string Id = "ssa-working-group";
    private static readonly Precedent Opened = new("dialogue 'japan-italy-space' was opened", On("2026-01-16"));

    private static ScheduleMeeting Schedule(DateSpan? planned, string? arrangedOn, string? knownBy = null) =>
        new(Id, "japan-italy-space", MeetingKind.WorkingGroup, "SSA working group", "Rome", planned, ["Japan", "Italy"], [],
            arrangedOn is null ? null : On(arrangedOn), knownBy is null ? null : On(knownBy)) { DialogueOpened = Opened };

    private static MeetingScheduled Scheduled(DateSpan? planned, string? arrangedOn = "2026-10-20", string? knownBy = null) =>
        new(Id, "japan-italy-space", MeetingKind.WorkingGroup, "SSA working group", "Rome", planned, ["Japan", "Italy"], [],
            arrangedOn is null ? null : On(arrangedOn), knownBy is null ? null : On(knownBy));

    private static CorrectMeetingHeldDates Correct(DateSpan to) =>
        new(Id, new EventRef(Id, 2, Guid.Empty), new MeetingHeld(Id, Span("2026-11-18", "2026-11-19"), "Rome", [], On("2026-11-18")), to, "test")
        { DialogueOpened = Opened };

    [Fact]
    public void A_meeting_planned_for_a_day_before_it_was_arranged_is_refused() =>
        Given().When(Schedule(Span("2026-09-01"), arrangedOn: "2026-10-20")).ThenRefused("meeting-dates-after-arrangement", Invalid);

    [Fact]
    public void A_meeting_planned_for_the_day_it_was_arranged_is_scheduled() =>
        Given().When(Schedule(Span("2026-10-20"), arrangedOn: "2026-10-20")).Then(Scheduled(Span("2026-10-20")));

    [Fact]
    public void A_meeting_known_to_have_been_arranged_by_a_day_after_it_was_planned_is_scheduled() =>
        Given().When(Schedule(Span("2026-06-15"), arrangedOn: null, knownBy: "2026-07-01")).Then(Scheduled(Span("2026-06-15"), null, "2026-07-01"));

    [Fact]
    public void A_meeting_rescheduled_to_a_day_before_it_was_arranged_is_refused() =>
        Given(Scheduled(null)).When(new RescheduleMeeting(Id, "Rome", Span("2026-10-01"), On("2026-10-25"), "Moved") { DialogueOpened = Opened })
            .ThenRefused("meeting-dates-after-arrangement", Invalid);

    [Fact]
    public void A_meeting_held_before_the_day_it_was_arranged_is_refused() =>
        Given(Scheduled(Span("2026-11-18", "2026-11-19"))).When(new HoldMeeting(Id, Span("2026-10-01", "2026-10-02"), null, null) { DialogueOpened = Opened })
            .ThenRefused("meeting-dates-after-arrangement", Invalid);

    [Fact]
    public void Held_dates_corrected_to_days_before_the_meeting_was_arranged_are_refused() =>
        Given(Scheduled(Span("2026-11-18", "2026-11-19")), new MeetingHeld(Id, Span("2026-11-18", "2026-11-19"), "Rome", [], On("2026-11-18")))
            .When(Correct(Span("2026-10-05", "2026-10-06"))).ThenRefused("meeting-dates-after-arrangement", Invalid);

    [Fact]
    public void Held_dates_corrected_to_days_before_the_dialogue_was_opened_are_refused() =>
        Given(Scheduled(Span("2026-11-18", "2026-11-19"), arrangedOn: null), new MeetingHeld(Id, Span("2026-11-18", "2026-11-19"), "Rome", [], On("2026-11-18")))
            .When(Correct(Span("2025-12-01"))).ThenRefused("meeting-after-dialogue-opened", Invalid);

    [Theory]
    [InlineData("2025-01-01", null)]
    [InlineData(null, "2025-06")]
    public void A_meeting_arranged_before_its_dialogue_was_opened_is_refused(string? arrangedOn, string? knownBy) =>
        Given().When(Schedule(Span("2026-12-20"), arrangedOn, knownBy)).ThenRefused("meeting-arranged-after-dialogue-opened", Invalid);

    [Fact]
    public void The_meeting_that_opened_the_dialogue_may_have_been_arranged_before_it() =>
        Given().When(Schedule(Span("2026-01-16"), arrangedOn: "2025-12")).Then(Scheduled(Span("2026-01-16"), "2025-12"));
}
