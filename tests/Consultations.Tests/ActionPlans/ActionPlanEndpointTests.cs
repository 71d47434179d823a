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

    // What the endpoints check before the domain decides: each fault answered 400 naming the field, nothing appended.
    // Rules the domain decides are specified in Consultations.Domain.Tests; their statuses in Api/RuleStatusTests.
    public static TheoryData<string, string, string> Faults => new()
    {
        { "/api/action-plans", Adoption().With("dialogueId", "no-such-dialogue").ToJsonString(), "dialogueId" },
        { "/api/action-plans", Adoption().With("planId", "Plan 2028").ToJsonString(), "planId" },
        { "/api/action-plans", Adoption().With("title", " ").ToJsonString(), "title" },
        { "/api/action-plans", Adoption().With("periodTo", "2030-13").ToJsonString(), "periodTo" },
        { ItemsUrl, NewItem().With("fieldCode", "NOPE").ToJsonString(), "fieldCode" },
        { ItemsUrl, NewItem().With("itemId", "SSA Data").ToJsonString(), "itemId" },
        { ItemsUrl, NewItem().With("text", "  ").ToJsonString(), "text" },
        { $"{ItemUrl}/progress", Progress("finished").ToJsonString(), "progress" },
        { $"{ItemUrl}/progress", Progress("").ToJsonString(), "progress" },
        { $"{ItemUrl}/progress", Progress().Without("note").ToJsonString(), "note" },
        { $"{ItemUrl}/progress", Progress().With("note", " ").ToJsonString(), "note" },
        { $"{ItemUrl}/progress", Progress().Without("effectiveOn").ToJsonString(), "effectiveOn" },
        { $"{ItemUrl}/completion", Completion().Without("effectiveOn").ToJsonString(), "effectiveOn" },
        { $"/api/action-plans/{PlanId}/items/NOT_AN_ID/completion", Completion().ToJsonString(), "itemId" },
        { $"{ItemUrl}/drop", Drop().Without("reason").ToJsonString(), "reason" },
        { $"{ItemUrl}/drop", Drop().With("reason", "").ToJsonString(), "reason" },
        { ReaffirmUrl, Reaffirmation("meeting", "no-such-meeting").ToJsonString(), "by.id" },
        { ReaffirmUrl, Reaffirmation("statement", "no-such-statement").ToJsonString(), "by.id" },
        { ReaffirmUrl, Reaffirmation("clause", StatementId).ToJsonString(), "by.kind" },
        { ReaffirmUrl, Reaffirmation("plan-item", StatementId).ToJsonString(), "by.kind" },
        { ReaffirmUrl, Reaffirmation("speech", RomeSummit).ToJsonString(), "by.kind" },
        { ReaffirmUrl, Reaffirmation().With("by", new JsonObject { ["kind"] = "meeting" }).ToJsonString(), "by.id" },
        { ReaffirmUrl, Reaffirmation().With("by", new JsonObject { ["kind"] = "meeting", ["id"] = " " }).ToJsonString(), "by.id" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_fault_found_by_the_endpoint_is_refused_naming_the_field(string url, string body, string field)
    {
        await SeedWithItemAsync();
        await InvalidAsync(url, body, field);
    }

    [Fact]
    public async Task A_field_or_meeting_of_another_dialogue_is_refused_naming_it()
    {
        await SeedAsync();
        await OtherDialogueAsync();
        await InvalidAsync(ItemsUrl, NewItem().With("fieldCode", OtherField), "fieldCode");
        await InvalidAsync(ReaffirmUrl, Reaffirmation("meeting", OtherMeeting), "by.id");
    }

    [Theory]
    [InlineData("progress")]
    [InlineData("completion")]
    [InlineData("drop")]
    public async Task A_change_to_an_item_of_an_unknown_plan_or_an_unknown_item_answers_404_and_nothing_is_appended(string action)
    {
        await SeedWithItemAsync();
        var body = action switch { "progress" => Progress(), "completion" => Completion(), _ => Drop() };
        await NotFoundAsync($"/api/action-plans/no-such-plan/items/{Item}/{action}", body);
        await NotFoundAsync($"/api/action-plans/{PlanId}/items/no-such-item/{action}", body);
    }

    [Theory]
    [InlineData("completion")]
    [InlineData("drop")]
    public async Task Closing_an_item_twice_is_idempotent(string action)
    {
        await SeedWithItemAsync();
        await RepeatIsIdempotentAsync($"{ItemUrl}/{action}", action == "drop" ? Drop() : Completion(), PlanId);
    }

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

    // --- POST /api/action-plans/{id}/items/{itemId}/progress, /completion, /drop

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
}
