namespace Consultations.Domain.Tests.ActionPlans;

public sealed class ActionPlanTests() : Specification<ActionPlan>(ActionPlanDecider.Evolve, typeof(ActionPlanDecider))
{
    private const string Id = "AP-2024-2027";
    private const string Item = "AP-3.1";

    private static AdoptActionPlan Adopt(string dialogue = "DLG-SPACE", string title = "Space Action Plan 2024–2027", string from = "2024", string to = "2027", string on = "2024-03-12") =>
        new(Id, dialogue, title, On(from), On(to), On(on));

    private static ActionPlanAdopted Adopted(string from = "2024", string to = "2027", string on = "2024-03-12") =>
        new(Id, "DLG-SPACE", "Space Action Plan 2024–2027", On(from), On(to), On(on));

    private static AddActionPlanItem AddItem(string field = "SPACE-SUST", string text = "Joint debris-tracking study", string on = "2024-03-12") =>
        new(Id, Item, field, text, On(on));

    private static ActionPlanItemAdded ItemAdded(string on = "2024-03-12") =>
        new(Id, "DLG-SPACE", Item, "SPACE-SUST", "Joint debris-tracking study", On(on));

    private static UpdateActionPlanItemProgress Update(ItemProgress progress = ItemProgress.OnTrack, string note = "Study started", string on = "2025-01", string item = Item) =>
        new(Id, item, progress, note, On(on));

    private static ActionPlanItemProgressUpdated Updated(ItemProgress from = ItemProgress.NotStarted, ItemProgress to = ItemProgress.OnTrack, string note = "Study started", string on = "2025-01") =>
        new(Id, "DLG-SPACE", Item, "SPACE-SUST", from, to, note, On(on));

    private static CompleteActionPlanItem Complete(string? note = "Report published", string on = "2026-02", string item = Item) =>
        new(Id, item, note, On(on));

    private static ActionPlanItemCompleted Completed(ItemProgress from = ItemProgress.OnTrack, string? note = "Report published", string on = "2026-02") =>
        new(Id, "DLG-SPACE", Item, "SPACE-SUST", from, note, On(on));

    private static DropActionPlanItem Drop(string on = "2026-02", string item = Item) =>
        new(Id, item, "Overtaken by the ESA study", On(on));

    private static ActionPlanItemDropped Dropped(ItemProgress from = ItemProgress.OnTrack, string on = "2026-02") =>
        new(Id, "DLG-SPACE", Item, "SPACE-SUST", from, "Overtaken by the ESA study", On(on));

    private static readonly SourceRef ParisMeeting = new(SourceKind.Meeting, "MTG-2026-PARIS");

    private static ReaffirmActionPlan Reaffirm(SourceRef? by = null, string on = "2026-06-04") =>
        new(Id, by ?? ParisMeeting, "Reaffirmed in full", On(on));

    private static ActionPlanReaffirmed Reaffirmed(SourceRef? by = null, string on = "2026-06-04") =>
        new(Id, "DLG-SPACE", by ?? ParisMeeting, "Reaffirmed in full", On(on));

    // Adoption

    [Fact]
    public void Adopting_an_action_plan_records_it() =>
        Given().When(Adopt()).Then(Adopted());

    [Fact]
    public void A_plan_period_may_run_past_today() =>
        Given().When(Adopt(to: "2030")).Then(Adopted(to: "2030"));

    [Fact]
    public void Adopting_a_plan_on_a_date_after_today_is_refused() =>
        Given().When(Adopt(on: "2027")).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void Adopting_a_plan_whose_period_ends_before_it_starts_is_refused() =>
        Given().When(Adopt(from: "2027", to: "2024")).ThenRefused("end-not-before-start", Invalid);

    [Fact]
    public void A_plan_period_within_one_year_is_in_order() =>
        Given().When(Adopt(from: "2024", to: "2024-06")).Then(Adopted(from: "2024", to: "2024-06"));

    [Fact]
    public void Adopting_the_same_plan_again_changes_nothing() =>
        Given(Adopted()).When(Adopt()).ThenNothingHappens();

    // A repeat that differs from the record in any of these contradicts it, and answering it as a repeat would lose the
    // new details; each row was a fact of its own, named "Adopting_the_plan_again_<difference>_is_refused".
    private static Dictionary<string, AdoptActionPlan> Readoptions => new()
    {
        ["in another dialogue"] = Adopt(dialogue: "DLG-CYBER"),
        ["with another title"] = Adopt(title: "Space Roadmap"),
        ["for another period"] = Adopt(to: "2028"),
        ["on another date"] = Adopt(on: "2024-03-13"),
    };

    [Theory, RowsOf(nameof(Readoptions))]
    public void Adopting_the_plan_again_differently_is_refused(string difference) =>
        Given(Adopted()).When(Readoptions[difference]).ThenRefused("plan-adopted-once", Conflict);

