using static Consultations.Domain.Commitments.CommitmentStatus;

namespace Consultations.Domain.Tests.Commitments;

public sealed class CommitmentTests() : Specification<Commitment>(CommitmentDecider.Evolve, typeof(CommitmentDecider))
{
    /// <summary>
    /// The legal moves of a commitment, written out here on purpose rather than read from the domain,
    /// so that any change to the lifecycle shows up as a failing test.
    /// </summary>
    private static readonly Dictionary<CommitmentStatus, CommitmentStatus[]> LegalMoves = new()
    {
        [Proposed] = [Agreed, Lapsed, Withdrawn],
        [Agreed] = [InProgress, Fulfilled, Lapsed, Withdrawn, Superseded],
        [InProgress] = [Fulfilled, Lapsed, Withdrawn, Superseded],
        [Fulfilled] = [],
        [Lapsed] = [],
        [Withdrawn] = [],
        [Superseded] = [],
    };

    private const string Id = "CMT-0042";
    private const string Successor = "CMT-0043";
    private const string Text = "The parties will exchange space-debris tracking data.";
    private static readonly SourceRef Clause4 = new(SourceKind.Clause, "JS-2024-DELHI", "4");

    private static MakeCommitment Make(CommitmentStatus status = Agreed, string dialogue = "DLG-SPACE", string field = "SPACE-SUST",
        string[]? parties = null, SourceRef? source = null, string on = "2026-03-01", string text = Text) =>
        new(Id, dialogue, field, text, parties ?? ["France", "India"], ["CNES", "ISRO"], ["SSA"], source ?? Clause4, status, On(on));

    private static CommitmentMade Made(CommitmentStatus status = Agreed, string on = "2026-03-01") =>
        new(Id, "DLG-SPACE", "SPACE-SUST", Text, ["France", "India"], ["CNES", "ISRO"], ["SSA"], Clause4, status, On(on));

    private static ChangeCommitmentStatus ChangeStatus(CommitmentStatus to, string on = "2026-10", string? supersededBy = null) =>
        new(Id, to, On(on), "Reported at the Paris consultations", supersededBy);

    private static CommitmentStatusChanged StatusChanged(CommitmentStatus from, CommitmentStatus to, string on = "2026-10", string? supersededBy = null) =>
        new(Id, "DLG-SPACE", "SPACE-SUST", from, to, On(on), "Reported at the Paris consultations", supersededBy);

    private static AmendCommitment Amend(string text = "The parties will exchange debris and space-weather data.", string on = "2026-09") =>
        new(Id, text, On(on), "Broadened at the Paris consultations");

    private static CommitmentAmended Amended(string previous = Text, string text = "The parties will exchange debris and space-weather data.", string on = "2026-09") =>
        new(Id, "DLG-SPACE", "SPACE-SUST", previous, text, On(on), "Broadened at the Paris consultations");

    /// <summary>A lawful history that leaves the commitment in the given status (since 2026-06 for the final ones).</summary>
    private static object[] ACommitmentThatIs(CommitmentStatus status) => status switch
    {
        Proposed or Agreed or InProgress => [Made(status)],
        Superseded => [Made(Agreed), StatusChanged(Agreed, Superseded, on: "2026-06", supersededBy: Successor)],
        _ => [Made(Agreed), StatusChanged(Agreed, status, on: "2026-06")],
    };

    // The lifecycle, exhaustively

    public static TheoryData<CommitmentStatus, CommitmentStatus> EveryPairOfStatuses()
    {
        var pairs = new TheoryData<CommitmentStatus, CommitmentStatus>();
        foreach (var from in Enum.GetValues<CommitmentStatus>())
        foreach (var to in Enum.GetValues<CommitmentStatus>())
            pairs.Add(from, to);
        return pairs;
    }

    [Fact]
    public void The_lifecycle_table_of_this_specification_names_every_status() =>
        Assert.Equal(Enum.GetValues<CommitmentStatus>(), LegalMoves.Keys);

