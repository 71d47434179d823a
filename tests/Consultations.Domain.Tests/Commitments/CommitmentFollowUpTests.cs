using static Consultations.Domain.Commitments.CommitmentStatus;

namespace Consultations.Domain.Tests.Commitments;

/// <summary>Each party's own progress, compliance scores at dated reviews, leads and milestones of a commitment (ADR 0025).</summary>
public sealed class CommitmentFollowUpTests() : Specification<Commitment>(CommitmentDecider.Evolve, typeof(CommitmentFollowUp))
{
    private const string Id = "jpit-06-solar-c";
    private const string Dialogue = "japan-italy-space";
    private const string Field = "JPIT-06";

    private static CommitmentMade Made(CommitmentStatus status = Agreed) =>
        new(Id, Dialogue, Field, "Cooperate on SOLAR-C.", ["Japan", "Italy"], ["JAXA", "ASI"], ["SOLAR-C"],
            new SourceRef(SourceKind.Clause, "js", "6"), status, On("2026-06-15"));

    private static CommitmentStatusChanged Fulfilled() => new(Id, Dialogue, Field, Agreed, CommitmentStatus.Fulfilled, On("2026-10-01"), "Delivered.", null);

    // --- party progress

    [Fact]
    public void A_party_s_progress_is_recorded_apart_from_the_commitment_s_status() =>
        Given(Made()).When(new ChangePartyProgress(Id, "Japan", PartyProgress.InProgress, On("2026-07-01"), "Instrument design started."))
            .Then(new CommitmentPartyProgressChanged(Id, Dialogue, Field, "Japan", null, PartyProgress.InProgress, On("2026-07-01"), "Instrument design started."));

    [Fact]
    public void A_party_is_named_as_the_commitment_names_it()
    {
        var given = Given(Made());
        given.When(new ChangePartyProgress(Id, "italy", PartyProgress.NotStarted, On("2026-07-01"), "Waiting for funding."))
            .Then(new CommitmentPartyProgressChanged(Id, Dialogue, Field, "Italy", null, PartyProgress.NotStarted, On("2026-07-01"), "Waiting for funding."));
    }

    [Fact]
    public void The_next_change_of_a_party_s_progress_says_where_it_came_from_and_leaves_the_status_alone()
    {
        var history = Given(Made(), new CommitmentPartyProgressChanged(Id, Dialogue, Field, "Japan", null, PartyProgress.InProgress, On("2026-07-01"), "Started."));
        history.When(new ChangePartyProgress(Id, "Japan", PartyProgress.Delayed, On("2026-09-01"), "Launch slipped."))
            .Then(new CommitmentPartyProgressChanged(Id, Dialogue, Field, "Japan", PartyProgress.InProgress, PartyProgress.Delayed, On("2026-09-01"), "Launch slipped."));
        Assert.Equal(Agreed, history.State!.Status);
        Assert.Equal(PartyProgress.InProgress, Assert.Single(history.State.PartyProgress).Progress);
    }

    [Fact]
    public void Recording_a_party_s_progress_it_already_has_changes_nothing() =>
        Given(Made(), new CommitmentPartyProgressChanged(Id, Dialogue, Field, "Japan", null, PartyProgress.InProgress, On("2026-07-01"), "Started."))
            .When(new ChangePartyProgress(Id, "Japan", PartyProgress.InProgress, On("2026-08-01"), "Still going."))
            .ThenNothingHappens();

    [Fact]
    public void A_party_that_did_not_make_the_commitment_is_refused_naming_the_party() =>
        Given(Made()).When(new ChangePartyProgress(Id, "France", PartyProgress.InProgress, On("2026-07-01"), "R")).ThenInvalid("party");

