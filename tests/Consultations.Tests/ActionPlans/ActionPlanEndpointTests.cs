namespace Consultations.Tests.ActionPlans;

public class ActionPlanEndpointTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    internal const string NewPlan = "action-plan-2028-2030";
    internal const string Item = "ssa-data-exchange";
    internal const string ItemsUrl = $"/api/action-plans/{PlanId}/items";
    internal const string ItemUrl = $"/api/action-plans/{PlanId}/items/{Item}";
    internal const string ReaffirmUrl = $"/api/action-plans/{PlanId}/reaffirmations";

    internal static JsonObject Adoption() => new()
    {
        ["planId"] = NewPlan, ["dialogueId"] = DialogueId, ["title"] = "2028–2030 Action Plan",
        ["periodFrom"] = "2028", ["periodTo"] = "2030", ["effectiveOn"] = "2026-10-20",
    };

    internal static JsonObject NewItem() => new()
    {
        ["itemId"] = Item, ["fieldCode"] = "JPIT-08", ["effectiveOn"] = "2026-07-01",
        ["text"] = "Set up an exchange of SSA data between the competent authorities.",
    };

    internal static JsonObject Progress(string progress = "on-track") =>
        new() { ["progress"] = progress, ["note"] = "Technical talks started.", ["effectiveOn"] = "2026-08-01" };

    internal static JsonObject Completion() => new() { ["note"] = "Exchange in place.", ["effectiveOn"] = "2026-10-01" };

    internal static JsonObject Drop() => new() { ["reason"] = "Superseded by a multilateral arrangement.", ["effectiveOn"] = "2026-10-01" };

    internal static JsonObject Reaffirmation(string kind = "meeting", string id = RomeSummit) => new()
    {
        ["by"] = new JsonObject { ["kind"] = kind, ["id"] = id }, ["note"] = "The leaders reaffirmed the plan.", ["effectiveOn"] = "2026-06-15",
    };

    /// <summary>The seeded record with one item (not started, added 1 July 2026) on the 2024–2027 plan.</summary>
    private async Task SeedWithItemAsync()
    {
        await SeedAsync();
        await ChangedAsync(ItemsUrl, NewItem(), PlanId);
    }

    private async Task<JsonNode> ItemAsync(string planId = PlanId, string itemId = Item) =>
        (await ReadAsync($"/api/action-plans/{planId}"))["items"]!.AsArray().Single(i => Text(i, "itemId") == itemId)!;

    public static TheoryData<string, string> Repeats => new()
    {
        { ItemsUrl, NewItem().ToJsonString() },
        { $"{ItemUrl}/progress", Progress("delayed").ToJsonString() },
        { $"{ItemUrl}/completion", Completion().ToJsonString() },
        { $"{ItemUrl}/drop", Drop().ToJsonString() },
        { ReaffirmUrl, Reaffirmation().ToJsonString() },
    };

    [Theory]
    [MemberData(nameof(Repeats))]
    public async Task A_change_repeated_is_recorded_once(string url, string body)
    {
        await SeedAsync();
        if (url != ItemsUrl && url != ReaffirmUrl) await ChangedAsync(ItemsUrl, NewItem(), PlanId);
        await RepeatIsIdempotentAsync(url, JsonNode.Parse(body)!, PlanId);
    }

    // --- POST /api/action-plans

    [Fact]
    public async Task Adopting_an_action_plan_answers_201_with_its_location_and_the_plan_can_be_read()
    {
        await SeedAsync();
        await CreatedAsync("/api/action-plans", Adoption(), NewPlan, $"/api/action-plans/{NewPlan}");

        var plan = await ReadAsync($"/api/action-plans/{NewPlan}");
        Assert.Equal("2028–2030 Action Plan", Text(plan, "title"));
        Assert.Equal("2028", Text(plan, "periodFrom"));
        Assert.Equal("2030", Text(plan, "periodTo"));
        Assert.Equal("2026-10-20", Text(plan, "adoptedOn"));
        Assert.Empty(plan["items"]!.AsArray());
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
        await ChangedAsync(ItemsUrl, NewItem(), PlanId);

        var item = await ItemAsync();
        Assert.Equal("JPIT-08", Text(item, "fieldCode"));
        Assert.Equal("not-started", Text(item, "progress"));
        Assert.Equal("2026-07-01", Text(item, "addedOn"));
    }

    // --- POST /api/action-plans/{id}/items/{itemId}/progress, /completion, /drop

    [Theory]
    [InlineData("progress", "on-track", "Technical talks started.", "2026-08-01")]
    [InlineData("completion", "completed", "Exchange in place.", "2026-10-01")]
    [InlineData("drop", "dropped", "Superseded by a multilateral arrangement.", "2026-10-01")]
    public async Task A_change_to_an_item_is_recorded_and_shown(string action, string progress, string note, string on)
    {
        await SeedWithItemAsync();
        await ChangedAsync($"{ItemUrl}/{action}", action switch { "progress" => Progress(), "completion" => Completion(), _ => Drop() }, PlanId);

        var item = await ItemAsync();
        Assert.Equal(progress, Text(item, "progress"));
        Assert.Equal(note, Text(item, "lastNote"));
        Assert.Equal(on, Text(item, "lastChangedOn"));
    }

    // --- POST /api/action-plans/{id}/reaffirmations

    [Fact]
    public async Task Reaffirming_a_plan_is_recorded_and_shown()
    {
        await SeedAsync();
        await ChangedAsync(ReaffirmUrl, Reaffirmation(), PlanId);

        var plan = await ReadAsync($"/api/action-plans/{PlanId}");
        var reaffirmations = plan["reaffirmations"]!.AsArray();
        Assert.Equal(2, reaffirmations.Count);
        Assert.Equal("meeting", Text(reaffirmations[1], "by.kind"));
        Assert.Equal(RomeSummit, Text(reaffirmations[1], "by.id"));
    }

    [Fact]
    public async Task Reaffirming_a_plan_by_the_statement_that_did_so_changes_nothing()
    {
        await SeedAsync();
        // The seeded reaffirmation by the joint statement, repeated.
        await UnchangedAsync(ReaffirmUrl, Reaffirmation("statement", StatementId), PlanId);
    }
}