    // Items

    [Fact]
    public void Adding_an_item_to_an_unknown_plan_is_not_found() =>
        Given().When(AddItem()).ThenNotFound("action plan", Id);

    [Fact]
    public void Adding_an_item_records_it() =>
        Given(Adopted()).When(AddItem()).Then(ItemAdded());

    [Fact]
    public void Adding_an_item_before_its_field_was_defined_is_refused() =>
        Given(Adopted()).When(AddItem(on: "2024-03-12") with { Field = new("cooperation field 'SPACE-SUST' was defined", On("2024-06-01")) })
            .ThenRefused("item-added-after-its-field-and-period-start", Invalid);

    [Fact]
    public void Adding_an_item_on_the_day_its_field_was_defined_records_it() =>
        Given(Adopted()).When(AddItem(on: "2024-06-01") with { Field = new("cooperation field 'SPACE-SUST' was defined", On("2024-06-01")) })
            .Then(ItemAdded(on: "2024-06-01"));

    [Fact]
    public void Adding_an_item_before_the_period_of_a_plan_whose_adoption_date_is_unknown_is_refused() =>
        Given(AdoptedUndated()).When(AddItem(on: "2023-05-01")).ThenRefused("item-added-after-its-field-and-period-start", Invalid);

    [Fact]
    public void Adding_an_item_with_an_effective_date_after_today_is_refused() =>
        Given(Adopted()).When(AddItem(on: "2026-11-26")).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void Adding_an_item_before_the_plan_was_adopted_is_refused() =>
        Given(Adopted()).When(AddItem(on: "2024-03-11")).ThenRefused("plan-changes-after-adoption", Invalid);

    [Fact]
    public void Adding_the_same_item_again_changes_nothing() =>
        Given(Adopted(), ItemAdded()).When(AddItem(on: "2025")).ThenNothingHappens();

    [Fact]
    public void Adding_another_item_under_an_item_id_already_taken_is_refused() =>
        Given(Adopted(), ItemAdded()).When(AddItem(text: "Joint lunar mission")).ThenRefused("plan-item-ids-unique", Conflict);

    [Fact]
    public void Adding_the_item_again_under_another_field_is_refused() =>
        Given(Adopted(), ItemAdded()).When(AddItem(field: "EARTH-OBS")).ThenRefused("plan-item-ids-unique", Conflict);

    // Progress

    [Fact]
    public void Updating_progress_on_an_unknown_plan_is_not_found() =>
        Given().When(Update()).ThenNotFound("action plan", Id);

    [Fact]
    public void Updating_progress_on_an_unknown_item_is_not_found() =>
        Given(Adopted(), ItemAdded()).When(Update(item: "AP-9.9")).ThenNotFound("action plan item", $"{Id}/AP-9.9");

    [Fact]
    public void Updating_an_items_progress_records_where_it_came_from_and_went() =>
        Given(Adopted(), ItemAdded()).When(Update()).Then(Updated());

    [Fact]
    public void A_delayed_item_can_get_back_on_track() =>
        Given(Adopted(), ItemAdded(), Updated(to: ItemProgress.Delayed, note: "Funding late"))
            .When(Update(on: "2025-06"))
            .Then(Updated(from: ItemProgress.Delayed, to: ItemProgress.OnTrack, on: "2025-06"));

    [Theory]
    [InlineData(ItemProgress.Completed)]
    [InlineData(ItemProgress.Dropped)]
    public void Completing_or_dropping_an_item_through_a_progress_update_is_refused(ItemProgress progress) =>
        Given(Adopted(), ItemAdded()).When(Update(progress: progress)).ThenRefused("complete-or-drop-explicitly", Invalid);

    [Fact]
    public void Updating_progress_with_an_effective_date_after_today_is_refused() =>
        Given(Adopted(), ItemAdded()).When(Update(on: "2026-12")).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void Updating_progress_before_the_item_was_added_is_refused() =>
        Given(Adopted(), ItemAdded(on: "2025-01-10")).When(Update(on: "2024-12")).ThenRefused("item-changes-after-it-was-added", Invalid);

    [Fact]
    public void Updating_the_progress_of_a_completed_item_is_refused() =>
        Given(Adopted(), ItemAdded(), Completed(from: ItemProgress.NotStarted)).When(Update()).ThenRefused("closed-items-stay-closed", Conflict);

    [Fact]
    public void Updating_the_progress_of_a_dropped_item_is_refused() =>
        Given(Adopted(), ItemAdded(), Dropped(from: ItemProgress.NotStarted)).When(Update()).ThenRefused("closed-items-stay-closed", Conflict);

    [Fact]
    public void Repeating_a_progress_update_changes_nothing() =>
        Given(Adopted(), ItemAdded(), Updated()).When(Update(on: "2025-02")).ThenNothingHappens();