    [Theory]
    [MemberData(nameof(EveryPairOfStatuses))]
    public void A_commitment_changes_status_only_as_the_lifecycle_allows(CommitmentStatus from, CommitmentStatus to)
    {
        var supersededBy = to == Superseded ? Successor : null;
        var outcome = Given(ACommitmentThatIs(from)).When(ChangeStatus(to, supersededBy: supersededBy));

        if (LegalMoves[from].Contains(to))
            outcome.Then(StatusChanged(from, to, supersededBy: supersededBy));
        else if (from == to)
            outcome.ThenNothingHappens();
        else
            outcome.ThenRefused("commitment-lifecycle", Conflict);
    }

    [Theory]
    [MemberData(nameof(EveryPairOfStatuses))]
    public void The_domains_lifecycle_allows_exactly_the_legal_moves(CommitmentStatus from, CommitmentStatus to) =>
        Assert.Equal(LegalMoves[from].Contains(to), CommitmentLifecycle.Allows(from, to));

    [Theory]
    [InlineData(Proposed, false)]
    [InlineData(Agreed, false)]
    [InlineData(InProgress, false)]
    [InlineData(Fulfilled, true)]
    [InlineData(Lapsed, true)]
    [InlineData(Withdrawn, true)]
    [InlineData(Superseded, true)]
    public void Fulfilled_lapsed_withdrawn_and_superseded_are_final(CommitmentStatus status, bool final)
    {
        Assert.Equal(final, CommitmentLifecycle.IsFinal(status));
        Assert.Equal(LegalMoves[status], CommitmentLifecycle.NextFrom(status));
    }

    [Fact]
    public void Fulfilling_a_withdrawn_commitment_is_refused() =>
        Given(Made(Agreed), StatusChanged(Agreed, Withdrawn, on: "2026-06")).When(ChangeStatus(Fulfilled)).ThenRefused("commitment-lifecycle", Conflict);

    [Fact]
    public void A_refusal_by_the_lifecycle_says_when_the_commitment_is_final() =>
        Assert.Contains("final",
            Given(ACommitmentThatIs(Lapsed)).When(ChangeStatus(Agreed)).ThenRefused("commitment-lifecycle", Conflict).Message,
            StringComparison.Ordinal);

    [Fact]
    public void A_refusal_by_the_lifecycle_says_where_the_commitment_can_go() =>
        Assert.Contains("agreed, lapsed, withdrawn",
            Given(ACommitmentThatIs(Proposed)).When(ChangeStatus(InProgress)).ThenRefused("commitment-lifecycle", Conflict).Message,
            StringComparison.Ordinal);

    // Making

    [Theory]
    [InlineData(Proposed)]
    [InlineData(Agreed)]
    [InlineData(InProgress)]
    public void Making_a_commitment_records_it(CommitmentStatus status) =>
        Given().When(Make(status)).Then(Made(status));

    [Theory]
    [InlineData(Fulfilled)]
    [InlineData(Lapsed)]
    [InlineData(Withdrawn)]
    [InlineData(Superseded)]
    public void Making_a_commitment_that_is_already_closed_is_refused(CommitmentStatus status) =>
        Given().When(Make(status)).ThenRefused("commitments-start-open", Invalid);

    // What it follows from, as the route reads it from the record (ADR 0053).
    private static readonly Precedent[] Follows =
    [
        new("dialogue 'DLG-SPACE' was opened", On("2025-11")), new("cooperation field 'SPACE-SUST' was defined", On("2026-01-20")),
        new("meeting 'MTG-2026-PARIS' was held", On("2026-02-10")),
    ];

    [Theory]
    [InlineData("2025-10-31")]
    [InlineData("2026-01-19")]
    [InlineData("2026-02-09")]
    public void Making_a_commitment_before_its_dialogue_opened_its_field_was_defined_or_its_source_took_effect_is_refused(string on) =>
        Given().When(Make(on: on) with { Follows = Follows }).ThenRefused("commitment-made-after-its-sources", Invalid);

    [Theory]
    [InlineData("2026-02-10")]
    [InlineData("2026-02")]
    public void Making_a_commitment_on_or_possibly_on_the_day_its_source_took_effect_records_it(string on) =>
        Given().When(Make(on: on) with { Follows = Follows }).Then(Made(on: on));

    [Fact]
    public void Making_a_commitment_without_parties_is_refused() =>
        Given().When(Make(parties: [])).ThenRefused("commitment-has-parties", Invalid);

