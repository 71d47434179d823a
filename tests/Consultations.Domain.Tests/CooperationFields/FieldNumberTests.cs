namespace Consultations.Domain.Tests.CooperationFields;

/// <summary>No two fields of a dialogue share a number; where the codes end in the number, a new code does too (ADR 0059).</summary>
public sealed class FieldNumberTests() : Specification<CooperationField>(CooperationFieldDecider.Evolve, typeof(CooperationFieldDecider))
{
    private static readonly CooperationField[] Coded =
    [
        new("JPIT-01", "DLG-SPACE", 1, "Commercial cooperation", "…", On("2026-06-15"), On("2026-06-15")),
        new("JPIT-02", "DLG-SPACE", 2, "Exploration", "…", On("2026-06-15"), On("2026-06-15")),
        new("JPIT-03", "DLG-SPACE", 3, "Defence and security", "…", On("2026-06-15"), On("2026-06-15")),
    ];

    private static DefineCooperationField Define(string code, int number, params CooperationField[] others) =>
        new(code, "DLG-SPACE", number, "New field", "Scope.", On("2026-11-01")) { DialogueFields = others };

    private static CooperationFieldDefined Defined(string code, int number) => new(code, "DLG-SPACE", number, "New field", "Scope.", On("2026-11-01"));

    // ADR 0064: a numbered code's prefix is one dialogue's (fourth outside review, finding 19).
    private static DefineCooperationField DefineForFrance(string code, int number) =>
        new(code, "DLG-JP-FR", number, "Maritime domain awareness", "Scope.", On("2026-11-01")) { PrefixFields = Coded };

    [Theory]
    [InlineData("JPIT-11", 1)]
    [InlineData("jpit-1", 1)]
    public void A_field_coded_with_another_dialogues_prefix_is_refused(string code, int number) =>
        Given().When(DefineForFrance(code, number)).ThenRefused("field-code-prefix-of-one-dialogue", Conflict);

    [Fact]
    public void A_first_field_with_a_prefix_of_its_own_is_defined() =>
        Given().When(DefineForFrance("JPFR-01", 1))
            .Then(new CooperationFieldDefined("JPFR-01", "DLG-JP-FR", 1, "Maritime domain awareness", "Scope.", On("2026-11-01")));

    [Fact]
    public void A_field_with_a_number_already_used_in_its_dialogue_is_refused() =>
        Given().When(Define("JPIT-12", 3, Coded)).ThenRefused("field-numbers-unique", Conflict);

    [Fact]
    public void A_field_whose_code_does_not_follow_its_number_is_refused() =>
        Given().When(Define("JPIT-12", 4, Coded)).ThenRefused("field-code-follows-number", Invalid);

    [Fact]
    public void A_field_coded_by_its_new_number_is_defined() =>
        Given().When(Define("JPIT-04", 4, Coded)).Then(Defined("JPIT-04", 4));

    [Fact]
    public void A_field_of_a_dialogue_whose_codes_are_names_takes_any_code_with_a_new_number() =>
        Given().When(Define("SPACE-WX", 2, new CooperationField("SPACE-SUST", "DLG-SPACE", 1, "Sustainability", "…", On("2026-01"), On("2026-01"))))
            .Then(Defined("SPACE-WX", 2));

    [Fact]
    public void A_field_number_used_in_another_dialogue_is_free() =>
        Given().When(Define("JPIT-03", 3, [.. Coded.Select(f => f with { DialogueId = "DLG-OTHER" })])).Then(Defined("JPIT-03", 3));
}
