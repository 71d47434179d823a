namespace Consultations.Domain.Tests.CooperationFields;

public sealed class CooperationFieldTests() : Specification<CooperationField>(CooperationFieldDecider.Evolve, typeof(CooperationFieldDecider))
{
    private const string Scope = "Debris, traffic management and long-term sustainability of outer space activities.";

    private static DefineCooperationField Define(string dialogue = "DLG-SPACE", int number = 3, string title = "Space Sustainability", string scope = Scope, string on = "2024-03-12") =>
        new("SPACE-SUST", dialogue, number, title, scope, On(on));

    private static CooperationFieldDefined Defined(string dialogue = "DLG-SPACE", int number = 3, string title = "Space Sustainability", string scope = Scope, string on = "2024-03-12") =>
        new("SPACE-SUST", dialogue, number, title, scope, On(on));

    private static ReviseCooperationFieldScope Revise(string title = "Space Sustainability", string scope = "Debris and space traffic.", string on = "2025-06") =>
        new("SPACE-SUST", title, scope, On(on), "Narrowed at the 2025 consultations");

    private static CooperationFieldScopeRevised Revised(string title = "Space Sustainability", string scope = "Debris and space traffic.", string on = "2025-06") =>
        new("SPACE-SUST", title, scope, On(on), "Narrowed at the 2025 consultations");

    [Fact]
    public void Defining_a_field_records_it() =>
        Given().When(Define()).Then(Defined());

    [Fact]
    public void Defining_a_field_with_an_effective_date_after_today_is_refused() =>
        Given().When(Define(on: "2026-11-26")).ThenRefused("effective-date-not-in-future", Invalid);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Defining_a_field_with_a_number_below_one_is_refused(int number) =>
        Given().When(Define(number: number)).ThenRefused("field-number-positive", Invalid);

    [Fact]
    public void Field_number_one_is_allowed() =>
        Given().When(Define(number: 1)).Then(Defined(number: 1));

    [Fact]
    public void Defining_the_same_field_again_changes_nothing() =>
        Given(Defined()).When(Define()).ThenNothingHappens();

    // A repeat that differs from the record in any of these contradicts it, and answering it as a repeat would lose the
    // new details; each row was a fact of its own, named "Defining_the_field_again_<difference>_is_refused".
    private static Dictionary<string, DefineCooperationField> Redefinitions => new()
    {
        ["in another dialogue"] = Define(dialogue: "DLG-CYBER"),
        ["with another number"] = Define(number: 4),
        ["with another title"] = Define(title: "Sustainability"),
        ["with another scope"] = Define(scope: "Everything"),
        ["on another date"] = Define(on: "2024"),
    };

    [Theory, RowsOf(nameof(Redefinitions))]
    public void Defining_the_field_again_differently_is_refused(string difference) =>
        Given(Defined()).When(Redefinitions[difference]).ThenRefused("field-defined-once", Conflict);

    [Fact]
    public void Revising_the_scope_of_an_unknown_field_is_not_found() =>
        Given().When(Revise()).ThenNotFound("cooperation field", "SPACE-SUST");

    [Fact]
    public void Revising_a_fields_scope_records_the_revision() =>
        Given(Defined()).When(Revise()).Then(Revised());

    [Fact]
    public void Renaming_a_field_is_a_revision() =>
        Given(Defined()).When(Revise(title: "Space Safety", scope: Scope)).Then(Revised(title: "Space Safety", scope: Scope));

    [Fact]
    public void Revising_a_fields_scope_with_an_effective_date_after_today_is_refused() =>
        Given(Defined()).When(Revise(on: "2027")).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void Revising_a_field_before_it_was_defined_is_refused() =>
        Given(Defined()).When(Revise(on: "2024-03-11")).ThenRefused("revision-after-definition", Invalid);

    [Fact]
    public void A_revision_that_may_fall_on_the_day_of_definition_is_allowed() =>
        Given(Defined()).When(Revise(on: "2024-03")).Then(Revised(on: "2024-03"));

    [Fact]
    public void Revising_a_field_to_the_title_and_scope_it_already_has_changes_nothing() =>
        Given(Defined(), Revised()).When(Revise(on: "2026-01")).ThenNothingHappens();

    [Fact]
    public void Evolve_builds_the_field_from_its_definition_and_revisions() =>
        Recorded.Same(
            new CooperationField("SPACE-SUST", "DLG-SPACE", 3, "Space Safety", "Debris and space traffic.", On("2024-03-12"), On("2026-02")),
            Given(Defined(), Revised(), Revised(title: "Space Safety", on: "2026-02")).State);

    [Fact]
    public void Evolve_ignores_a_revision_of_a_field_it_has_no_record_of() =>
        Assert.Null(Given(Revised()).State);
}