    [Fact]
    public void A_commitment_of_one_party_can_be_made() =>
        Given().When(Make(parties: ["India"])).Then(Made() with { Parties = ["India"] });

    [Fact]
    public void Making_a_commitment_with_an_effective_date_after_today_is_refused() =>
        Given().When(Make(on: "2026-11-26")).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void Making_the_same_commitment_again_changes_nothing() =>
        Given(Made()).When(Make()).ThenNothingHappens();

    [Fact]
    public void Making_the_commitment_again_after_it_was_amended_and_moved_on_changes_nothing() =>
        Given(Made(), Amended(), StatusChanged(Agreed, InProgress)).When(Make()).ThenNothingHappens();

    // A repeat that differs from the record in any of these contradicts it, and answering it as a repeat would lose the
    // new details; each row was a fact of its own, named "Making_the_commitment_again_<difference>_is_refused".
    private static Dictionary<string, MakeCommitment> Remakings => new()
    {
        ["in another dialogue"] = Make(dialogue: "DLG-CYBER"),
        ["in another field"] = Make(field: "EARTH-OBS"),
        ["from another source"] = Make(source: new SourceRef(SourceKind.Clause, "JS-2024-DELHI", "5")),
        ["on another date"] = Make(on: "2026-03"),
        // No later event changes the parties, agencies or programmes: a repeat that differs there contradicts the record,
        // and answering it as a repeat would lose the new details.
        ["with other parties"] = Make(parties: ["France", "Japan"]),
        ["with other agencies"] = Make() with { Agencies = [] },
        ["with other programmes"] = Make() with { Programmes = ["LiteBIRD"] },
    };

    [Theory, RowsOf(nameof(Remakings))]
    public void Making_the_commitment_again_differently_is_refused(string difference) =>
        Given(Made()).When(Remakings[difference]).ThenRefused("commitment-made-once", Conflict);

    // Changing status

    [Fact]
    public void Changing_the_status_of_an_unknown_commitment_is_not_found() =>
        Given().When(ChangeStatus(Fulfilled)).ThenNotFound("commitment", Id);

    [Fact]
    public void A_status_change_with_an_effective_date_after_today_is_refused() =>
        Given(Made()).When(ChangeStatus(InProgress, on: "2026-11-26")).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void A_status_change_taking_effect_before_the_current_status_is_refused() =>
        Given(Made(), StatusChanged(Agreed, InProgress, on: "2026-06-15")).When(ChangeStatus(Fulfilled, on: "2026-06-14")).ThenRefused("status-changes-in-order", Invalid);

    [Fact]
    public void A_status_change_taking_effect_before_the_commitment_was_made_is_refused() =>
        Given(Made()).When(ChangeStatus(InProgress, on: "2026-02")).ThenRefused("status-changes-in-order", Invalid);

    [Fact]
    public void A_status_change_that_may_fall_on_the_day_of_the_current_status_is_allowed() =>
        Given(Made(), StatusChanged(Agreed, InProgress, on: "2026-06-15"))
            .When(ChangeStatus(Fulfilled, on: "2026-06"))
            .Then(StatusChanged(InProgress, Fulfilled, on: "2026-06"));

    [Fact]
    public void Superseding_a_commitment_without_naming_its_successor_is_refused() =>
        Given(Made()).When(ChangeStatus(Superseded)).ThenRefused("superseded-names-successor", Invalid);

    [Fact]
    public void Superseding_a_commitment_by_a_blank_successor_is_refused() =>
        Given(Made()).When(ChangeStatus(Superseded, supersededBy: "  ")).ThenRefused("superseded-names-successor", Invalid);

    [Fact]
    public void Naming_a_successor_for_a_commitment_that_is_not_superseded_is_refused() =>
        Given(Made()).When(ChangeStatus(Fulfilled, supersededBy: Successor)).ThenRefused("superseded-names-successor", Invalid);

    [Fact]
    public void A_commitment_superseding_itself_is_refused() =>
        Given(Made()).When(ChangeStatus(Superseded, supersededBy: Id)).ThenRefused("superseded-names-successor", Invalid);

