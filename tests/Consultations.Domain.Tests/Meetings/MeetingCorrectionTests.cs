namespace Consultations.Domain.Tests.Meetings;

public sealed class MeetingCorrectionTests() : Specification<Meeting>(MeetingDecider.Evolve, typeof(MeetingDecider))
{
    private const string Id = "MTG-2026-PARIS";
    private static readonly Delegation French = new("France", "Director of Space Affairs", ["CNES"]);
    private static readonly Delegation Indian = new("India", "Joint Secretary", ["ISRO"]);
    private static readonly EventRef Version2 = new(Id, 2, Guid.Parse("00000000-0000-0000-0000-000000000002"));

    private static readonly MeetingScheduled Scheduled = new(Id, "DLG-SPACE", MeetingKind.Consultation, "Ninth Space Consultations", "Paris",
        Span("2026-06-03", "2026-06-04"), ["France", "India"], [French, Indian], On("2026-02"));

    private static readonly MeetingHeld Held = new(Id, Span("2026-06-03", "2026-06-04"), "Paris", [French, Indian], On("2026-06-03"));

    private static CorrectMeetingHeldDates Correct(DateSpan dates, object? original = null) =>
        new(Id, Version2, original ?? Held, dates, "The record had the planned dates, not the dates it met.");

    private static MeetingHeldCorrected Corrected(DateSpan dates) =>
        new(Id, Version2, Span("2026-06-03", "2026-06-04"), dates, dates.From, "The record had the planned dates, not the dates it met.");

    [Fact]
    public void Correcting_held_dates_names_the_event_and_both_spans() =>
        Given(Scheduled, Held).When(Correct(Span("2026-06-04", "2026-06-05"))).Then(Corrected(Span("2026-06-04", "2026-06-05")));

    [Fact]
    public void A_corrected_meeting_was_held_on_the_corrected_dates() =>
        Assert.Equal(Span("2026-06-04", "2026-06-05"), Given(Scheduled, Held, Corrected(Span("2026-06-04", "2026-06-05"))).State!.HeldDates);

    [Fact]
    public void Correcting_to_the_dates_on_record_changes_nothing() =>
        Given(Scheduled, Held).When(Correct(Span("2026-06-03", "2026-06-04"))).ThenNothingHappens();

    [Fact]
    public void A_meeting_not_held_has_no_held_dates_to_correct() =>
        Given(Scheduled).When(Correct(Span("2026-06-04"), original: Scheduled)).ThenRefused("correction-names-a-meeting-held", Conflict);

    [Fact]
    public void Corrected_dates_end_after_they_start() =>
        Given(Scheduled, Held).When(Correct(Span("2026-06-05", "2026-06-04"))).ThenRefused("end-not-before-start", Invalid);

    [Fact]
    public void Corrected_dates_are_not_in_the_future() =>
        Given(Scheduled, Held).When(Correct(Span("2027-06-05"))).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void A_meeting_cannot_have_been_held_after_its_outcome_took_effect() =>
        Given(Scheduled, Held, new MeetingOutcomeRecorded(Id, "Work plan agreed.", [], ["SPACE-SUST"], On("2026-06-04")))
            .When(Correct(Span("2026-06-10")))
            .ThenRefused("outcome-after-meeting-held", Invalid);
}
