namespace Consultations.Domain.Tests.Common;

/// <summary>A command's own input rules: a malformed command is refused with every field at fault, before any decision.</summary>
public sealed class CommandCheckTests
{
    private static readonly PartialDate May28 = PartialDate.Parse("2026-05-28");

    private static string[] FieldsAtFault(ICommand command) =>
        [.. Assert.Throws<InvalidCommand>(() => command.ThrowIfInvalid()).Errors.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void A_well_formed_command_passes_and_is_returned_as_it_was()
    {
        var command = new OpenDialogue("japan-italy", "Japan–Italy", ["Japan", "Italy"], null, May28);

        Assert.Same(command, command.ThrowIfInvalid());
    }

    [Fact]
    public void Every_field_at_fault_is_named_at_once()
    {
        var command = new MakeCommitment("Not An Id", "", "JPIT 06", new string('x', 8001), [], ["JAXA", "jaxa"], [""],
            new SourceRef(SourceKind.Statement, ""), CommitmentStatus.Agreed, default);

        Assert.Equal(
            ["agencies", "commitmentId", "dialogueId", "effectiveOn", "fieldCode", "parties", "programmes[0]", "source.id", "text"],
            FieldsAtFault(command));
    }

    [Fact]
    public void A_dialogue_has_two_parties_or_more()
    {
        var command = new OpenDialogue("japan-italy", "Japan–Italy", ["Japan"], null, May28);

        Assert.Equal(["parties"], FieldsAtFault(command));
    }

    [Fact]
    public void Delegations_are_checked_member_by_member_and_each_party_comes_once()
    {
        var command = new ScheduleMeeting("tokyo-1", "japan-italy", MeetingKind.Consultation, "First consultations", "Tokyo", null,
            ["Japan", "Italy"], [new Delegation("Japan", null, [" "]), new Delegation("Japan", null, [])], null);

        Assert.Equal(["delegations", "delegations[0].members[0]"], FieldsAtFault(command));
    }

    [Fact]
    public void A_held_meeting_needs_its_dates()
    {
        var command = new HoldMeeting("tokyo-1", null!, null, null);

        Assert.Equal(["dates"], FieldsAtFault(command));
    }

    [Fact]
    public void A_plan_period_needs_both_ends()
    {
        var command = new AdoptActionPlan("action-plan-2024-2027", "japan-italy", "Action Plan", PartialDate.Parse("2024"), default, May28);

        Assert.Equal(["periodTo"], FieldsAtFault(command));
    }

    public static TheoryData<ICommand, string> ActionPlanFaults => new()
    {
        { new AdoptActionPlan("Plan 2028", "japan-italy", "Plan", PartialDate.Parse("2028"), PartialDate.Parse("2030"), May28), "planId" },
        { new AddActionPlanItem("plan", "SSA Data", "JPIT-08", "Exchange SSA data.", May28), "itemId" },
        { new AddActionPlanItem("plan", "ssa", "JPIT-08", "  ", May28), "text" },
        { new UpdateActionPlanItemProgress("plan", "ssa", ItemProgress.OnTrack, " ", May28), "note" },
        { new UpdateActionPlanItemProgress("plan", "ssa", ItemProgress.OnTrack, "Talks started.", default), "effectiveOn" },
        { new CompleteActionPlanItem("plan", "NOT_AN_ID", null, May28), "itemId" },
        { new DropActionPlanItem("plan", "ssa", "", May28), "reason" },
        { new ReaffirmActionPlan("plan", new SourceRef(SourceKind.Meeting, " "), null, May28), "by.id" },
    };

    [Theory]
    [MemberData(nameof(ActionPlanFaults))]
    public void An_action_plan_command_names_the_field_at_fault(ICommand command, string field) =>
        Assert.Equal([field], FieldsAtFault(command));

    private static readonly DateSpan October = new(PartialDate.Parse("2026-10-20"), PartialDate.Parse("2026-10-21"));

    private static ScheduleMeeting Schedule(string id = "tokyo-3", string title = "Third consultations", string place = "Tokyo", params Delegation[] delegations) =>
        new(id, "japan-italy", MeetingKind.Consultation, title, place, October, ["Japan", "Italy"], delegations, May28);

    public static TheoryData<ICommand, string> MeetingFaults => new()
    {
        { Schedule(id: "Space Consultations"), "meetingId" },
        { Schedule(title: ""), "title" },
        { Schedule(place: " "), "place" },
        { Schedule(delegations: new Delegation(" ", null, [])), "delegations[0].party" },
        { Schedule(delegations: new Delegation("Japan", null, ["A", ""])), "delegations[0].members[1]" },
        { new RescheduleMeeting("rome-2", " ", October, May28, "Agreed."), "place" },
        { new RescheduleMeeting("rome-2", "Milan", October, May28, " "), "reason" },
        { new HoldMeeting("rome-2", October, "Rome", [new Delegation("", null, [])]), "participants[0].party" },
        { new RecordMeetingOutcome("tokyo-1", " ", [], [], May28), "summary" },
        { new RecordMeetingOutcome("tokyo-1", "Reviewed.", ["One", ""], [], May28), "decisions[1]" },
        { new RecordMeetingOutcome("tokyo-1", "Reviewed.", [], ["JPIT-08", "JPIT-08"], May28), "fieldCodes" },
        { new CancelMeeting("rome-2", May28, "   "), "reason" },
        { new CancelMeeting("rome-2", May28, new string('x', 2001)), "reason" },
    };

    [Theory]
    [MemberData(nameof(MeetingFaults))]
    public void A_meeting_command_names_the_field_at_fault(ICommand command, string field) =>
        Assert.Equal([field], FieldsAtFault(command));

    public static TheoryData<ICommand, string> JointStatementFaults => new()
    {
        { new DraftJointStatement("Statement One", "japan-italy", "Statement", null, May28), "statementId" },
        { new DraftJointStatement("js-2", "japan-italy", "  ", null, May28), "title" },
        { new DraftJointStatement("js-2", "japan-italy", "Statement", null, null), "effectiveOn" },
        { new DraftJointStatement("js-2", "japan-italy", "Statement", null, May28, KnownBy: May28), "knownBy" },
        { new AddClause("js-2", -3, "JPIT-08", "Heading", "Text.", May28), "number" },
        { new AddClause("js-2", 1000, "JPIT-08", "Heading", "Text.", May28), "number" },
        { new AddClause("js-2", 1, null!, "Heading", "Text.", May28), "fieldCode" },
        { new AddClause("js-2", 1, "JPIT-08", "", "Text.", May28), "heading" },
        { new AddClause("js-2", 1, "JPIT-08", "Heading", " ", May28), "text" },
        { new AddClause("js-2", 1, "JPIT-08", null!, "Text.", May28), "heading" },
        { new AdoptJointStatement("js-2", "rome-2", May28, " ", ["A"]), "place" },
        { new AdoptJointStatement("js-2", "rome-2", May28, "Rome", []), "signatories" },
        { new AdoptJointStatement("js-2", "rome-2", May28, "Rome", ["A", " "]), "signatories[1]" },
    };

    [Theory]
    [MemberData(nameof(JointStatementFaults))]
    public void A_joint_statement_command_names_the_field_at_fault(ICommand command, string field) =>
        Assert.Equal([field], FieldsAtFault(command));

    public static TheoryData<ICommand, string> CommitmentFaults => new()
    {
        { new ChangeCommitmentStatus("jpit-06-solar-c", CommitmentStatus.Fulfilled, May28, "  ", null), "reason" },
        { new AmendCommitment("jpit-06-solar-c", "", May28, "Clarified."), "text" },
        { new AmendCommitment("jpit-06-solar-c", "New text.", May28, " "), "reason" },
        { new ChangePartyProgress("jpit-06-solar-c", "Japan", PartyProgress.InProgress, May28, null!), "reason" },
        { new AssessCompliance("jpit-06-solar-c", "Italy", May28, 2, "Funded.", null), "score" },
        { new AssessCompliance("jpit-06-solar-c", "Italy", May28, 1, " ", null), "justification" },
        { new SetCommitmentLead("jpit-06-solar-c", "Japan", "", May28, null), "lead" },
        { new AddCommitmentMilestone("jpit-06-solar-c", "Not An Id", "Design review", May28, May28), "milestoneId" },
        { new AddCommitmentMilestone("jpit-06-solar-c", "design-review", "Design review", default, May28), "dueOn" },
    };

    [Theory]
    [MemberData(nameof(CommitmentFaults))]
    public void A_commitment_command_names_the_field_at_fault(ICommand command, string field) =>
        Assert.Equal([field], FieldsAtFault(command));

    public static TheoryData<ICommand, string> RecordFaults => new()
    {
        { new OpenDialogue("", "Japan–France", ["Japan", "France"], null, May28), "dialogueId" },
        { new OpenDialogue("Japan France", "Japan–France", ["Japan", "France"], null, May28), "dialogueId" },
        { new OpenDialogue("-starts-with-hyphen", "Japan–France", ["Japan", "France"], null, May28), "dialogueId" },
        { new OpenDialogue("japan-france", "   ", ["Japan", "France"], null, May28), "title" },
        { new OpenDialogue("japan-france", new string('x', 201), ["Japan", "France"], null, May28), "title" },
        { new OpenDialogue("japan-france", "Japan–France", ["Japan", " "], null, May28), "parties[1]" },
        { new OpenDialogue("japan-france", "Japan–France", ["Japan", "JAPAN"], null, May28), "parties" },
        { new DefineCooperationField("", "japan-italy", 11, "Space weather", "Forecasts.", May28), "fieldCode" },
        { new DefineCooperationField("JPIT 11", "japan-italy", 11, "Space weather", "Forecasts.", May28), "fieldCode" },
        { new DefineCooperationField("JPIT-11", "Japan Italy", 11, "Space weather", "Forecasts.", May28), "dialogueId" },
        { new DefineCooperationField("JPIT-11", "japan-italy", 0, "Space weather", "Forecasts.", May28), "number" },
        { new DefineCooperationField("JPIT-11", "japan-italy", -1, "Space weather", "Forecasts.", May28), "number" },
        { new DefineCooperationField("JPIT-11", "japan-italy", 1000, "Space weather", "Forecasts.", May28), "number" },
        { new DefineCooperationField("JPIT-11", "japan-italy", 11, " ", "Forecasts.", May28), "title" },
        { new DefineCooperationField("JPIT-11", "japan-italy", 11, "Space weather", "", May28), "scope" },
        { new ReviseCooperationFieldScope("JPIT-08", "", "Debris.", May28, "Agreed."), "title" },
        { new ReviseCooperationFieldScope("JPIT-08", "Debris", " ", May28, "Agreed."), "scope" },
        { new ReviseCooperationFieldScope("JPIT-08", "Debris", "Debris.", May28, "  "), "reason" },
        { new RecordMilestone("UNISPACE IV", "japan-italy", "UNISPACE IV", new DateSpan(May28), MilestoneCertainty.Possible, May28), "milestoneId" },
        { new RecordMilestone("unispace-iv", "japan-italy", " ", new DateSpan(May28), MilestoneCertainty.Possible, May28), "title" },
        { new RecordMilestone("unispace-iv", "japan-italy", "UNISPACE IV", new DateSpan(May28), MilestoneCertainty.Possible, default), "effectiveOn" },
        { new RegisterDocument("Minutes 1", "japan-italy", "Minutes", DocumentKind.Minutes, May28, ["Japan"], "en"), "documentId" },
        { new RegisterDocument("minutes", "japan-italy", "Minutes", DocumentKind.Minutes, May28, ["Japan"], "en", "minutes.pdf"), "url" },
        { new RegisterDocument("minutes", "japan-italy", "Minutes", DocumentKind.Minutes, May28, ["Japan"], "en", Sha256: "1234"), "sha256" },
    };

    [Theory]
    [MemberData(nameof(RecordFaults))]
    public void A_dialogue_field_milestone_or_document_command_names_the_field_at_fault(ICommand command, string field) =>
        Assert.Equal([field], FieldsAtFault(command));

    [Fact]
    public void A_document_names_a_language_tag_an_http_address_and_a_sha256()
    {
        var command = new RegisterDocument("js", "japan-italy", "Joint statement", DocumentKind.JointStatement, May28, ["Japan"],
            "English", "ftp://example.org/js", null, "abc");

        Assert.Equal(["language", "sha256", "url"], FieldsAtFault(command));
    }

    [Fact]
    public void A_document_needs_its_title_date_and_a_party_and_its_text_is_not_blank()
    {
        var command = new RegisterDocument("js", "japan-italy", " ", DocumentKind.Report, default, [], "en", null, "  ");

        Assert.Equal(["date", "parties", "text", "title"], FieldsAtFault(command));
    }

    [Fact]
    public void Evidence_is_a_list_of_document_ids_none_twice()
    {
        var command = new ChangeCommitmentStatus("jpit-06-solar-c", CommitmentStatus.Fulfilled, May28, "Delivered.", null, ["minutes-1", "Not An Id", "minutes-1"]);

        Assert.Equal(["evidence", "evidence[1]"], FieldsAtFault(command));
    }

    [Fact]
    public void A_paraphrase_keeps_its_quote_and_a_quote_says_what_the_text_is()
    {
        MakeCommitment Make(Wording? textIs, string? quote) => new("c-1", "japan-italy", "JPIT-06", "Text.", ["Japan", "Italy"], [], [],
            new SourceRef(SourceKind.Statement, "js"), CommitmentStatus.Agreed, May28, TextIs: textIs, Quote: quote);

        Assert.Equal(["quote"], FieldsAtFault(Make(Wording.Paraphrase, null)));
        Assert.Equal(["textIs"], FieldsAtFault(Make(null, "Text")));
        var quoted = Make(Wording.Quoted, null);
        Assert.Same(quoted, quoted.ThrowIfInvalid());
    }

    [Fact]
    public void Known_by_is_only_for_a_meeting_whose_arrangement_date_is_unknown()
    {
        var command = new ScheduleMeeting("rome-2", "japan-italy", MeetingKind.Consultation, "Second consultations", "Rome", null,
            ["Japan", "Italy"], [], May28, May28);

        Assert.Equal(["knownBy"], FieldsAtFault(command));
    }

    [Fact]
    public void A_milestones_quote_names_its_document()
    {
        var command = new RecordMilestone("unispace-iv", "japan-italy", "UNISPACE IV", new DateSpan(PartialDate.Parse("2027")),
            MilestoneCertainty.Possible, May28, Quote: "the possible convening of UNISPACE IV Conference in 2027");

        Assert.Equal(["documentId"], FieldsAtFault(command));
    }

    [Fact]
    public void A_plan_may_leave_its_adoption_date_out()
    {
        var command = new AdoptActionPlan("action-plan-2024-2027", "japan-italy", "Action Plan", PartialDate.Parse("2024"), PartialDate.Parse("2027"));

        Assert.Same(command, command.ThrowIfInvalid());
    }
}
