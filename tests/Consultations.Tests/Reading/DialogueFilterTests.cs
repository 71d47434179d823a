namespace Consultations.Tests.Reading;

/// <summary>A second dialogue, opened through the API beside the bundled Japan–Italy record: every list route filters by ?dialogue=.</summary>
public class DialogueFilterTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string JapanItaly = JapanItalyRecord.DialogueId;
    private const string Other = "japan-france-ocean";

    protected override bool SharesRecord => true;

    protected override async Task ArrangeSharedAsync()
    {
        await SeedAsync();
        await OpenOtherDialogueAsync();
    }

    private async Task OpenOtherDialogueAsync()
    {
        async Task Created(string url, object body)
        {
            var (status, answer) = await PostAsync(url, body);
            Assert.True(status == 201, $"POST {url} answered {status}: {answer?.ToJsonString()}");
        }

        await Created("/api/dialogues", new
        {
            dialogueId = Other, title = "Japan–France ocean science", parties = new[] { "Japan", "France" }, effectiveOn = "2026-02-01",
        });
        await Created("/api/fields", new
        {
            fieldCode = "JPFR-01", dialogueId = Other, number = 1, title = "Deep-sea observation",
            scope = "Joint deep-sea observation campaigns.", effectiveOn = "2026-02-01",
        });
        await Created("/api/meetings", new
        {
            meetingId = "jp-fr-ocean-talks-1", dialogueId = Other, kind = "consultation", title = "First Japan–France ocean talks",
            place = "Paris", plannedDates = new { from = "2026-03-10" }, parties = new[] { "Japan", "France" },
            delegations = new[] { new { party = "Japan", head = (string?)null, members = Array.Empty<string>() } },
        });
        // A commitment comes only from a meeting held (ADR 0059).
        var (held, heldAnswer) = await PostAsync("/api/meetings/jp-fr-ocean-talks-1/held", new { dates = new { from = "2026-03-10" } });
        Assert.True(held == 200, $"Holding the talks answered {held}: {heldAnswer?.ToJsonString()}");
        await Created("/api/statements", new
        {
            statementId = "jp-fr-ocean-statement", dialogueId = Other, title = "Japan–France statement on ocean science", effectiveOn = "2026-03-10",
        });
        await Created("/api/action-plans", new
        {
            planId = "jp-fr-ocean-plan", dialogueId = Other, title = "Ocean science roadmap", periodFrom = "2026", periodTo = "2028", effectiveOn = "2026-03",
        });
        await Created("/api/commitments", new
        {
            commitmentId = "jpfr-01-joint-cruise", dialogueId = Other, fieldCode = "JPFR-01", text = "Japan and France will run a joint research cruise.",
            parties = new[] { "Japan", "France" }, agencies = new[] { "JAMSTEC", "Ifremer" }, programmes = Array.Empty<string>(),
            source = new { kind = "meeting", id = "jp-fr-ocean-talks-1" }, status = "agreed", effectiveOn = "2026-03-10",
        });
    }

    private async Task<JsonArray> ListAsync(string url)
    {
        var (status, body) = await GetAsync(url);
        Assert.True(status == 200, $"GET {url} answered {status}: {body?.ToJsonString()}");
        return body!.AsArray();
    }

    private static IEnumerable<string> Values(JsonArray items, string name) => items.Select(i => i![name]!.GetValue<string>());

    [Fact]
    public async Task Without_a_filter_the_lists_hold_both_dialogues()
    {
        Assert.Equal(11, (await ListAsync("/api/fields")).Count);
        Assert.Equal(JapanItalyRecord.CommitmentCount + 1, (await ListAsync("/api/commitments")).Count);
        Assert.Equal(5, (await ListAsync("/api/meetings")).Count);
        Assert.Equal(2, (await ListAsync("/api/statements")).Count);
        Assert.Equal(2, (await ListAsync("/api/action-plans")).Count);
        Assert.Equal([Other, JapanItaly], Values(await ListAsync("/api/dialogues"), "id"));
        var timeline = await ListAsync("/api/timeline");
        Assert.Equal(37, timeline.Count);
        Assert.Equal(4, timeline.Count(i => i!["dialogueId"]!.GetValue<string>() == Other));
    }

    [Fact]
    public async Task Fields_filter_by_dialogue()
    {
        var japanItaly = await ListAsync($"/api/fields?dialogue={JapanItaly}");
        Assert.Equal(JapanItalyRecord.FieldCodes, Values(japanItaly, "code"));

        var other = await ListAsync($"/api/fields?dialogue={Other}");
        var field = Assert.Single(other);
        Assert.Equal("JPFR-01", field!["code"]!.GetValue<string>());
        Assert.Equal(Other, field["dialogueId"]!.GetValue<string>());
        Assert.Equal(1, field["commitments"]!["agreed"]!.GetValue<int>());
        Assert.Equal(["Ifremer", "JAMSTEC"], field["agencies"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task Timeline_filters_by_dialogue()
    {
        var japanItaly = await ListAsync($"/api/timeline?dialogue={JapanItaly}");
        Assert.Equal(33, japanItaly.Count);
        Assert.All(japanItaly, i => Assert.Equal(JapanItaly, i!["dialogueId"]!.GetValue<string>()));

        var other = await ListAsync($"/api/timeline?dialogue={Other}");
        Assert.Equal(
            ["action-plan:jp-fr-ocean-plan", "meeting:jp-fr-ocean-talks-1", "statement:jp-fr-ocean-statement", "commitment:jpfr-01-joint-cruise:made"],
            Values(other, "id"));
        Assert.All(other, i => Assert.Equal(Other, i!["dialogueId"]!.GetValue<string>()));
        Assert.Equal("month", other[0]!["precision"]!.GetValue<string>());
        Assert.Equal("2026-03", other[0]!["date"]!.GetValue<string>());
        Assert.Equal("held", other[1]!["status"]!.GetValue<string>());
        Assert.Equal("draft", other[2]!["status"]!.GetValue<string>());

        var otherMeetings = await ListAsync($"/api/timeline?dialogue={Other}&kind=meeting");
        Assert.Equal(["jp-fr-ocean-talks-1"], Values(otherMeetings, "recordId"));
    }

    [Fact]
    public async Task Commitments_filter_by_dialogue()
    {
        var japanItaly = await ListAsync($"/api/commitments?dialogue={JapanItaly}");
        Assert.Equal(JapanItalyRecord.CommitmentCount, japanItaly.Count);
        Assert.All(japanItaly, c => Assert.Equal(JapanItaly, c!["dialogueId"]!.GetValue<string>()));

        var other = await ListAsync($"/api/commitments?dialogue={Other}");
        Assert.Equal(["jpfr-01-joint-cruise"], Values(other, "id"));

        Assert.Empty(await ListAsync($"/api/commitments?dialogue={Other}&field=JPIT-01"));
    }

    [Fact]
    public async Task Meetings_filter_by_dialogue()
    {
        var japanItaly = await ListAsync($"/api/meetings?dialogue={JapanItaly}");
        Assert.Equal(
            ["tokyo-summit-2026-01-16", "space-consultations-1-tokyo", "rome-summit-2026-06-15", "space-consultations-2-rome"],
            Values(japanItaly, "id"));

        var other = await ListAsync($"/api/meetings?dialogue={Other}");
        Assert.Equal(["jp-fr-ocean-talks-1"], Values(other, "id"));
    }

    [Fact]
    public async Task Statements_filter_by_dialogue()
    {
        Assert.Equal([JapanItalyRecord.StatementId], Values(await ListAsync($"/api/statements?dialogue={JapanItaly}"), "id"));
        Assert.Equal(["jp-fr-ocean-statement"], Values(await ListAsync($"/api/statements?dialogue={Other}"), "id"));
    }

    [Fact]
    public async Task Action_plans_filter_by_dialogue()
    {
        Assert.Equal(["action-plan-2024-2027"], Values(await ListAsync($"/api/action-plans?dialogue={JapanItaly}"), "id"));
        Assert.Equal(["jp-fr-ocean-plan"], Values(await ListAsync($"/api/action-plans?dialogue={Other}"), "id"));
    }

    [Fact]
    public async Task Dialogues_filter_by_dialogue()
    {
        Assert.Equal([JapanItaly], Values(await ListAsync($"/api/dialogues?dialogue={JapanItaly}"), "id"));
        Assert.Equal([Other], Values(await ListAsync($"/api/dialogues?dialogue={Other}"), "id"));
    }

    [Fact]
    public async Task An_unknown_dialogue_lists_nothing()
    {
        foreach (var route in new[] { "fields", "timeline", "commitments", "meetings", "statements", "action-plans" })
            Assert.Empty(await ListAsync($"/api/{route}?dialogue=no-such-dialogue"));
    }

    [Theory]
    [InlineData("/api/fields")]
    [InlineData("/api/timeline")]
    [InlineData("/api/commitments")]
    [InlineData("/api/meetings")]
    [InlineData("/api/statements")]
    [InlineData("/api/action-plans")]
    [InlineData("/api/dialogues")]
    public async Task A_replay_of_every_dialogue_gathers_them_one_by_one_into_the_stored_answer(string url)
    {
        var now = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"));
        var (_, stored) = await GetAsync(url);
        var (status, replayed) = await GetAsync($"{url}?recordedAt={now}");

        Assert.Equal(200, status);
        Assert.Equal(stored!.ToJsonString(), replayed!.ToJsonString());
        Assert.Contains(Other, replayed.ToJsonString());
        Assert.Contains(JapanItaly, replayed.ToJsonString());
    }
}
