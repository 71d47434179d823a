using System.Text.Json.Nodes;
using Consultations.Domain.ActionPlans;
using Consultations.Domain.Common;
using Consultations.Tests.Infrastructure;

namespace Consultations.Tests.ActionPlans;

public class ActionPlanEndpointTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    private const string NewPlan = "action-plan-2028-2030";
    private const string Item = "ssa-data-exchange";
    private const string ItemsUrl = $"/api/action-plans/{PlanId}/items";
    private const string ItemUrl = $"/api/action-plans/{PlanId}/items/{Item}";
    private const string ReaffirmUrl = $"/api/action-plans/{PlanId}/reaffirmations";

    private static JsonObject Adoption() => new()
    {
        ["planId"] = NewPlan,
        ["dialogueId"] = DialogueId,
        ["title"] = "2028–2030 Action Plan",
        ["periodFrom"] = "2028",
        ["periodTo"] = "2030",
        ["effectiveOn"] = "2026-10-20",
    };

    private static JsonObject NewItem() => new()
    {
        ["itemId"] = Item,
        ["fieldCode"] = "JPIT-08",
        ["text"] = "Set up an exchange of SSA data between the competent authorities.",
        ["effectiveOn"] = "2026-07-01",
    };

    private static JsonObject Progress(string progress = "on-track") => new()
    {
        ["progress"] = progress,
        ["note"] = "Technical talks started.",
        ["effectiveOn"] = "2026-08-01",
    };

    private static JsonObject Completion() => new() { ["note"] = "Exchange in place.", ["effectiveOn"] = "2026-10-01" };

    private static JsonObject Drop() => new() { ["reason"] = "Superseded by a multilateral arrangement.", ["effectiveOn"] = "2026-10-01" };

    private static JsonObject Reaffirmation(string kind = "meeting", string id = RomeSummit) => new()
    {
        ["by"] = new JsonObject { ["kind"] = kind, ["id"] = id },
        ["note"] = "The leaders reaffirmed the plan.",
        ["effectiveOn"] = "2026-06-15",
    };

    /// <summary>The seeded record with one item (not started, added 1 July 2026) on the 2024–2027 plan.</summary>
    private async Task SeedWithItemAsync()
    {
        await SeedAsync();
        await ChangedAsync(ItemsUrl, NewItem(), PlanId);
    }

    private async Task<JsonNode> ItemAsync(string planId = PlanId, string itemId = Item) =>
        (await ReadAsync($"/api/action-plans/{planId}"))["items"]!.AsArray().Single(i => Text(i, "itemId") == itemId)!;

    // --- POST /api/action-plans

    [Fact]
    public async Task Adopting_an_action_plan_answers_201_with_its_location_and_the_plan_can_be_read()
    {
        await SeedAsync();
        var sentAt = DateTimeOffset.UtcNow;
        await CreatedAsync("/api/action-plans", Adoption(), NewPlan, $"/api/action-plans/{NewPlan}");

        var plan = await ReadAsync($"/api/action-plans/{NewPlan}");
        Assert.Equal("2028–2030 Action Plan", Text(plan, "title"));
        Assert.Equal("2028", Text(plan, "periodFrom"));
        Assert.Equal("2030", Text(plan, "periodTo"));
        Assert.Equal("2026-10-20", Text(plan, "adoptedOn"));
        Assert.Empty(plan["items"]!.AsArray());

        var adopted = await LastEventAsync<ActionPlanAdopted>(NewPlan, sentAt);
        Assert.Equal("2026-10-20", adopted.EffectiveOn.ToString());
    }

    [Fact]
    public async Task Adopting_the_same_action_plan_twice_is_idempotent()
    {
        await SeedAsync();
        await RepeatIsIdempotentAsync("/api/action-plans", Adoption(), NewPlan, creates: true, location: $"/api/action-plans/{NewPlan}");
    }

    [Fact]
    public async Task Adopting_a_seeded_action_plan_again_with_another_period_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await ConflictAsync("/api/action-plans", Adoption().With("planId", PlanId).With("title", "2024–2027 Action Plan")
            .With("periodFrom", "2024").With("periodTo", "2028").With("effectiveOn", "2024"), "plan-adopted-once");
    }

    [Fact]
    public async Task Adopting_an_action_plan_whose_period_ends_before_it_starts_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync("/api/action-plans", Adoption().With("periodFrom", "2030").With("periodTo", "2028"), "end-not-before-start");
        Assert.Equal(404, (await GetAsync($"/api/action-plans/{NewPlan}")).Status);
    }

    [Fact]
    public async Task Adopting_an_action_plan_in_the_future_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync("/api/action-plans", Adoption().With("effectiveOn", InTwoDays), "effective-date-not-in-future");
    }

    [Fact]
    public async Task Adopting_an_action_plan_of_an_unknown_dialogue_is_refused_naming_the_dialogue()
    {
        await SeedAsync();
        await InvalidAsync("/api/action-plans", Adoption().With("dialogueId", "no-such-dialogue"), "dialogueId");
    }

    [Theory]
    [InlineData("planId")]
    [InlineData("dialogueId")]
    [InlineData("title")]
    [InlineData("periodFrom")]
    [InlineData("periodTo")]
    [InlineData("effectiveOn")]
    public async Task Adopting_an_action_plan_without_a_required_field_is_refused_naming_it(string field)
    {
        await SeedAsync();
        await InvalidAsync("/api/action-plans", Adoption().Without(field), field);
    }

    [Theory]
    [InlineData("planId", "Plan 2028")]
    [InlineData("title", " ")]
    [InlineData("periodTo", "2030-13")]
    public async Task Adopting_an_action_plan_with_an_invalid_field_is_refused_naming_it(string field, string value)
    {
        await SeedAsync();
        await InvalidAsync("/api/action-plans", Adoption().With(field, value), field);
    }

    [Fact]
    public async Task Adopting_an_action_plan_with_an_unknown_property_or_malformed_json_is_refused()
    {
        await SeedAsync();
        await InvalidAsync("/api/action-plans", Adoption().With("items", new JsonArray()), "items");
        await RefusedAsync("/api/action-plans", """{"planId": "p", """, 400);
    }

    // --- POST /api/action-plans/{id}/items

    [Fact]
    public async Task Adding_an_item_is_recorded_and_shown()
    {
        await SeedAsync();
        var sentAt = DateTimeOffset.UtcNow;
        await ChangedAsync(ItemsUrl, NewItem(), PlanId);

        var item = await ItemAsync();
        Assert.Equal("JPIT-08", Text(item, "fieldCode"));
        Assert.Equal("not-started", Text(item, "progress"));
        Assert.Equal("2026-07-01", Text(item, "addedOn"));

        var added = await LastEventAsync<ActionPlanItemAdded>(PlanId, sentAt);
        Assert.Equal("2026-07-01", added.EffectiveOn.ToString());
        Assert.Equal(DialogueId, added.DialogueId);
    }

    [Fact]
    public async Task Adding_the_same_item_twice_is_idempotent()
    {
        await SeedAsync();
        await RepeatIsIdempotentAsync(ItemsUrl, NewItem(), PlanId);
    }

    [Fact]
    public async Task Adding_an_item_to_an_unknown_plan_answers_404_and_nothing_is_appended()
    {
        await SeedAsync();
        await NotFoundAsync("/api/action-plans/no-such-plan/items", NewItem());
    }

    [Fact]
    public async Task Adding_an_item_under_an_id_already_taken_by_another_text_is_refused_and_nothing_is_appended()
    {
        await SeedWithItemAsync();
        await ConflictAsync(ItemsUrl, NewItem().With("text", "Something else."), "plan-item-ids-unique");
    }

    [Fact]
    public async Task Adding_an_item_before_the_plan_was_adopted_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync(ItemsUrl, NewItem().With("effectiveOn", "2023-12"), "plan-changes-after-adoption");
    }

    [Fact]
    public async Task Adding_an_item_in_the_future_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync(ItemsUrl, NewItem().With("effectiveOn", InTwoDays), "effective-date-not-in-future");
    }

    [Fact]
    public async Task Adding_an_item_of_an_unknown_field_is_refused_naming_the_field_code()
    {
        await SeedAsync();
        await InvalidAsync(ItemsUrl, NewItem().With("fieldCode", "NOPE"), "fieldCode");
    }

    [Fact]
    public async Task Adding_an_item_of_a_field_of_another_dialogue_is_refused_naming_the_field_code()
    {
        await SeedAsync();
        await OtherDialogueAsync();
        await InvalidAsync(ItemsUrl, NewItem().With("fieldCode", OtherField), "fieldCode");
    }

    [Theory]
    [InlineData("itemId")]
    [InlineData("fieldCode")]
    [InlineData("text")]
    [InlineData("effectiveOn")]
    public async Task Adding_an_item_without_a_required_field_is_refused_naming_it(string field)
    {
        await SeedAsync();
        await InvalidAsync(ItemsUrl, NewItem().Without(field), field);
    }

    [Fact]
    public async Task Adding_an_item_with_an_invalid_id_blank_text_or_an_unknown_property_is_refused_naming_it()
    {
        await SeedAsync();
        await InvalidAsync(ItemsUrl, NewItem().With("itemId", "SSA Data"), "itemId");
        await InvalidAsync(ItemsUrl, NewItem().With("text", "  "), "text");
        await InvalidAsync(ItemsUrl, NewItem().With("progress", "on-track"), "progress");
        await RefusedAsync(ItemsUrl, """{"itemId": "a" """, 400);
    }

    // --- POST /api/action-plans/{id}/items/{itemId}/progress

    [Fact]
    public async Task Updating_an_item_progress_is_recorded_and_shown()
    {
        await SeedWithItemAsync();
        var sentAt = DateTimeOffset.UtcNow;
        await ChangedAsync($"{ItemUrl}/progress", Progress(), PlanId);

        var item = await ItemAsync();
        Assert.Equal("on-track", Text(item, "progress"));
        Assert.Equal("Technical talks started.", Text(item, "lastNote"));

        var updated = await LastEventAsync<ActionPlanItemProgressUpdated>(PlanId, sentAt);
        Assert.Equal(ItemProgress.NotStarted, updated.From);
        Assert.Equal(ItemProgress.OnTrack, updated.To);
        Assert.Equal("2026-08-01", updated.EffectiveOn.ToString());
    }

    [Fact]
    public async Task Updating_an_item_progress_twice_to_the_same_progress_and_note_is_idempotent()
    {
        await SeedWithItemAsync();
        await RepeatIsIdempotentAsync($"{ItemUrl}/progress", Progress("delayed"), PlanId);
    }

    [Fact]
    public async Task Updating_the_progress_of_an_item_of_an_unknown_plan_or_an_unknown_item_answers_404_and_nothing_is_appended()
    {
        await SeedWithItemAsync();
        await NotFoundAsync($"/api/action-plans/no-such-plan/items/{Item}/progress", Progress());
        await NotFoundAsync($"/api/action-plans/{PlanId}/items/no-such-item/progress", Progress());
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("dropped")]
    public async Task Completing_or_dropping_an_item_through_its_progress_is_refused_and_nothing_is_appended(string progress)
    {
        await SeedWithItemAsync();
        await BreaksRuleAsync($"{ItemUrl}/progress", Progress(progress), "complete-or-drop-explicitly");
        Assert.Equal("not-started", Text(await ItemAsync(), "progress"));
    }

    [Fact]
    public async Task Updating_the_progress_of_a_completed_item_is_refused_and_nothing_is_appended()
    {
        await SeedWithItemAsync();
        await ChangedAsync($"{ItemUrl}/completion", Completion(), PlanId);
        await ConflictAsync($"{ItemUrl}/progress", Progress().With("effectiveOn", "2026-10-02"), "closed-items-stay-closed");
    }

    [Fact]
    public async Task Updating_an_item_progress_before_the_item_was_added_is_refused_and_nothing_is_appended()
    {
        await SeedWithItemAsync();
        await BreaksRuleAsync($"{ItemUrl}/progress", Progress().With("effectiveOn", "2026-06-30"), "item-changes-after-it-was-added");
    }

    [Fact]
    public async Task Updating_an_item_progress_in_the_future_is_refused_and_nothing_is_appended()
    {
        await SeedWithItemAsync();
        await BreaksRuleAsync($"{ItemUrl}/progress", Progress().With("effectiveOn", InTwoDays), "effective-date-not-in-future");
    }

    [Theory]
    [InlineData("finished")]
    [InlineData("on_track")]
    [InlineData("")]
    public async Task Updating_an_item_to_an_unknown_progress_is_refused_naming_the_progress(string progress)
    {
        await SeedWithItemAsync();
        await InvalidAsync($"{ItemUrl}/progress", Progress(progress), "progress");
    }

    [Theory]
    [InlineData("progress")]
    [InlineData("note")]
    [InlineData("effectiveOn")]
    public async Task Updating_an_item_progress_without_a_required_field_is_refused_naming_it(string field)
    {
        await SeedWithItemAsync();
        await InvalidAsync($"{ItemUrl}/progress", Progress().Without(field), field);
    }

    [Fact]
    public async Task Updating_an_item_progress_with_a_blank_note_or_an_unknown_property_is_refused_naming_it()
    {
        await SeedWithItemAsync();
        await InvalidAsync($"{ItemUrl}/progress", Progress().With("note", " "), "note");
        await InvalidAsync($"{ItemUrl}/progress", Progress().With("percent", 50), "percent");
        await RefusedAsync($"{ItemUrl}/progress", "{\"progress\": on-track}", 400);
    }

    // --- POST /api/action-plans/{id}/items/{itemId}/completion

    [Fact]
    public async Task Completing_an_item_is_recorded_and_shown()
    {
        await SeedWithItemAsync();
        var sentAt = DateTimeOffset.UtcNow;
        await ChangedAsync($"{ItemUrl}/completion", Completion(), PlanId);

        var item = await ItemAsync();
        Assert.Equal("completed", Text(item, "progress"));
        Assert.Equal("Exchange in place.", Text(item, "lastNote"));
        Assert.Equal("2026-10-01", Text(item, "lastChangedOn"));

        var completed = await LastEventAsync<ActionPlanItemCompleted>(PlanId, sentAt);
        Assert.Equal("2026-10-01", completed.EffectiveOn.ToString());
    }

    [Fact]
    public async Task Completing_an_item_without_a_note_is_recorded()
    {
        await SeedWithItemAsync();
        await ChangedAsync($"{ItemUrl}/completion", Completion().Without("note"), PlanId);
        Assert.Equal("completed", Text(await ItemAsync(), "progress"));
    }

    [Fact]
    public async Task Completing_an_item_twice_is_idempotent()
    {
        await SeedWithItemAsync();
        await RepeatIsIdempotentAsync($"{ItemUrl}/completion", Completion(), PlanId);
    }

    [Fact]
    public async Task Completing_an_item_of_an_unknown_plan_or_an_unknown_item_answers_404_and_nothing_is_appended()
    {
        await SeedWithItemAsync();
        await NotFoundAsync($"/api/action-plans/no-such-plan/items/{Item}/completion", Completion());
        await NotFoundAsync($"/api/action-plans/{PlanId}/items/no-such-item/completion", Completion());
    }

    [Fact]
    public async Task Completing_a_dropped_item_is_refused_and_nothing_is_appended()
    {
        await SeedWithItemAsync();
        await ChangedAsync($"{ItemUrl}/drop", Drop(), PlanId);
        await ConflictAsync($"{ItemUrl}/completion", Completion(), "closed-items-stay-closed");
        Assert.Equal("dropped", Text(await ItemAsync(), "progress"));
    }

    [Fact]
    public async Task Completing_an_item_before_it_was_added_is_refused_and_nothing_is_appended()
    {
        await SeedWithItemAsync();
        await BreaksRuleAsync($"{ItemUrl}/completion", Completion().With("effectiveOn", "2026-06"), "item-changes-after-it-was-added");
    }

    [Fact]
    public async Task Completing_an_item_in_the_future_is_refused_and_nothing_is_appended()
    {
        await SeedWithItemAsync();
        await BreaksRuleAsync($"{ItemUrl}/completion", Completion().With("effectiveOn", InTwoDays), "effective-date-not-in-future");
    }

    [Fact]
    public async Task Completing_an_item_without_an_effective_date_is_refused_naming_it()
    {
        await SeedWithItemAsync();
        await InvalidAsync($"{ItemUrl}/completion", Completion().Without("effectiveOn"), "effectiveOn");
    }

    [Fact]
    public async Task Completing_an_item_whose_id_in_the_route_is_not_an_id_is_refused_naming_the_item_id()
    {
        await SeedWithItemAsync();
        await InvalidAsync($"/api/action-plans/{PlanId}/items/NOT_AN_ID/completion", Completion(), "itemId");
    }

    [Fact]
    public async Task Completing_an_item_with_an_unknown_property_or_malformed_json_is_refused()
    {
        await SeedWithItemAsync();
        await InvalidAsync($"{ItemUrl}/completion", Completion().With("completedBy", "JAXA"), "completedBy");
        await RefusedAsync($"{ItemUrl}/completion", "{\"note\": \"x\", \"effectiveOn\": \"2026-10-01\"", 400);
    }

    // --- POST /api/action-plans/{id}/items/{itemId}/drop

    [Fact]
    public async Task Dropping_an_item_is_recorded_and_shown()
    {
        await SeedWithItemAsync();
        var sentAt = DateTimeOffset.UtcNow;
        await ChangedAsync($"{ItemUrl}/drop", Drop(), PlanId);

        var item = await ItemAsync();
        Assert.Equal("dropped", Text(item, "progress"));
        Assert.Equal("Superseded by a multilateral arrangement.", Text(item, "lastNote"));

        var dropped = await LastEventAsync<ActionPlanItemDropped>(PlanId, sentAt);
        Assert.Equal("2026-10-01", dropped.EffectiveOn.ToString());
        Assert.Equal(ItemProgress.NotStarted, dropped.From);
    }

    [Fact]
    public async Task Dropping_an_item_twice_is_idempotent()
    {
        await SeedWithItemAsync();
        await RepeatIsIdempotentAsync($"{ItemUrl}/drop", Drop(), PlanId);
    }

    [Fact]
    public async Task Dropping_an_item_of_an_unknown_plan_or_an_unknown_item_answers_404_and_nothing_is_appended()
    {
        await SeedWithItemAsync();
        await NotFoundAsync($"/api/action-plans/no-such-plan/items/{Item}/drop", Drop());
        await NotFoundAsync($"/api/action-plans/{PlanId}/items/no-such-item/drop", Drop());
    }

    [Fact]
    public async Task Dropping_a_completed_item_is_refused_and_nothing_is_appended()
    {
        await SeedWithItemAsync();
        await ChangedAsync($"{ItemUrl}/completion", Completion(), PlanId);
        await ConflictAsync($"{ItemUrl}/drop", Drop(), "closed-items-stay-closed");
        Assert.Equal("completed", Text(await ItemAsync(), "progress"));
    }

    [Fact]
    public async Task Dropping_an_item_before_it_was_added_is_refused_and_nothing_is_appended()
    {
        await SeedWithItemAsync();
        await BreaksRuleAsync($"{ItemUrl}/drop", Drop().With("effectiveOn", "2026-06-30"), "item-changes-after-it-was-added");
    }

    [Fact]
    public async Task Dropping_an_item_in_the_future_is_refused_and_nothing_is_appended()
    {
        await SeedWithItemAsync();
        await BreaksRuleAsync($"{ItemUrl}/drop", Drop().With("effectiveOn", NextYear), "effective-date-not-in-future");
    }

    [Theory]
    [InlineData("reason")]
    [InlineData("effectiveOn")]
    public async Task Dropping_an_item_without_a_required_field_is_refused_naming_it(string field)
    {
        await SeedWithItemAsync();
        await InvalidAsync($"{ItemUrl}/drop", Drop().Without(field), field);
    }

    [Fact]
    public async Task Dropping_an_item_with_a_blank_reason_or_an_unknown_property_is_refused_naming_it()
    {
        await SeedWithItemAsync();
        await InvalidAsync($"{ItemUrl}/drop", Drop().With("reason", ""), "reason");
        await InvalidAsync($"{ItemUrl}/drop", Drop().With("note", "x"), "note");
        await RefusedAsync($"{ItemUrl}/drop", "reason=none", 400);
    }

    // --- POST /api/action-plans/{id}/reaffirmations

    [Fact]
    public async Task Reaffirming_a_plan_is_recorded_and_shown()
    {
        await SeedAsync();
        var sentAt = DateTimeOffset.UtcNow;
        await ChangedAsync(ReaffirmUrl, Reaffirmation(), PlanId);

        var plan = await ReadAsync($"/api/action-plans/{PlanId}");
        var reaffirmations = plan["reaffirmations"]!.AsArray();
        Assert.Equal(2, reaffirmations.Count);
        Assert.Equal("meeting", Text(reaffirmations[1], "by.kind"));
        Assert.Equal(RomeSummit, Text(reaffirmations[1], "by.id"));

        var reaffirmed = await LastEventAsync<ActionPlanReaffirmed>(PlanId, sentAt);
        Assert.Equal(new SourceRef(SourceKind.Meeting, RomeSummit), reaffirmed.By);
        Assert.Equal("2026-06-15", reaffirmed.EffectiveOn.ToString());
    }

    [Fact]
    public async Task Reaffirming_a_plan_twice_by_the_same_meeting_is_idempotent()
    {
        await SeedAsync();
        await RepeatIsIdempotentAsync(ReaffirmUrl, Reaffirmation(), PlanId);
        // The seeded reaffirmation by the joint statement, repeated.
        await UnchangedAsync(ReaffirmUrl, Reaffirmation("statement", StatementId), PlanId);
    }

    [Fact]
    public async Task Reaffirming_an_unknown_plan_answers_404_and_nothing_is_appended()
    {
        await SeedAsync();
        await NotFoundAsync("/api/action-plans/no-such-plan/reaffirmations", Reaffirmation());
    }

    [Fact]
    public async Task Reaffirming_a_plan_before_it_was_adopted_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync(ReaffirmUrl, Reaffirmation().With("effectiveOn", "2023"), "plan-changes-after-adoption");
    }

    [Fact]
    public async Task Reaffirming_a_plan_in_the_future_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync(ReaffirmUrl, Reaffirmation().With("effectiveOn", InTwoDays), "effective-date-not-in-future");
    }

    [Fact]
    public async Task Reaffirming_a_plan_by_an_unknown_meeting_or_statement_is_refused_naming_by_id()
    {
        await SeedAsync();
        await InvalidAsync(ReaffirmUrl, Reaffirmation("meeting", "no-such-meeting"), "by.id");
        await InvalidAsync(ReaffirmUrl, Reaffirmation("statement", "no-such-statement"), "by.id");
    }

    [Fact]
    public async Task Reaffirming_a_plan_by_a_meeting_of_another_dialogue_is_refused_naming_by_id()
    {
        await SeedAsync();
        await OtherDialogueAsync();
        await InvalidAsync(ReaffirmUrl, Reaffirmation("meeting", OtherMeeting), "by.id");
    }

    [Theory]
    [InlineData("clause")]
    [InlineData("plan-item")]
    public async Task Reaffirming_a_plan_by_something_other_than_a_meeting_or_statement_is_refused_naming_by_kind(string kind)
    {
        await SeedAsync();
        await InvalidAsync(ReaffirmUrl, Reaffirmation(kind, StatementId), "by.kind");
    }

    [Fact]
    public async Task Reaffirming_a_plan_by_an_unknown_kind_is_refused_naming_by_kind()
    {
        await SeedAsync();
        await InvalidAsync(ReaffirmUrl, Reaffirmation("speech", RomeSummit), "by.kind");
    }

    [Theory]
    [InlineData("by")]
    [InlineData("effectiveOn")]
    public async Task Reaffirming_a_plan_without_a_required_field_is_refused_naming_it(string field)
    {
        await SeedAsync();
        await InvalidAsync(ReaffirmUrl, Reaffirmation().Without(field), field);
    }

    [Fact]
    public async Task Reaffirming_a_plan_by_a_source_without_an_id_is_refused_naming_by_id()
    {
        await SeedAsync();
        await InvalidAsync(ReaffirmUrl, Reaffirmation().With("by", new JsonObject { ["kind"] = "meeting" }), "by.id");
        await InvalidAsync(ReaffirmUrl, Reaffirmation().With("by", new JsonObject { ["kind"] = "meeting", ["id"] = " " }), "by.id");
    }

    [Fact]
    public async Task Reaffirming_a_plan_with_an_unknown_property_or_malformed_json_is_refused()
    {
        await SeedAsync();
        await InvalidAsync(ReaffirmUrl, Reaffirmation().With("planId", PlanId), "planId");
        await RefusedAsync(ReaffirmUrl, """{"by": {"kind": "meeting", "id": "x"}""", 400);
    }

    [Theory]
    [InlineData("/api/action-plans")]
    [InlineData("/api/action-plans/action-plan-2024-2027/items")]
    [InlineData("/api/action-plans/action-plan-2024-2027/items/ssa-data-exchange/progress")]
    [InlineData("/api/action-plans/action-plan-2024-2027/items/ssa-data-exchange/completion")]
    [InlineData("/api/action-plans/action-plan-2024-2027/items/ssa-data-exchange/drop")]
    [InlineData("/api/action-plans/action-plan-2024-2027/reaffirmations")]
    public async Task Posting_a_null_body_is_refused_with_400_and_nothing_is_appended(string url)
    {
        await SeedWithItemAsync();
        await RefusedAsync(url, "null", 400);
    }

    [Theory]
    [InlineData("/api/action-plans")]
    [InlineData("/api/action-plans/action-plan-2024-2027/items")]
    [InlineData("/api/action-plans/action-plan-2024-2027/items/ssa-data-exchange/progress")]
    [InlineData("/api/action-plans/action-plan-2024-2027/items/ssa-data-exchange/completion")]
    [InlineData("/api/action-plans/action-plan-2024-2027/items/ssa-data-exchange/drop")]
    [InlineData("/api/action-plans/action-plan-2024-2027/reaffirmations")]
    public async Task Posting_an_empty_body_is_refused_with_400_and_nothing_is_appended(string url)
    {
        await SeedWithItemAsync();
        await RefusedAsync(url, "", 400);
    }
}
