namespace Consultations.Domain.Tests.Meetings;

/// <summary>A meeting of a dialogue is not planned or held before the dialogue was opened (ADR 0059).</summary>
public sealed class MeetingDialogueTests() : Specification<Meeting>(MeetingDecider.Evolve, typeof(MeetingDecider))
{
    private const string Id = "MTG-2026-PARIS";
    private static readonly Precedent Opened = new("dialogue 'DLG-SPACE' was opened", On("2026-01-16"));

    private static ScheduleMeeting Schedule(DateSpan? planned, string? arrangedOn = "2025-12") =>
        new(Id, "DLG-SPACE", MeetingKind.Consultation, "Paris consultations", "Paris", planned, ["France", "India"], [],
            arrangedOn is null ? null : On(arrangedOn)) { DialogueOpened = Opened };

    private static MeetingScheduled Scheduled(DateSpan? planned, string? arrangedOn = "2025-12") =>
        new(Id, "DLG-SPACE", MeetingKind.Consultation, "Paris consultations", "Paris", planned, ["France", "India"], [], arrangedOn is null ? null : On(arrangedOn));

    [Fact]
    public void A_meeting_planned_before_its_dialogue_was_opened_is_refused() =>
        Given().When(Schedule(Span("2026-01-15"))).ThenRefused("meeting-after-dialogue-opened", Invalid);

    [Fact]
    public void A_meeting_planned_from_the_day_its_dialogue_was_opened_and_arranged_before_it_is_scheduled() =>
        Given().When(Schedule(Span("2026-01-16"))).Then(Scheduled(Span("2026-01-16")));

    [Fact]
    public void A_meeting_rescheduled_to_days_before_its_dialogue_was_opened_is_refused() =>
        Given(Scheduled(null)).When(new RescheduleMeeting(Id, "Paris", Span("2025-12-01"), On("2026-02"), "Moved") { DialogueOpened = Opened })
            .ThenRefused("meeting-after-dialogue-opened", Invalid);

    [Theory]
    [InlineData("2020-01-01")]
    [InlineData("2026-01-15")]
    public void A_meeting_held_before_its_dialogue_was_opened_is_refused(string from) =>
        Given(Scheduled(null)).When(new HoldMeeting(Id, Span(from), null, null) { DialogueOpened = Opened })
            .ThenRefused("meeting-after-dialogue-opened", Invalid);

    [Fact]
    public void A_meeting_held_in_the_month_its_dialogue_was_opened_is_recorded() =>
        Given(Scheduled(null)).When(new HoldMeeting(Id, Span("2026-01"), null, null) { DialogueOpened = Opened })
            .Then(new MeetingHeld(Id, Span("2026-01"), "Paris", [], On("2026-01")));
}
