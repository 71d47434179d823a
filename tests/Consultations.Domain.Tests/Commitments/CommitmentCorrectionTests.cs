using static Consultations.Domain.Commitments.CommitmentStatus;

namespace Consultations.Domain.Tests.Commitments;

public sealed class CommitmentCorrectionTests() : Specification<Commitment>(CommitmentDecider.Evolve, typeof(CommitmentDecider))
{
    private const string Id = "CMT-0042";
    private static readonly SourceRef Clause4 = new(SourceKind.Clause, "JS-2024-DELHI", "4");
    private static readonly EventRef Version2 = new(Id, 2, Guid.Parse("00000000-0000-0000-0000-000000000002"));

    private static readonly CommitmentMade Made =
        new(Id, "DLG-SPACE", "SPACE-SUST", "The parties will exchange space-debris tracking data.", ["France", "India"], ["CNES"], [], Clause4, Agreed, On("2026-03-01"));

    private static CommitmentStatusChanged Changed(CommitmentStatus from, CommitmentStatus to, string on) =>
        new(Id, "DLG-SPACE", "SPACE-SUST", from, to, On(on), "Reported at the Paris consultations", null);

    private static readonly CommitmentStatusChanged Started = Changed(Agreed, InProgress, "2026-09-01");

    private static CorrectCommitmentStatusChange Correct(string on, object? original = null, EventRef? corrects = null) =>
        new(Id, corrects ?? Version2, original ?? Started, On(on), "The minutes date the start to July.");

    private static CommitmentStatusChangeCorrected Corrected(string was, string on) =>
        new(Id, "DLG-SPACE", "SPACE-SUST", Version2, InProgress, On(was), On(on), "The minutes date the start to July.");

    [Fact]
    public void Correcting_a_status_change_date_names_the_change_and_both_dates() =>
        Given(Made, Started).When(Correct("2026-07-01")).Then(Corrected("2026-09-01", "2026-07-01"));

    [Fact]
    public void A_corrected_change_takes_its_new_date_in_the_history_and_status_since()
    {
        var state = Given(Made, Started, Corrected("2026-09-01", "2026-07-01")).State!;
        Assert.Equal(On("2026-07-01"), state.StatusSince);
        Assert.Equal(On("2026-07-01"), Assert.Single(state.StatusHistory).EffectiveOn);
        Assert.Equal(InProgress, state.Status);
    }

    [Fact]
    public void Correcting_an_earlier_change_leaves_the_current_status_date_alone()
    {
        var done = Changed(InProgress, Fulfilled, "2026-10-15");
        var state = Given(Made, Started, done, Corrected("2026-09-01", "2026-08-01")).State!;
        Assert.Equal(On("2026-10-15"), state.StatusSince);
        Assert.Equal([On("2026-08-01"), On("2026-10-15")], state.StatusHistory.Select(h => h.EffectiveOn));
    }

    [Fact]
    public void Correcting_to_the_date_already_on_record_changes_nothing() =>
        Given(Made, Started, Corrected("2026-09-01", "2026-07-01")).When(Correct("2026-07-01")).ThenNothingHappens();

    [Fact]
    public void Only_a_status_change_can_be_corrected_this_way() =>
        Given(Made, Started).When(Correct("2026-07-01", original: Made)).ThenRefused("correction-names-a-status-change", Conflict);

    [Fact]
    public void A_version_with_no_event_cannot_be_corrected() =>
        Given(Made, Started).When(new CorrectCommitmentStatusChange(Id, new EventRef(Id, 9, Guid.Empty), null, On("2026-07-01"), "Typo"))
            .ThenRefused("correction-names-a-status-change", Conflict);

    [Fact]
    public void A_corrected_date_cannot_come_before_the_status_it_leaves() =>
        Given(Made, Started).When(Correct("2026-02-01")).ThenRefused("status-changes-in-order", Invalid);

    [Fact]
    public void A_corrected_date_cannot_come_after_the_next_change() =>
        Given(Made, Started, Changed(InProgress, Fulfilled, "2026-10-15")).When(Correct("2026-11-01")).ThenRefused("status-changes-in-order", Invalid);

    [Fact]
    public void A_corrected_date_cannot_be_in_the_future() =>
        Given(Made, Started).When(Correct("2027-01-01")).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void A_correction_of_an_unknown_commitment_is_not_found() =>
        Given().When(Correct("2026-07-01")).ThenNotFound("commitment", Id);

    [Fact]
    public void Folding_the_corrected_history_equals_folding_the_original_then_its_correction()
    {
        var corrected = Given(Made, Started with { EffectiveOn = On("2026-07-01") }).State!;
        var withCorrection = Given(Made, Started, Corrected("2026-09-01", "2026-07-01")).State!;
        Recorded.Same(corrected, withCorrection);
    }
}
