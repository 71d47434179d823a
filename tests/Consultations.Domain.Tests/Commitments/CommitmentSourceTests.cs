using static Consultations.Domain.Tests.Common.SourceRecords;

namespace Consultations.Domain.Tests.Commitments;

/// <summary>A commitment comes only from a meeting that was held, and not before it (ADR 0059).</summary>
public sealed class CommitmentSourceTests() : Specification<Commitment>(CommitmentDecider.Evolve, typeof(CommitmentDecider))
{
    private static readonly SourceRef FromParis = new(SourceKind.Meeting, "MTG-2026-PARIS");

    private static MakeCommitment Make(Meeting? meeting, string on = "2026-03-01") =>
        new("CMT-0042", "DLG-SPACE", "SPACE-SUST", "Exchange debris data.", ["France", "India"], [], [], FromParis, CommitmentStatus.Agreed, On(on))
        {
            SourceMeeting = meeting,
        };

    [Fact]
    public void A_commitment_from_a_cancelled_meeting_is_refused() =>
        Given().When(Make(Meeting(status: MeetingStatus.Cancelled))).ThenRefused("source-held-or-adopted", Conflict);

    [Fact]
    public void A_commitment_from_a_meeting_not_yet_held_is_refused() =>
        Given().When(Make(Meeting(status: MeetingStatus.Scheduled, from: "2026-12-20", to: null))).ThenRefused("source-held-or-adopted", Conflict);

    [Fact]
    public void A_commitment_dated_before_the_meeting_it_comes_from_was_held_is_refused() =>
        Given().When(Make(Meeting(), on: "2026-02-09")).ThenRefused("entry-after-its-source", Invalid);

    [Theory]
    [InlineData("2026-02-10")]
    [InlineData("2026-03-01")]
    public void A_commitment_from_a_meeting_held_on_or_after_its_first_day_is_made(string on) =>
        Given().When(Make(Meeting(), on)).Then(
            new CommitmentMade("CMT-0042", "DLG-SPACE", "SPACE-SUST", "Exchange debris data.", ["France", "India"], [], [], FromParis, CommitmentStatus.Agreed, On(on)));
}
