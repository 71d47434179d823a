namespace Consultations.Domain.Tests.Dialogues;

public sealed class DialogueTests() : Specification<Dialogue>(DialogueDecider.Evolve, typeof(DialogueDecider))
{
    private static OpenDialogue Open(string title = "Space Dialogue", string[]? parties = null, string? subject = "Civil space cooperation", string on = "2024-03-12") =>
        new("DLG-SPACE", title, parties ?? ["France", "India"], subject, On(on));

    private static DialogueOpened Opened(string title = "Space Dialogue", string[]? parties = null, string? subject = "Civil space cooperation", string on = "2024-03-12") =>
        new("DLG-SPACE", title, parties ?? ["France", "India"], subject, On(on));

    [Fact]
    public void Opening_a_dialogue_records_it() =>
        Given().When(Open()).Then(Opened());

    [Fact]
    public void A_dialogue_without_a_subject_can_be_opened() =>
        Given().When(Open(subject: null)).Then(Opened(subject: null));

    [Fact]
    public void A_dialogue_opened_some_time_this_month_can_be_opened() =>
        Given().When(Open(on: "2026-11")).Then(Opened(on: "2026-11"));

    [Fact]
    public void A_dialogue_opened_today_can_be_opened() =>
        Given().When(Open(on: "2026-11-25")).Then(Opened(on: "2026-11-25"));

    [Theory]
    [InlineData("2026-11-26")]
    [InlineData("2026-12")]
    [InlineData("2027")]
    public void Opening_a_dialogue_with_an_effective_date_after_today_is_refused(string on) =>
        Given().When(Open(on: on)).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void Opening_a_dialogue_with_one_party_is_refused() =>
        Given().When(Open(parties: ["France"])).ThenRefused("dialogue-has-two-parties", Invalid);

    [Fact]
    public void Opening_a_dialogue_with_no_parties_is_refused() =>
        Given().When(Open(parties: [])).ThenRefused("dialogue-has-two-parties", Invalid);

    /// <summary>Parties are counted once each: a party named twice does not make a second one.</summary>
    [Fact]
    public void Opening_a_dialogue_with_one_party_named_twice_is_refused() =>
        Given().When(Open(parties: ["France", "France"])).ThenRefused("dialogue-has-two-parties", Invalid);

    [Fact]
    public void Opening_the_same_dialogue_again_changes_nothing() =>
        Given(Opened()).When(Open()).ThenNothingHappens();

    // A repeat that differs from the record in any of these contradicts it, and answering it as a repeat would lose the
    // new details; each row was a fact of its own, named "Opening_the_dialogue_again_<difference>_is_refused".
    private static Dictionary<string, OpenDialogue> Reopenings => new()
    {
        ["with another title"] = Open(title: "Strategic Space Dialogue"),
        ["with other parties"] = Open(parties: ["France", "Japan"]),
        ["with another subject"] = Open(subject: null),
        ["on another date"] = Open(on: "2024-03"),
    };

    [Theory, RowsOf(nameof(Reopenings))]
    public void Opening_the_dialogue_again_differently_is_refused(string difference) =>
        Given(Opened()).When(Reopenings[difference]).ThenRefused("dialogue-opened-once", Conflict);

    [Fact]
    public void Evolve_builds_the_dialogue_from_its_opening() =>
        Recorded.Same(
            new Dialogue("DLG-SPACE", "Space Dialogue", ["France", "India"], "Civil space cooperation", On("2024-03-12")),
            Given(Opened()).State);

    [Fact]
    public void Evolve_ignores_events_of_other_aggregates() =>
        Recorded.Same(Given(Opened()).State, Given(Opened(), new object()).State);
}
