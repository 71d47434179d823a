using Consultations.Domain.ActionPlans;
using Consultations.Domain.Commitments;
using Consultations.Domain.Common;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using Consultations.Projections.ActionPlans;
using Consultations.Projections.Fields;
using Consultations.Projections.Meetings;
using Consultations.Projections.Register;
using JasperFx.Events;

namespace Consultations.Tests.Reporting;

/// <summary>The reporting projections' folds on event sequences, without a database.</summary>
public class ProjectionLogicTests
{
    private static readonly SourceRef Clause8 = new(SourceKind.Clause, "statement-1", "8");
    private static long _sequence;

    private static IEvent<T> Recorded<T>(T data, string at = "2026-07-01T09:00:00Z") where T : notnull =>
        new Event<T>(data) { Sequence = ++_sequence, Timestamp = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture) };

    private static PartialDate D(string text) => PartialDate.Parse(text);

    private static CommitmentMade Made(string id = "c-1", CommitmentStatus status = CommitmentStatus.Agreed, SourceRef? source = null) =>
        new(id, "d", "F-08", "Share SSA data.", ["Japan", "Italy"], ["JAXA", "ASI"], ["SSA"], source ?? Clause8, status, D("2026-06-15"));

    private static CommitmentStatusChanged Changed(CommitmentStatus from, CommitmentStatus to, string on, string? supersededBy = null) =>
        new("c-1", "d", "F-08", from, to, D(on), "because", supersededBy);

    [Fact]
    public void A_register_row_keeps_the_date_of_every_status_and_the_days_in_the_current_one()
    {
        var row = CommitmentRegisterFold.Evolve(null, Recorded(Made()))!;
        CommitmentRegisterFold.Evolve(row, Recorded(Changed(CommitmentStatus.Agreed, CommitmentStatus.InProgress, "2026-08")));
        CommitmentRegisterFold.Evolve(row, Recorded(Changed(CommitmentStatus.InProgress, CommitmentStatus.Fulfilled, "2026-10-20"), "2026-10-21T08:00:00Z"));

        Assert.Equal(CommitmentStatus.Fulfilled, row.Status);
        Assert.True(row.IsFinal);
        Assert.Equal([CommitmentStatus.Agreed, CommitmentStatus.InProgress, CommitmentStatus.Fulfilled], row.Steps.Select(s => s.Status));
        Assert.Equal(D("2026-06-15"), row.DateOf(CommitmentStatus.Agreed));
        Assert.Equal(D("2026-08"), row.DateOf(CommitmentStatus.InProgress));
        Assert.Null(row.DateOf(CommitmentStatus.Lapsed));
        // Final: the count stopped the day it became fulfilled, at the days it had spent in progress (1 August to 20 October).
        Assert.Equal(80, row.DaysInStatus(new DateOnly(2026, 10, 30)));
        Assert.Equal(80, row.DaysInStatus(new DateOnly(2027, 10, 30)));
        Assert.Equal(61, row.DaysInStatus(new DateOnly(2026, 10, 1)));
        Assert.Equal(DateTimeOffset.Parse("2026-10-21T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), row.LastRecordedAt);
    }

    [Fact]
    public void A_corrected_status_date_moves_that_step_and_the_current_status_start()
    {
        var row = CommitmentRegisterFold.Evolve(null, Recorded(Made()))!;
        CommitmentRegisterFold.Evolve(row, Recorded(Changed(CommitmentStatus.Agreed, CommitmentStatus.InProgress, "2026-09-01")));

        CommitmentRegisterFold.Evolve(row, Recorded(new CommitmentStatusChangeCorrected("c-1", "d", "F-08", new EventRef("c-1", 2, Guid.NewGuid()),
            CommitmentStatus.InProgress, D("2026-09-01"), D("2026-08-15"), "The minutes say 15 August.")));

        Assert.Equal(D("2026-08-15"), row.StatusSince);
        Assert.Equal(D("2026-08-15"), row.DateOf(CommitmentStatus.InProgress));
        Assert.Equal(D("2026-06-15"), row.DateOf(CommitmentStatus.Agreed));
    }

    [Fact]
    public void An_amendment_changes_the_text_and_counts()
    {
        var row = CommitmentRegisterFold.Evolve(null, Recorded(Made()))!;

        CommitmentRegisterFold.Evolve(row, Recorded(new CommitmentAmended("c-1", "d", "F-08", "Share SSA data.", "Share SSA and conjunction data.", D("2026-09"), "Clarified.")));

        Assert.Equal("Share SSA and conjunction data.", row.Text);
        Assert.Equal(1, row.Amendments);
        Assert.Equal(CommitmentStatus.Agreed, row.Status);
    }

    [Fact]
    public void Action_plan_progress_counts_items_by_progress_overall_and_per_field()
    {
        var plan = ActionPlanProgressFold.Evolve(null, new ActionPlanAdopted("plan", "d", "2024–2027 Action Plan", D("2024"), D("2027"), D("2024")))!;

        ActionPlanProgressFold.Evolve(plan, new ActionPlanItemAdded("plan", "d", "a", "F-01", "A", D("2026-07-01")));
        ActionPlanProgressFold.Evolve(plan, new ActionPlanItemAdded("plan", "d", "b", "F-01", "B", D("2026-07-01")));
        ActionPlanProgressFold.Evolve(plan, new ActionPlanItemAdded("plan", "d", "c", "F-08", "C", D("2026-07-01")));
        ActionPlanProgressFold.Evolve(plan, new ActionPlanItemProgressUpdated("plan", "d", "a", "F-01", ItemProgress.NotStarted, ItemProgress.Delayed, "late", D("2026-08-01")));
        ActionPlanProgressFold.Evolve(plan, new ActionPlanItemCompleted("plan", "d", "b", "F-01", ItemProgress.NotStarted, null, D("2026-09-01")));
        ActionPlanProgressFold.Evolve(plan, new ActionPlanItemDropped("plan", "d", "c", "F-08", ItemProgress.NotStarted, "moot", D("2026-09-02")));
        ActionPlanProgressFold.Evolve(plan, new ActionPlanReaffirmed("plan", "d", new SourceRef(SourceKind.Meeting, "rome"), null, D("2026-06-15")));

        Assert.Equal((3, 1, 1, 1, 0, 1), (plan.Items.Total, plan.Items.Delayed, plan.Items.Completed, plan.Items.Dropped, plan.Items.NotStarted, plan.Items.Open));
        Assert.Equal(["F-01", "F-08"], plan.ByField.Select(f => f.FieldCode));
        Assert.Equal((2, 1, 1), (plan.ByField[0].Items.Total, plan.ByField[0].Items.Delayed, plan.ByField[0].Items.Completed));
        Assert.Equal(1, plan.ByField[1].Items.Dropped);
        Assert.Equal(ItemProgress.Delayed, plan.ItemLines.Single(i => i.ItemId == "a").Progress);
        Assert.Equal(1, plan.Reaffirmations);
        Assert.Equal(D("2026-09-02"), plan.LastActivityOn);
        Assert.Equal(50, Host.Reports.ReportViews.PercentDone(plan.Items));
    }

    [Fact]
    public void A_meeting_record_gathers_its_outcome_statements_commitments_and_reaffirmations()
    {
        var m = MeetingRecordFold.Evolve(null, new MeetingScheduled("rome", "d", MeetingKind.Summit, "Rome summit", "Rome", null, ["Japan", "Italy"], [], null))!;

        MeetingRecordFold.Evolve(m, new MeetingHeld("rome", new DateSpan(D("2026-06-15")), "Palazzo Chigi, Rome", [new Delegation("Japan", "Prime Minister", [])], D("2026-06-15")));
        MeetingRecordFold.Evolve(m, new MeetingHeldCorrected("rome", new EventRef("rome", 2, Guid.NewGuid()), new DateSpan(D("2026-06-15")), new DateSpan(D("2026-06-14"), D("2026-06-15")), D("2026-06-14"), "Two days."));
        MeetingRecordFold.Evolve(m, new MeetingOutcomeRecorded("rome", "Statement adopted.", ["Adopt the statement"], ["F-01", "F-08"], D("2026-06-15")));
        MeetingRecordFold.Evolve(m, new JointStatementAdopted("statement-1", "rome", D("2026-06-15"), "Rome", ["Meloni", "Takaichi"], ["F-01"], D("2026-06-15")));
        MeetingRecordFold.Evolve(m, new JointStatementAdopted("statement-1", "rome", D("2026-06-15"), "Rome", ["Meloni", "Takaichi"], ["F-01"], D("2026-06-15")));
        MeetingRecordFold.Evolve(m, Made("c-9", source: new SourceRef(SourceKind.Meeting, "rome")));
        MeetingRecordFold.Evolve(m, new ActionPlanReaffirmed("plan", "d", new SourceRef(SourceKind.Meeting, "rome"), null, D("2026-06-15")));

        Assert.Equal(MeetingStatus.Held, m.Status);
        Assert.Equal("2026-06-14/2026-06-15", m.Dates!.ToString());
        Assert.Equal("Palazzo Chigi, Rome", m.Place);
        Assert.Equal(["Japan: Prime Minister"], m.Participants);
        Assert.Equal("Statement adopted.", m.OutcomeSummary);
        Assert.Equal(["statement-1"], m.StatementsAdopted.Select(s => s.StatementId));
        Assert.Equal(["c-9"], m.CommitmentsMade.Select(c => c.CommitmentId));
        Assert.Equal(["plan"], m.PlansReaffirmed.Select(r => r.PlanId));
        Assert.Equal(["rome"], MeetingRecordFold.Ids(Made("c-9", source: new SourceRef(SourceKind.Meeting, "rome"))));
        Assert.Empty(MeetingRecordFold.Ids(Made("c-1")));
    }

    [Fact]
    public void Field_status_counts_action_items_by_progress()
    {
        var s = new FieldStatus();
        FieldStatusFold.Apply(s, new ActionPlanItemAdded("plan", "d", "a", "F-01", "A", D("2026-07-01")));
        FieldStatusFold.Apply(s, new ActionPlanItemAdded("plan", "d", "b", "F-01", "B", D("2026-07-01")));
        FieldStatusFold.Apply(s, new ActionPlanItemProgressUpdated("plan", "d", "a", "F-01", ItemProgress.NotStarted, ItemProgress.OnTrack, "go", D("2026-08-01")));
        FieldStatusFold.Apply(s, new ActionPlanItemCompleted("plan", "d", "a", "F-01", ItemProgress.OnTrack, null, D("2026-09-01")));

        Assert.Equal((0, 1, 0, 1, 2), (s.ActionItemsByProgress.OnTrack, s.ActionItemsByProgress.NotStarted, s.ActionItemsByProgress.Delayed,
            s.ActionItemsByProgress.Completed, s.ActionItemsByProgress.Total));
        Assert.Equal(1, s.OpenActionItems);
    }

    [Theory]
    [InlineData("2026-06-15", "2026-11-01", 180, FieldHealth.Active)]
    [InlineData("2026-06-15", "2026-12-13", 180, FieldHealth.Stalled)]
    [InlineData("2026-06-15", "2026-12-12", 180, FieldHealth.Active)]
    [InlineData("2026-06", "2026-12-27", 180, FieldHealth.Active)]   // a month counts from its last day
    [InlineData("2026-06-15", "2026-07-20", 30, FieldHealth.Stalled)]
    public void A_field_is_stalled_when_nothing_happened_for_the_configured_days(string lastActivity, string today, int days, FieldHealth expected)
    {
        var field = new FieldStatus { LastActivityOn = D(lastActivity) };
        field.Commitments.Add(CommitmentStatus.Agreed, 1);

        Assert.Equal(expected, FieldHealthRule.Of(field, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), days));
    }

    [Fact]
    public void A_field_has_nothing_open_when_every_commitment_is_final_and_no_item_is_open_even_if_quiet()
    {
        var field = new FieldStatus { LastActivityOn = D("2020") };
        field.Commitments.Add(CommitmentStatus.Fulfilled, 2);
        field.Commitments.Add(CommitmentStatus.Withdrawn, 1);

        Assert.Equal(FieldHealth.NothingOpen, FieldHealthRule.Of(field, new DateOnly(2026, 11, 1), 180));

        field.OpenActionItems = 1;
        Assert.Equal(FieldHealth.Stalled, FieldHealthRule.Of(field, new DateOnly(2026, 11, 1), 180));
    }

    [Fact]
    public void A_field_with_no_commitments_is_not_said_to_have_nothing_open()
    {
        var field = new FieldStatus { LastActivityOn = D("2026-10-01") };

        Assert.Equal(FieldHealth.Active, FieldHealthRule.Of(field, new DateOnly(2026, 11, 1), 180));
    }

    // --- Per party, compliance, deadlines (ADR 0025)

    private static RecordFootprint Footprint(string id, params object[] events) =>
        events.Aggregate((RecordFootprint?)null, (f, e) => RecordFootprint.Fold(f, id, e))!;

    // The field's own record: a field is on record from its definition (ADR 0057).
    private static RecordFootprint Defined => Footprint("F-08", new Consultations.Domain.CooperationFields.CooperationFieldDefined("F-08", "d", 8, "Space Sustainability", "SSA.", D("2026-06-15")));

    [Fact]
    public void Shares_of_a_field_not_defined_make_no_field()
    {
        var early = Footprint("c-1", Made());

        Assert.False(FieldStatusFold.Merge([early]).ContainsKey("F-08"));
        var field = FieldStatusFold.Merge([early, Defined])["F-08"];
        Assert.Equal(("Space Sustainability", 8, 1), (field.Title, field.Number, field.Commitments.Total));
    }

    [Fact]
    public void A_field_counts_each_party_s_commitments_by_status_and_by_the_party_s_own_progress()
    {
        var first = Footprint("c-1", Made(), Changed(CommitmentStatus.Agreed, CommitmentStatus.InProgress, "2026-08"),
            new CommitmentPartyProgressChanged("c-1", "d", "F-08", "Japan", null, PartyProgress.InProgress, D("2026-08"), "Started."));
        var second = Footprint("c-2", Made("c-2") with { Parties = ["Japan"] },
            new CommitmentPartyProgressChanged("c-2", "d", "F-08", "Japan", null, PartyProgress.NotStarted, D("2026-08"), "Waiting."),
            new CommitmentPartyProgressChanged("c-2", "d", "F-08", "Japan", PartyProgress.NotStarted, PartyProgress.Delayed, D("2026-09"), "Late."));

        var field = FieldStatusFold.Merge([Defined, first, second])["F-08"];

        var japan = field.ByParty["Japan"];
        Assert.Equal((1, 1, 2), (japan.Commitments.InProgress, japan.Commitments.Agreed, japan.Commitments.Total));
        Assert.Equal((0, 1, 0, 1), (japan.Progress.Unknown, japan.Progress.InProgress, japan.Progress.NotStarted, japan.Progress.Delayed));
        var italy = field.ByParty["Italy"];
        Assert.Equal((1, 1), (italy.Commitments.InProgress, italy.Commitments.Total));
        // Nothing recorded about Italy's own progress: unknown, not "not started".
        Assert.Equal(1, italy.Progress.Unknown);
    }

    [Fact]
    public void A_field_s_compliance_is_the_average_over_each_party_s_latest_review_of_each_commitment()
    {
        CommitmentComplianceAssessed Scored(string id, string party, string on, int score, int? replaces = null) =>
            new(id, "d", "F-08", party, D(on), score, "J", replaces, replaces is null ? null : "corrected");
        var first = Footprint("c-1", Made(), Scored("c-1", "Japan", "2026-07", -1), Scored("c-1", "Japan", "2026-11", 1), Scored("c-1", "Italy", "2026-11", 1),
            Scored("c-1", "Italy", "2026-11", 0, replaces: 1));
        var second = Footprint("c-2", Made("c-2"), Scored("c-2", "Japan", "2026-11", 0), Scored("c-2", "Japan", "2026-08", -1));

        var field = FieldStatusFold.Merge([Defined, first, second])["F-08"];

        // Latest per party per commitment: Japan +1 (c-1), Italy 0 (c-1, corrected), Japan 0 (c-2; the earlier review recorded later does not count).
        Assert.Equal((1, 3, 0.33), (field.Compliance.Sum, field.Compliance.Reviews, field.Compliance.Average));
        Assert.Equal(0.5, field.ByParty["Japan"].Compliance.Average);
        Assert.Equal(0, field.ByParty["Italy"].Compliance.Average);
        Assert.Null(FieldStatusFold.Merge([Defined, Footprint("c-3", Made("c-3"))])["F-08"].Compliance.Average);
    }

    [Theory]
    [InlineData("2026-12-15", "2026-12-16", true, false)]
    [InlineData("2026-12-15", "2026-12-15", false, true)]
    [InlineData("2026-12", "2026-12-31", false, true)]
    [InlineData("2026-12", "2027-01-01", true, false)]
    [InlineData("2026-12-15", "2026-11-15", false, true)]
    [InlineData("2026-12-15", "2026-11-14", false, false)]
    public void A_milestone_is_overdue_or_due_soon_against_the_day_viewed(string due, string day, bool overdue, bool dueSoon)
    {
        var milestone = new DueMilestone("m", "T", D(due), D("2026-07-01"));
        var view = Host.Reports.Deadlines.View(milestone, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), 30, closed: false);
        Assert.Equal((overdue, dueSoon), (view.Overdue, view.DueSoon));
        var met = Host.Reports.Deadlines.View(milestone with { MetOn = D("2026-08") }, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), 30, closed: false);
        Assert.Equal((false, false), (met.Overdue, met.DueSoon));
        var closed = Host.Reports.Deadlines.View(milestone, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), 30, closed: true);
        Assert.Equal((false, false), (closed.Overdue, closed.DueSoon));
    }

    [Fact]
    public void The_register_row_keeps_party_progress_compliance_leads_and_milestones()
    {
        var row = CommitmentRegisterFold.Evolve(null, Recorded(Made()))!;
        foreach (var e in new object[]
                 {
                     new CommitmentPartyProgressChanged("c-1", "d", "F-08", "Italy", null, PartyProgress.InProgress, D("2026-08"), "Started."),
                     new CommitmentComplianceAssessed("c-1", "d", "F-08", "Italy", D("2026-11"), 1, "J", null, null),
                     new CommitmentLeadSet("c-1", "d", "F-08", "Italy", "ASI", null, D("2026-07"), null),
                     new CommitmentMilestoneAdded("c-1", "d", "F-08", "m", "T", D("2026-12"), D("2026-07")),
                     new CommitmentMilestoneRescheduled("c-1", "d", "F-08", "m", D("2026-12"), D("2027-02"), D("2026-09"), "R"),
                 })
            CommitmentRegisterFold.Evolve(row, Recorded(e, "2026-11-02T09:00:00Z"));

        Assert.Equal(PartyProgress.InProgress, Assert.Single(row.PartyProgress).Progress);
        Assert.Equal(1, Assert.Single(row.Assessments).Score);
        Assert.Equal("ASI", Assert.Single(row.Leads).Lead);
        Assert.Equal((D("2027-02"), 1), (Assert.Single(row.Milestones).DueOn, row.Milestones[0].Reschedules));
        Assert.Equal(CommitmentStatus.Agreed, row.Status);
        Assert.Equal(DateTimeOffset.Parse("2026-11-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture), row.LastRecordedAt);
    }
}