    // ADR 0064: its successor exists on the day it is superseded.
    [Fact]
    public void Superseding_a_commitment_by_one_not_yet_made_that_day_is_refused() =>
        Given(Made()).When(ChangeStatus(Superseded, on: "2026-08-01", supersededBy: Successor) with
        {
            SuccessorMade = new Precedent($"commitment '{Successor}' was made", On("2026-11-19")),
        }).ThenRefused("superseded-after-successor-made", Invalid);

    [Fact]
    public void Superseding_a_commitment_on_the_day_its_successor_was_made_is_recorded() =>
        Given(Made()).When(ChangeStatus(Superseded, on: "2026-11-19", supersededBy: Successor) with
        {
            SuccessorMade = new Precedent($"commitment '{Successor}' was made", On("2026-11-19")),
        }).Then(StatusChanged(Agreed, Superseded, on: "2026-11-19", supersededBy: Successor));

    // ADR 0064: every clause belongs to one field.
    [Fact]
    public void A_commitment_drawn_from_a_clause_of_another_field_is_refused() =>
        Given().When(Make(field: "JPIT-01") with { SourceClauseField = "SPACE-SUST" }).ThenRefused("commitment-in-its-clause-field", Invalid);

    [Fact]
    public void A_commitment_drawn_from_a_clause_of_its_field_is_made() =>
        Given().When(Make() with { SourceClauseField = "SPACE-SUST" }).Then(Made());

    [Fact]
    public void Superseding_a_superseded_commitment_by_another_successor_is_refused() =>
        Given(ACommitmentThatIs(Superseded)).When(ChangeStatus(Superseded, supersededBy: "CMT-0044")).ThenRefused("commitment-lifecycle", Conflict);

    [Fact]
    public void Repeating_a_status_change_changes_nothing_even_on_another_date() =>
        Given(Made(), StatusChanged(Agreed, InProgress)).When(ChangeStatus(InProgress, on: "2026-11")).ThenNothingHappens();

    // Amending

    [Fact]
    public void Amending_an_unknown_commitment_is_not_found() =>
        Given().When(Amend()).ThenNotFound("commitment", Id);

    [Fact]
    public void Amending_a_commitment_records_its_previous_and_new_text() =>
        Given(Made()).When(Amend()).Then(Amended());

    [Fact]
    public void An_amended_commitment_can_be_amended_again() =>
        Given(Made(), Amended())
            .When(Amend(text: "The parties will exchange debris data.", on: "2026-10"))
            .Then(Amended(previous: "The parties will exchange debris and space-weather data.", text: "The parties will exchange debris data.", on: "2026-10"));

    [Theory]
    [InlineData(Proposed)]
    [InlineData(InProgress)]
    public void Open_commitments_can_be_amended(CommitmentStatus status) =>
        Given(ACommitmentThatIs(status)).When(Amend()).Then(Amended());

    [Fact]
    public void Amending_a_commitment_with_an_effective_date_after_today_is_refused() =>
        Given(Made()).When(Amend(on: "2027")).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void Amending_a_commitment_to_the_text_it_already_has_changes_nothing() =>
        Given(Made(), Amended()).When(Amend()).ThenNothingHappens();

    [Theory]
    [InlineData(Fulfilled)]
    [InlineData(Lapsed)]
    [InlineData(Withdrawn)]
    [InlineData(Superseded)]
    public void Amending_a_final_commitment_is_refused(CommitmentStatus status) =>
        Given(ACommitmentThatIs(status)).When(Amend()).ThenRefused("final-commitments-are-not-amended", Conflict);

    [Fact]
    public void Repeating_the_text_of_a_final_commitment_changes_nothing() =>
        Given(ACommitmentThatIs(Fulfilled)).When(Amend(text: Text)).ThenNothingHappens();

    [Fact]
    public void An_amendment_taking_effect_before_the_commitment_was_made_is_refused() =>
        Given(Made()).When(Amend(on: "2026-02-28")).ThenRefused("amendment-after-commitment", Invalid);

    // State