    [Fact]
    public void A_new_note_on_unchanged_progress_is_recorded() =>
        Given(Adopted(), ItemAdded(), Updated())
            .When(Update(note: "Halfway", on: "2025-06"))
            .Then(Updated(from: ItemProgress.OnTrack, note: "Halfway", on: "2025-06"));

    // Completing and dropping close an item, and are checked alike: the plan and the item must exist, and the date be
    // neither after today nor before the item was added. Each row was a fact of its own ("Completing_…", "Dropping_…").
    private static object Close(string how, string on = "2026-02", string item = Item) => how switch
    {
        "completing" => Complete(on: on, item: item),
        "dropping" => Drop(on: on, item: item),
        _ => throw new ArgumentOutOfRangeException(nameof(how), how, null),
    };

    [Theory, InlineData("completing"), InlineData("dropping")]
    public void Closing_an_item_of_an_unknown_plan_is_not_found(string how) =>
        Given().When(Close(how)).ThenNotFound("action plan", Id);

    [Theory, InlineData("completing"), InlineData("dropping")]
    public void Closing_an_unknown_item_is_not_found(string how) =>
        Given(Adopted(), ItemAdded()).When(Close(how, item: "AP-9.9")).ThenNotFound("action plan item", $"{Id}/AP-9.9");

    [Theory, InlineData("completing", "2026-11-26"), InlineData("dropping", "2027")]
    public void Closing_an_item_with_an_effective_date_after_today_is_refused(string how, string on) =>
        Given(Adopted(), ItemAdded()).When(Close(how, on)).ThenRefused("effective-date-not-in-future", Invalid);

    [Theory, InlineData("completing", "2025-01-10", "2025-01-09"), InlineData("dropping", "2025", "2024-12")]
    public void Closing_an_item_before_it_was_added_is_refused(string how, string added, string on) =>
        Given(Adopted(), ItemAdded(on: added)).When(Close(how, on)).ThenRefused("item-changes-after-it-was-added", Invalid);

    // Completion

    [Fact]
    public void Completing_an_item_records_the_progress_it_had() =>
        Given(Adopted(), ItemAdded(), Updated()).When(Complete()).Then(Completed());

    [Fact]
    public void An_item_can_be_completed_without_a_note() =>
        Given(Adopted(), ItemAdded()).When(Complete(note: null)).Then(Completed(from: ItemProgress.NotStarted, note: null));

    [Fact]
    public void Completing_a_completed_item_again_changes_nothing() =>
        Given(Adopted(), ItemAdded(), Updated(), Completed()).When(Complete(on: "2026-03")).ThenNothingHappens();

    [Fact]
    public void Completing_a_dropped_item_is_refused() =>
        Given(Adopted(), ItemAdded(), Updated(), Dropped()).When(Complete()).ThenRefused("closed-items-stay-closed", Conflict);

    // Dropping

    [Fact]
    public void Dropping_an_item_records_the_progress_it_had() =>
        Given(Adopted(), ItemAdded(), Updated()).When(Drop()).Then(Dropped());

    [Fact]
    public void Dropping_a_dropped_item_again_changes_nothing() =>
        Given(Adopted(), ItemAdded(), Updated(), Dropped()).When(Drop(on: "2026-03")).ThenNothingHappens();

    [Fact]
    public void Dropping_a_completed_item_is_refused() =>
        Given(Adopted(), ItemAdded(), Updated(), Completed()).When(Drop()).ThenRefused("closed-items-stay-closed", Conflict);

    // Reaffirmation

    [Fact]
    public void Reaffirming_an_unknown_plan_is_not_found() =>
        Given().When(Reaffirm()).ThenNotFound("action plan", Id);

    [Fact]
    public void A_meeting_can_reaffirm_a_plan() =>
        Given(Adopted()).When(Reaffirm()).Then(Reaffirmed());

    [Fact]
    public void A_statement_can_reaffirm_a_plan() =>
        Given(Adopted())
            .When(Reaffirm(new SourceRef(SourceKind.Statement, "JS-2026-PARIS")))
            .Then(Reaffirmed(new SourceRef(SourceKind.Statement, "JS-2026-PARIS")));

    [Theory]
    [InlineData(SourceKind.Clause)]
    [InlineData(SourceKind.PlanItem)]
    public void A_plan_reaffirmed_by_anything_but_a_meeting_or_a_statement_is_refused(SourceKind kind) =>
        Given(Adopted()).When(Reaffirm(new SourceRef(kind, "JS-2026-PARIS", "4"))).ThenRefused("reaffirmed-by-meeting-or-statement", Invalid);