    [Fact]
    public void A_party_s_progress_cannot_change_before_its_last_change() =>
        Given(Made(), new CommitmentPartyProgressChanged(Id, Dialogue, Field, "Japan", null, PartyProgress.InProgress, On("2026-08-01"), "Started."))
            .When(new ChangePartyProgress(Id, "Japan", PartyProgress.Delayed, On("2026-07-01"), "R"))
            .ThenRefused("party-progress-in-order", Invalid);

    [Fact]
    public void A_party_s_progress_cannot_be_known_before_the_commitment_was_made() =>
        Given(Made()).When(new ChangePartyProgress(Id, "Japan", PartyProgress.InProgress, On("2026-06-01"), "R")).ThenRefused("party-progress-in-order", Invalid);

    [Fact]
    public void Progress_of_an_unknown_commitment_is_not_found() =>
        Given().When(new ChangePartyProgress(Id, "Japan", PartyProgress.InProgress, On("2026-07-01"), "R")).ThenNotFound("commitment", Id);

    [Fact]
    public void A_party_s_progress_cannot_take_effect_in_the_future() =>
        Given(Made()).When(new ChangePartyProgress(Id, "Japan", PartyProgress.InProgress, On("2027-01"), "R")).ThenRefused("effective-date-not-in-future", Invalid);

    // --- compliance

    [Fact]
    public void A_compliance_score_is_recorded_for_a_party_at_a_dated_review() =>
        Given(Made()).When(new AssessCompliance(Id, "Italy", On("2026-11-01"), 1, "Instrument contribution funded.", null))
            .Then(new CommitmentComplianceAssessed(Id, Dialogue, Field, "Italy", On("2026-11-01"), 1, "Instrument contribution funded.", null, null));

    [Fact]
    public void The_same_score_again_for_the_same_review_and_party_changes_nothing() =>
        Given(Made(), new CommitmentComplianceAssessed(Id, Dialogue, Field, "Italy", On("2026-11-01"), 1, "J", null, null))
            .When(new AssessCompliance(Id, "Italy", On("2026-11-01"), 1, "J", null))
            .ThenNothingHappens();

    [Fact]
    public void Another_score_for_the_same_review_without_a_reason_is_refused() =>
        Given(Made(), new CommitmentComplianceAssessed(Id, Dialogue, Field, "Italy", On("2026-11-01"), 1, "J", null, null))
            .When(new AssessCompliance(Id, "Italy", On("2026-11-01"), 0, "J", null))
            .ThenRefused("assessment-corrected-with-reason", Conflict);

    [Fact]
    public void Another_score_for_the_same_review_with_a_reason_corrects_it_naming_the_score_it_replaces()
    {
        var history = Given(Made(), new CommitmentComplianceAssessed(Id, Dialogue, Field, "Italy", On("2026-11-01"), 1, "J", null, null),
            new CommitmentComplianceAssessed(Id, Dialogue, Field, "Italy", On("2026-11-01"), 0, "Only half funded.", 1, "Misread the budget."));
        var assessment = Assert.Single(history.State!.Assessments);
        Assert.Equal((0, 1), (assessment.Score, assessment.Corrections));
        Given(Made(), new CommitmentComplianceAssessed(Id, Dialogue, Field, "Italy", On("2026-11-01"), 1, "J", null, null))
            .When(new AssessCompliance(Id, "Italy", On("2026-11-01"), 0, "Only half funded.", "Misread the budget."))
            .Then(new CommitmentComplianceAssessed(Id, Dialogue, Field, "Italy", On("2026-11-01"), 0, "Only half funded.", 1, "Misread the budget."));
    }

    [Fact]
    public void A_later_review_is_a_new_assessment() =>
        Given(Made(), new CommitmentComplianceAssessed(Id, Dialogue, Field, "Italy", On("2026-07-01"), -1, "J", null, null))
            .When(new AssessCompliance(Id, "Italy", On("2026-11-01"), 1, "Done.", null))
            .Then(new CommitmentComplianceAssessed(Id, Dialogue, Field, "Italy", On("2026-11-01"), 1, "Done.", null, null));

