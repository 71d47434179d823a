using System.Globalization;
using Consultations.Domain.Commitments;
using Consultations.Domain.Common;

namespace Consultations.Tests.Commitments;

public class CommitmentEndpointTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    internal const string Url = "/api/commitments";
    internal const string New = "jpit-08-ssa-data-exchange";
    internal const string SolarC = "jpit-06-solar-c";               // seeded, in progress since 2026-06-15
    internal const string Collision = "jpit-08-collision-avoidance"; // seeded, agreed since 2026-06-15
    internal const string Adr = "jpit-08-on-orbit-servicing-adr";    // seeded, agreed

    internal static JsonObject Making() => new()
    {
        ["commitmentId"] = New, ["dialogueId"] = DialogueId, ["fieldCode"] = "JPIT-08", ["text"] = "Japan and Italy will exchange SSA data.",
        ["parties"] = new JsonArray("Japan", "Italy"), ["agencies"] = new JsonArray("JAXA", "ASI"), ["programmes"] = new JsonArray("SSA"),
        ["source"] = Source("clause", StatementId, "8"), ["status"] = "agreed", ["effectiveOn"] = "2026-07-01",
    };

    internal static JsonObject StatusChange(string to = "fulfilled", string? supersededBy = null) => new()
    {
        ["to"] = to, ["effectiveOn"] = "2026-09-01", ["reason"] = "SOLAR-C instrument delivered.", ["supersededBy"] = supersededBy,
    };

    internal static JsonObject Amendment() => new()
    {
        ["text"] = "Japan and Italy will strengthen collaboration on satellite collision avoidance systems and share conjunction data.",
        ["effectiveOn"] = "2026-09-01", ["reason"] = "Clarified at the second consultations.",
    };

    internal static JsonObject Source(string kind, string id, string? part = null) =>
        part is null ? new() { ["kind"] = kind, ["id"] = id } : new() { ["kind"] = kind, ["id"] = id, ["part"] = part };

    [Fact]
    public async Task A_commitment_of_another_dialogue_is_made_there_and_cannot_succeed_one_of_this_dialogue()
    {
        await SeedAsync();
        await OtherDialogueAsync();
        await CreatedAsync(Url, Making().With("dialogueId", OtherDialogue).With("fieldCode", OtherField).With("parties", new JsonArray("Japan", "France"))
            .With("source", Source("meeting", OtherMeeting)).With("effectiveOn", "2026-03-02"), New, $"/api/commitments/{New}");
        await InvalidAsync($"/api/commitments/{Collision}/status", StatusChange("superseded", New), "supersededBy");
    }

    public static TheoryData<string, string, string> Repeats => new()
    {
        { Url, Making().ToJsonString(), New },
        { $"/api/commitments/{SolarC}/status", StatusChange().ToJsonString(), SolarC },
        { $"/api/commitments/{Collision}/amendments", Amendment().ToJsonString(), Collision },
    };

    [Theory]
    [MemberData(nameof(Repeats))]
    public async Task A_command_repeated_is_recorded_once(string url, string body, string id)
    {
        await SeedAsync();
        await RepeatIsIdempotentAsync(url, JsonNode.Parse(body)!, id, creates: url == Url, location: $"/api/commitments/{New}");
        if (id == Collision) Assert.Equal(1, (await ReadAsync($"/api/commitments/{Collision}"))["amendments"]!.GetValue<int>());
    }

    // --- POST /api/commitments

    [Fact]
    public async Task Making_a_commitment_answers_201_with_its_location_and_the_commitment_can_be_read()
    {
        await SeedAsync();
        var (commitment, made) = await CreatedAndShownAsync<CommitmentMade>(Url, Making(), New, $"/api/commitments/{New}");

        Assert.Equal(("agreed", "JPIT-08", "Japan and Italy will exchange SSA data."), (Text(commitment, "status"), Text(commitment, "fieldCode"), Text(commitment, "text")));
        Assert.Equal(("clause", "8", "2026-07-01"), (Text(commitment, "source.kind"), Text(commitment, "source.part"), Text(commitment, "madeOn")));
        Assert.Contains(((JsonArray)(await ReadAsync("/api/commitments?field=JPIT-08"))).Select(c => Text(c, "id")), id => id == New);
        Assert.Equal(("2026-07-01", CommitmentStatus.Agreed), (made.EffectiveOn.ToString(), made.Status));
    }

    [Theory]
    [InlineData("meeting", RomeSummit, null)]
    [InlineData("statement", StatementId, null)]
    [InlineData("clause", StatementId, "10")]
    public async Task A_commitment_can_come_from_a_meeting_a_statement_or_a_clause(string kind, string id, string? part)
    {
        await SeedAsync();
        // A clause's commitment is filed under the clause's field (ADR 0064): clause 10 is JPIT-10's.
        var field = part is null ? "JPIT-08" : $"JPIT-{int.Parse(part, CultureInfo.InvariantCulture):D2}";
        await CreatedAsync(Url, Making().With("source", Source(kind, id, part)).With("fieldCode", field), New, $"/api/commitments/{New}");
        Assert.Equal(id, Text(await ReadAsync($"/api/commitments/{New}"), "source.id"));
    }

    [Fact]
    public async Task A_commitment_can_come_from_an_action_plan_item()
    {
        await SeedAsync();
        await ChangedAsync($"/api/action-plans/{PlanId}/items", new { itemId = "ssa", fieldCode = "JPIT-08", text = "SSA exchange.", effectiveOn = "2026-07-01" }, PlanId);
        await CreatedAsync(Url, Making().With("source", Source("plan-item", PlanId, "ssa")).With("status", "in-progress"),
            New, $"/api/commitments/{New}");
        Assert.Equal("in-progress", Text(await ReadAsync($"/api/commitments/{New}"), "status"));
    }

    [Fact]
    public async Task Replaying_the_original_commitment_after_an_amendment_and_a_status_change_is_idempotent()
    {
        // Text and status move with amendments and status changes, so the first command, repeated later, still matches.
        await SeedAsync();
        await CreatedAsync(Url, Making(), New, $"/api/commitments/{New}");
        await ChangedAsync($"/api/commitments/{New}/amendments", Amendment(), New);
        await ChangedAsync($"/api/commitments/{New}/status", StatusChange("in-progress"), New);
        await UnchangedAsync(Url, Making(), New);
        Assert.Equal("in-progress", Text(await ReadAsync($"/api/commitments/{New}"), "status"));
    }

    // --- POST /api/commitments/{id}/status

    [Fact]
    public async Task Changing_a_seeded_commitment_status_is_recorded_and_shown()
    {
        await SeedAsync();
        var (commitment, changed) = await ChangedAndShownAsync<CommitmentStatusChanged>($"/api/commitments/{SolarC}/status", StatusChange(),
            SolarC, $"/api/commitments/{SolarC}");

        Assert.Equal(("fulfilled", "2026-09-01"), (Text(commitment, "status"), Text(commitment, "statusSince")));
        Assert.Equal("SOLAR-C instrument delivered.", Text(commitment, "statusHistory.0.reason"));
        Assert.Contains(((JsonArray)(await ReadAsync("/api/commitments?status=fulfilled"))).Select(c => Text(c, "id")), id => id == SolarC);
        Assert.Equal((CommitmentStatus.InProgress, CommitmentStatus.Fulfilled), (changed.From, changed.To));
        Assert.Equal((new PartialDate(2026, 9, 1), "JPIT-06"), (changed.EffectiveOn, changed.FieldCode));
    }

    [Fact]
    public async Task Superseding_a_commitment_by_another_of_its_dialogue_is_recorded_and_shown()
    {
        await SeedAsync();
        await ChangedAsync($"/api/commitments/{Collision}/status", StatusChange("superseded", Adr), Collision);

        var commitment = await ReadAsync($"/api/commitments/{Collision}");
        Assert.Equal("superseded", Text(commitment, "status"));
        Assert.Equal(Adr, Text(commitment, "supersededBy"));
    }

    [Fact]
    public async Task Amending_a_commitment_is_recorded_and_shown()
    {
        await SeedAsync();
        var before = Text(await ReadAsync($"/api/commitments/{Collision}"), "text");
        var (commitment, amended) = await ChangedAndShownAsync<CommitmentAmended>($"/api/commitments/{Collision}/amendments", Amendment(),
            Collision, $"/api/commitments/{Collision}");

        Assert.Equal((Text(Amendment(), "text"), 1), (Text(commitment, "text"), commitment["amendments"]!.GetValue<int>()));
        Assert.Equal((before, "2026-09-01", "Clarified at the second consultations."), (amended.PreviousText, amended.EffectiveOn.ToString(), amended.Reason));
    }

    [Fact]
    public async Task Amending_a_quoted_commitment_into_other_words_makes_its_text_a_paraphrase_of_the_quote_it_keeps()
    {
        await SeedAsync();
        const string MutualAccess = "jpit-01-mutual-access"; // seeded, its text the quote of clause 1
        var before = await ReadAsync($"/api/commitments/{MutualAccess}");
        Assert.Equal("quoted", Text(before, "textIs"));
        var amendment = new JsonObject
        {
            ["text"] = "Japan and Italy will open their launch services to each other's payloads.", ["effectiveOn"] = "2026-11-01", ["reason"] = "Clarified at working level",
        };

        await BreaksRuleAsync($"/api/commitments/{MutualAccess}/amendments", amendment.DeepClone().AsObject().With("textIs", "quoted"), "quoted-text-is-the-quote");
        var (commitment, amended) = await ChangedAndShownAsync<CommitmentAmended>($"/api/commitments/{MutualAccess}/amendments", amendment,
            MutualAccess, $"/api/commitments/{MutualAccess}");

        Assert.Equal(Wording.Paraphrase, amended.TextIs);
        Assert.Equal(("paraphrase", Text(before, "quote")), (Text(commitment, "textIs"), Text(commitment, "quote")));
    }
}