    [Fact]
    public void Evolve_builds_the_commitment_from_a_typical_history() =>
        Recorded.Same(
            new Commitment(Id, "DLG-SPACE", "SPACE-SUST", "The parties will exchange debris data.",
                ["France", "India"], ["CNES", "ISRO"], ["SSA"], Clause4,
                Status: Superseded, MadeOn: On("2026-03-01"), StatusSince: On("2026-10"), SupersededBy: Successor,
                StatusHistory:
                [
                    new StatusChange(Proposed, Agreed, On("2026-04"), "Reported at the Paris consultations"),
                    new StatusChange(Agreed, InProgress, On("2026-06"), "Reported at the Paris consultations"),
                    new StatusChange(InProgress, Superseded, On("2026-10"), "Reported at the Paris consultations"),
                ],
                Amendments: 2) { MadeText = Text }, // the text as made survives its amendments: it names the commitment
            Given(
                Made(Proposed),
                StatusChanged(Proposed, Agreed, on: "2026-04"),
                Amended(),
                StatusChanged(Agreed, InProgress, on: "2026-06"),
                Amended(previous: "The parties will exchange debris and space-weather data.", text: "The parties will exchange debris data."),
                StatusChanged(InProgress, Superseded, on: "2026-10", supersededBy: Successor)).State);

    [Fact]
    public void A_new_commitment_has_been_in_its_first_status_since_it_was_made() =>
        Recorded.Same(
            new Commitment(Id, "DLG-SPACE", "SPACE-SUST", Text, ["France", "India"], ["CNES", "ISRO"], ["SSA"], Clause4,
                InProgress, On("2026-03-01"), On("2026-03-01"), null, [], 0) { MadeText = Text },
            Given(Made(InProgress)).State);

    [Fact]
    public void Evolve_ignores_changes_to_a_commitment_it_has_no_record_of() =>
        Assert.Null(Given(StatusChanged(Agreed, InProgress), Amended()).State);

    // What the text is to its source, the names it lists, the document it comes from

    private const string Clause = "The parties will exchange space-debris tracking data and will meet yearly.";

    private static MakeCommitment MakeFrom(string text, Wording? textIs, string? quote) =>
        Make(text: text) with { TextIs = textIs, Quote = quote, DocumentId = "delhi-statement", Fora = ["G7"], Agreements = ["Artemis Accords"] };

    private static CommitmentMade MadeFrom(string text, Wording? textIs, string? quote) =>
        new(Id, "DLG-SPACE", "SPACE-SUST", text, ["France", "India"], ["CNES", "ISRO"], ["SSA"], Clause4, Agreed, On("2026-03-01"),
            ["G7"], ["Artemis Accords"], "delhi-statement", textIs, quote);

    [Fact]
    public void A_quoted_text_keeps_itself_as_its_quote() =>
        Given().When(MakeFrom(Text, Wording.Quoted, null)).Then(MadeFrom(Text, Wording.Quoted, Text));

    [Fact]
    public void A_quoted_text_may_end_with_a_full_stop_where_the_passage_runs_on() =>
        Given().When(MakeFrom(Text, Wording.Quoted, "The parties will exchange space-debris tracking data"))
            .Then(MadeFrom(Text, Wording.Quoted, "The parties will exchange space-debris tracking data"));

    [Fact]
    public void A_text_marked_as_quoted_that_is_not_its_quote_is_refused() =>
        Given().When(MakeFrom("The parties will share debris data.", Wording.Quoted, Clause)).ThenRefused("quoted-text-is-the-quote", Invalid);

    [Fact]
    public void A_paraphrase_keeps_the_passage_it_paraphrases() =>
        Given().When(MakeFrom("The parties will share debris data.", Wording.Paraphrase, Clause))
            .Then(MadeFrom("The parties will share debris data.", Wording.Paraphrase, Clause));

    [Fact]
    public void The_commitment_shows_its_document_wording_fora_and_agreements_apart_from_its_programmes()
    {
        var commitment = Given(MadeFrom("The parties will share debris data.", Wording.Paraphrase, Clause)).State!;

        Assert.Equal("delhi-statement", commitment.DocumentId);
        Assert.Equal(Wording.Paraphrase, commitment.TextIs);
        Assert.Equal(Clause, commitment.Quote);
        Assert.Equal(["G7"], commitment.Fora);
        Assert.Equal(["Artemis Accords"], commitment.Agreements);
        Assert.Equal(["SSA"], commitment.Programmes);
    }