    [Fact]
    public void Reaffirming_a_plan_with_an_effective_date_after_today_is_refused() =>
        Given(Adopted()).When(Reaffirm(on: "2026-11-26")).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void Reaffirming_a_plan_before_it_was_adopted_is_refused() =>
        Given(Adopted()).When(Reaffirm(on: "2023")).ThenRefused("plan-changes-after-adoption", Invalid);

    [Fact]
    public void Reaffirming_a_plan_again_by_the_same_meeting_changes_nothing() =>
        Given(Adopted(), Reaffirmed()).When(Reaffirm(on: "2026-06-05")).ThenNothingHappens();

    [Fact]
    public void A_plan_can_be_reaffirmed_by_several_meetings() =>
        Given(Adopted(), Reaffirmed())
            .When(Reaffirm(new SourceRef(SourceKind.Meeting, "MTG-2026-DELHI"), on: "2026-10"))
            .Then(Reaffirmed(new SourceRef(SourceKind.Meeting, "MTG-2026-DELHI"), on: "2026-10"));

    // State

    [Fact]
    public void Evolve_builds_the_plan_from_a_typical_history() =>
        Recorded.Same(
            new ActionPlan(Id, "DLG-SPACE", "Space Action Plan 2024–2027", On("2024"), On("2027"), On("2024-03-12"),
                [
                    new ActionPlanItem(Item, "SPACE-SUST", "Joint debris-tracking study", ItemProgress.Completed, "Study started", On("2024-03-12"), On("2026-02")),
                    new ActionPlanItem("AP-3.2", "EARTH-OBS", "Shared ground station", ItemProgress.Dropped, "No site found", On("2025"), On("2026-01")),
                    new ActionPlanItem("AP-3.3", "EARTH-OBS", "Data portal", ItemProgress.Delayed, "Procurement", On("2025"), On("2026-03")),
                ],
                [new Reaffirmation(ParisMeeting, "Reaffirmed in full", On("2026-06-04"))]),
            Given(
                Adopted(),
                ItemAdded(),
                new ActionPlanItemAdded(Id, "DLG-SPACE", "AP-3.2", "EARTH-OBS", "Shared ground station", On("2025")),
                new ActionPlanItemAdded(Id, "DLG-SPACE", "AP-3.3", "EARTH-OBS", "Data portal", On("2025")),
                Updated(),
                Completed(note: null),
                new ActionPlanItemDropped(Id, "DLG-SPACE", "AP-3.2", "EARTH-OBS", ItemProgress.NotStarted, "No site found", On("2026-01")),
                new ActionPlanItemProgressUpdated(Id, "DLG-SPACE", "AP-3.3", "EARTH-OBS", ItemProgress.NotStarted, ItemProgress.Delayed, "Procurement", On("2026-03")),
                Reaffirmed()).State);

    [Theory]
    [InlineData(ItemProgress.NotStarted, true)]
    [InlineData(ItemProgress.OnTrack, true)]
    [InlineData(ItemProgress.Delayed, true)]
    [InlineData(ItemProgress.Completed, false)]
    [InlineData(ItemProgress.Dropped, false)]
    public void Only_completed_and_dropped_items_are_closed(ItemProgress progress, bool open) =>
        Assert.Equal(open, new ActionPlanItem(Item, "SPACE-SUST", "Study", progress, null, On("2024"), On("2024")).IsOpen);

    // A plan known only by its period

    private static AdoptActionPlan AdoptUndated() => new(Id, "DLG-SPACE", "Space Action Plan 2024–2027", On("2024"), On("2027"));

    private static ActionPlanAdopted AdoptedUndated() => new(Id, "DLG-SPACE", "Space Action Plan 2024–2027", On("2024"), On("2027"), null);

    [Fact]
    public void A_plan_whose_adoption_date_is_unknown_is_adopted_without_one()
    {
        Given().When(AdoptUndated()).Then(AdoptedUndated());

        Assert.Null(Given(AdoptedUndated()).State!.AdoptedOn);
    }

    [Fact]
    public void Adopting_it_again_without_a_date_changes_nothing() =>
        Given(AdoptedUndated()).When(AdoptUndated()).ThenNothingHappens();

    [Fact]
    public void Adopting_it_again_with_a_date_it_did_not_have_is_refused() =>
        Given(AdoptedUndated()).When(Adopt()).ThenRefused("plan-adopted-once", Conflict);

    [Fact]
    public void A_plan_without_an_adoption_date_can_be_reaffirmed_and_given_items() =>
        Given(AdoptedUndated()).When(Reaffirm()).Then(Reaffirmed());

    [Fact]
    public void A_plan_known_by_its_period_counts_from_the_periods_first_day_and_a_dated_one_from_its_own()
    {
        Assert.Equal(new DateOnly(2024, 1, 1), ((IInEffectBy)AdoptedUndated()).InEffectBy);
        Assert.Null(((IInEffectBy)Adopted()).InEffectBy);
    }
}