    [Fact]
    public void A_score_for_a_party_that_did_not_make_the_commitment_is_refused_naming_the_party() =>
        Given(Made()).When(new AssessCompliance(Id, "Germany", On("2026-11-01"), 1, "J", null)).ThenInvalid("party");

    [Fact]
    public void A_review_before_the_commitment_was_made_is_refused() =>
        Given(Made()).When(new AssessCompliance(Id, "Japan", On("2026-05"), 1, "J", null)).ThenRefused("review-after-commitment", Invalid);

    [Fact]
    public void A_review_in_the_future_is_refused() =>
        Given(Made()).When(new AssessCompliance(Id, "Japan", On("2027"), 1, "J", null)).ThenRefused("effective-date-not-in-future", Invalid);

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(-2, false)]
    public void A_score_is_minus_one_zero_or_plus_one(int score, bool valid)
    {
        var command = new AssessCompliance(Id, "Japan", On("2026-11-01"), score, "J", null);
        if (valid) command.ThrowIfInvalid();
        else Assert.Contains("score", Assert.Throws<InvalidCommand>(() => command.ThrowIfInvalid()).Errors.Keys);
    }

    // --- leads

    [Fact]
    public void A_party_s_lead_is_set() =>
        Given(Made()).When(new SetCommitmentLead(Id, "Japan", "JAXA", On("2026-07-01"), null))
            .Then(new CommitmentLeadSet(Id, Dialogue, Field, "Japan", "JAXA", null, On("2026-07-01"), null));

    [Fact]
    public void The_same_lead_again_changes_nothing() =>
        Given(Made(), new CommitmentLeadSet(Id, Dialogue, Field, "Japan", "JAXA", null, On("2026-07-01"), null))
            .When(new SetCommitmentLead(Id, "Japan", "JAXA", On("2026-08-01"), null)).ThenNothingHappens();

    [Fact]
    public void Changing_a_lead_needs_a_reason_and_names_the_previous_one()
    {
        var history = Given(Made(), new CommitmentLeadSet(Id, Dialogue, Field, "Japan", "JAXA", null, On("2026-07-01"), null));
        history.When(new SetCommitmentLead(Id, "Japan", "MEXT", On("2026-08-01"), null)).ThenInvalid("reason");
        history.When(new SetCommitmentLead(Id, "Japan", "MEXT", On("2026-08-01"), "Moved to the ministry."))
            .Then(new CommitmentLeadSet(Id, Dialogue, Field, "Japan", "MEXT", "JAXA", On("2026-08-01"), "Moved to the ministry."));
    }

    [Fact]
    public void A_lead_for_a_party_that_did_not_make_the_commitment_is_refused_naming_the_party() =>
        Given(Made()).When(new SetCommitmentLead(Id, "France", "CNES", On("2026-07-01"), null)).ThenInvalid("party");

    [Fact]
    public void A_lead_cannot_be_set_before_the_commitment_was_made() =>
        Given(Made()).When(new SetCommitmentLead(Id, "Japan", "JAXA", On("2026-06-01"), null)).ThenRefused("follow-up-after-start", Invalid);

    // --- milestones

    private static CommitmentMilestoneAdded MilestoneAdded(string due = "2026-12") =>
        new(Id, Dialogue, Field, "design-review", "Instrument design review", On(due), On("2026-07-01"));

    [Fact]
    public void A_milestone_is_added_with_a_due_date_that_may_lie_ahead() =>
        Given(Made()).When(new AddCommitmentMilestone(Id, "design-review", "Instrument design review", On("2027-03"), On("2026-07-01")))
            .Then(MilestoneAdded("2027-03"));

    [Fact]
    public void Adding_the_same_milestone_again_changes_nothing_and_another_under_its_id_is_refused()
    {
        var history = Given(Made(), MilestoneAdded());
        history.When(new AddCommitmentMilestone(Id, "design-review", "Instrument design review", On("2026-12"), On("2026-07-01"))).ThenNothingHappens();
        history.When(new AddCommitmentMilestone(Id, "design-review", "Something else", On("2026-12"), On("2026-07-01"))).ThenRefused("milestone-ids-unique", Conflict);
    }

    [Fact]
    public void A_milestone_cannot_fall_due_before_it_was_set() =>
        Given(Made()).When(new AddCommitmentMilestone(Id, "m", "T", On("2026-06-20"), On("2026-07-01"))).ThenRefused("milestone-due-after-it-is-set", Invalid);

    [Fact]
    public void A_final_commitment_takes_no_new_milestone() =>
        Given(Made(), Fulfilled()).When(new AddCommitmentMilestone(Id, "m", "T", On("2026-12"), On("2026-10-02"))).ThenRefused("final-commitments-are-not-amended", Conflict);

    [Fact]
    public void A_milestone_is_met_once()
    {
        var history = Given(Made(), MilestoneAdded());
        history.When(new MeetCommitmentMilestone(Id, "design-review", "Passed.", On("2026-11-20")))
            .Then(new CommitmentMilestoneMet(Id, Dialogue, Field, "design-review", "Passed.", On("2026-11-20")));
        Given(Made(), MilestoneAdded(), new CommitmentMilestoneMet(Id, Dialogue, Field, "design-review", "Passed.", On("2026-11-20")))
            .When(new MeetCommitmentMilestone(Id, "design-review", "Passed.", On("2026-11-20"))).ThenNothingHappens();
    }

    [Fact]
    public void A_milestone_cannot_be_met_before_it_was_set() =>
        Given(Made(), MilestoneAdded()).When(new MeetCommitmentMilestone(Id, "design-review", null, On("2026-06-20"))).ThenRefused("milestone-met-after-it-is-set", Invalid);

    [Fact]
    public void An_unknown_milestone_is_not_found() =>
        Given(Made()).When(new MeetCommitmentMilestone(Id, "nope", null, On("2026-11-20"))).ThenNotFound("milestone");

    [Fact]
    public void A_milestone_is_rescheduled_with_its_old_date_and_rescheduling_to_the_same_date_changes_nothing()
    {
        var history = Given(Made(), MilestoneAdded());
        history.When(new RescheduleCommitmentMilestone(Id, "design-review", On("2027-02"), On("2026-11-01"), "Slipped."))
            .Then(new CommitmentMilestoneRescheduled(Id, Dialogue, Field, "design-review", On("2026-12"), On("2027-02"), On("2026-11-01"), "Slipped."));
        history.When(new RescheduleCommitmentMilestone(Id, "design-review", On("2026-12"), On("2026-11-01"), "Slipped.")).ThenNothingHappens();
    }

    [Fact]
    public void A_met_milestone_is_not_rescheduled() =>
        Given(Made(), MilestoneAdded(), new CommitmentMilestoneMet(Id, Dialogue, Field, "design-review", null, On("2026-11-20")))
            .When(new RescheduleCommitmentMilestone(Id, "design-review", On("2027-02"), On("2026-11-21"), "R"))
            .ThenRefused("met-milestones-stay-met", Conflict);

    [Fact]
    public void The_state_keeps_the_follow_up_and_the_status_is_untouched()
    {
        var state = Given(Made(), new CommitmentLeadSet(Id, Dialogue, Field, "Italy", "ASI", null, On("2026-07-01"), null), MilestoneAdded(),
            new CommitmentMilestoneRescheduled(Id, Dialogue, Field, "design-review", On("2026-12"), On("2027-02"), On("2026-11-01"), "Slipped.")).State!;
        Assert.Equal(Agreed, state.Status);
        Assert.Equal("ASI", Assert.Single(state.Leads).Lead);
        var milestone = Assert.Single(state.Milestones);
        Assert.Equal((On("2027-02"), 1, false), (milestone.DueOn, milestone.Reschedules, milestone.IsMet));
    }
}