    [Fact]
    public void A_commitment_recorded_before_these_members_existed_reads_with_empty_lists()
    {
        var commitment = Given(Made()).State!;

        Assert.Empty(commitment.Fora);
        Assert.Empty(commitment.Agreements);
        Assert.Null(commitment.DocumentId);
        Assert.Null(commitment.TextIs);
    }

    [Fact]
    public void Making_it_again_with_another_wording_is_refused() =>
        Given(MadeFrom(Text, Wording.Quoted, Text)).When(MakeFrom("The parties will share debris data.", Wording.Paraphrase, Clause))
            .ThenRefused("commitment-made-once", Conflict);

    [Fact]
    public void Making_it_again_as_it_was_made_changes_nothing() =>
        Given(MadeFrom(Text, Wording.Quoted, Text)).When(MakeFrom(Text, Wording.Quoted, null)).ThenNothingHappens();

    // What an amended text is to its source

    private const string Other = "The parties will exchange debris and space-weather data.";

    [Fact]
    public void Amending_a_quoted_text_into_other_words_makes_it_a_paraphrase_of_the_quote() =>
        Given(MadeFrom(Text, Wording.Quoted, Text)).When(Amend(text: Other)).Then(Amended(text: Other) with { TextIs = Wording.Paraphrase });

    [Fact]
    public void Amending_a_quoted_text_into_other_words_said_to_be_quoted_is_refused() =>
        Given(MadeFrom(Text, Wording.Quoted, Text)).When(Amend(text: Other) with { TextIs = Wording.Quoted }).ThenRefused("quoted-text-is-the-quote", Invalid);

    [Fact]
    public void An_amendment_said_to_be_a_paraphrase_is_one() =>
        Given(MadeFrom(Text, Wording.Quoted, Text)).When(Amend(text: Other) with { TextIs = Wording.Paraphrase })
            .Then(Amended(text: Other) with { TextIs = Wording.Paraphrase });

    [Fact]
    public void Amending_a_paraphrase_back_to_its_quote_makes_it_quoted() =>
        Given(MadeFrom(Other, Wording.Paraphrase, Clause)).When(Amend(text: Clause))
            .Then(Amended(previous: Other, text: Clause) with { TextIs = Wording.Quoted });

    [Fact]
    public void A_commitment_amended_into_other_words_reads_as_a_paraphrase_and_keeps_its_quote()
    {
        var commitment = Given(MadeFrom(Text, Wording.Quoted, Text), Amended(text: Other) with { TextIs = Wording.Paraphrase }).State!;

        Assert.Equal(Other, commitment.Text);
        Assert.Equal(Wording.Paraphrase, commitment.TextIs);
        Assert.Equal(Text, commitment.Quote);
    }

    [Fact]
    public void An_amendment_recorded_before_it_said_what_its_text_is_reads_as_a_paraphrase_unless_it_is_the_quote()
    {
        Assert.Equal(Wording.Paraphrase, Given(MadeFrom(Text, Wording.Quoted, Text), Amended(text: Other)).State!.TextIs);
        Assert.Equal(Wording.Quoted, Given(MadeFrom(Other, Wording.Paraphrase, Clause), Amended(previous: Other, text: Clause)).State!.TextIs);
        Assert.Null(Given(Made(), Amended()).State!.TextIs);
    }

    [Fact]
    public void A_status_change_carries_the_documents_it_cites_into_the_history()
    {
        Given(Made()).When(ChangeStatus(InProgress) with { Evidence = ["paris-minutes"] })
            .Then(StatusChanged(Agreed, InProgress) with { Evidence = ["paris-minutes"] });

        var commitment = Given(Made(), StatusChanged(Agreed, InProgress) with { Evidence = ["paris-minutes"] }).State!;
        Assert.Equal(["paris-minutes"], commitment.StatusHistory.Single().Evidence);
    }

    [Fact]
    public void A_status_change_citing_nothing_has_no_evidence() =>
        Assert.Empty(Given(Made(), StatusChanged(Agreed, InProgress)).State!.StatusHistory.Single().Evidence);
}
