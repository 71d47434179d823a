namespace Consultations.Domain.Tests.Corrections;

public class RecordReferenceTests
{
    private const string S = "statement-1";
    private const string M = "summit-1";
    private const string F = "F-1";

    private static readonly PartialDate June = PartialDate.Parse("2026-06-15");

    private static IReadOnlyList<Entry> Record(params object[] events) =>
        [.. events.Select((e, i) => new Entry(Guid.NewGuid(), i + 1, e))];

    private static IReadOnlyList<Entry> Statement(bool adopted) => Record(
        [
            new JointStatementDrafted(S, "d", "Statement", null, June),
            new ClauseAdded(S, 1, F, "One", "First clause.", June),
            new ClauseAdded(S, 2, F, "Two", "Second clause.", June),
            .. adopted ? [new JointStatementAdopted(S, M, June, "Rome", ["Japan", "Italy"], [F], June)] : Array.Empty<object>(),
        ]);

    private static readonly IReadOnlyList<Entry> Meeting = Record(
        new MeetingScheduled(M, "d", MeetingKind.Summit, "Summit", "Rome", null, ["Japan", "Italy"], [], null),
        new MeetingHeld(M, new DateSpan(June), "Rome", [], June));

    private static OtherRecord CommitmentFrom(string id, SourceRef source) => new(id, Record(
        new CommitmentMade(id, "d", F, "Text", ["Japan", "Italy"], [], [], source, CommitmentStatus.Agreed, June)));

    private static RuleBroken Refused(Action act) => Assert.Throws<RuleBroken>(act);

    [Fact]
    public void Voiding_a_statements_adoption_while_commitments_are_drawn_from_its_clauses_is_refused_naming_them()
    {
        var statement = Statement(adopted: true);
        var broken = Refused(() => EntryFixes.Decide(new VoidEntry(statement[3].EventId, "Not adopted."), S, statement,
            [CommitmentFrom("c-1", new SourceRef(SourceKind.Clause, S, "1"))]));

        Assert.Equal("entry-has-dependents", broken.Rule);
        Assert.Contains("commitment-made of 'c-1'", broken.Message);
    }

    [Fact]
    public void Voiding_a_clause_a_commitment_is_drawn_from_is_refused_and_another_clause_is_not()
    {
        var statement = Statement(adopted: false);
        OtherRecord[] others = [CommitmentFrom("c-1", new SourceRef(SourceKind.Clause, S, "1"))];

        Assert.Equal("entry-has-dependents", Refused(() => EntryFixes.Decide(new VoidEntry(statement[1].EventId, "x"), S, statement, others)).Rule);
        Assert.IsType<EntryVoided>(Assert.Single(EntryFixes.Decide(new VoidEntry(statement[2].EventId, "x"), S, statement, others)));
    }

    [Fact]
    public void Voiding_a_meetings_holding_while_a_statement_was_adopted_at_it_is_refused_naming_the_statement()
    {
        var broken = Refused(() => EntryFixes.Decide(new VoidEntry(Meeting[1].EventId, "Not held."), M, Meeting, [new OtherRecord(S, Statement(adopted: true))]));

        Assert.Equal("entry-has-dependents", broken.Rule);
        Assert.Contains($"joint-statement-adopted of '{S}'", broken.Message);
    }

    [Fact]
    public void A_dependent_voided_in_its_own_record_no_longer_holds_the_entry_it_depended_on()
    {
        var statement = Statement(adopted: true);
        var voidedAdoption = statement.Append(new Entry(Guid.NewGuid(), 5, new EntryVoided(S, new EventRef(S, 4, statement[3].EventId), "joint-statement-adopted", "x"))).ToList();

        Assert.IsType<EntryVoided>(Assert.Single(EntryFixes.Decide(new VoidEntry(Meeting[1].EventId, "Not held."), M, Meeting, [new OtherRecord(S, voidedAdoption)])));
    }

    [Fact]
    public void Voiding_a_field_definition_other_records_refer_to_is_refused_naming_them_before_the_first_entry_rule()
    {
        var field = Record(new CooperationFieldDefined(F, "d", 1, "Field", "Scope", June));
        var broken = Refused(() => EntryFixes.Decide(new VoidEntry(field[0].EventId, "x"), F, field, [CommitmentFrom("c-1", new SourceRef(SourceKind.Meeting, M))]));

        Assert.Equal("entry-has-dependents", broken.Rule);
        Assert.Contains("'c-1'", broken.Message);
        Assert.Equal("first-entry-stays", Refused(() => EntryFixes.Decide(new VoidEntry(field[0].EventId, "x"), F, field, [])).Rule);
    }
}
