using System.Text.Json.Nodes;
using Consultations.Domain.Commitments;
using Consultations.Domain.Common;
using Consultations.Tests.Infrastructure;

namespace Consultations.Tests.Commitments;

public class CommitmentEndpointTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    private const string New = "jpit-08-ssa-data-exchange";
    private const string SolarC = "jpit-06-solar-c";               // seeded, in progress since 2026-06-15
    private const string Collision = "jpit-08-collision-avoidance"; // seeded, agreed since 2026-06-15
    private const string Adr = "jpit-08-on-orbit-servicing-adr";    // seeded, agreed

    private static JsonObject Making() => new()
    {
        ["commitmentId"] = New,
        ["dialogueId"] = DialogueId,
        ["fieldCode"] = "JPIT-08",
        ["text"] = "Japan and Italy will exchange SSA data.",
        ["parties"] = new JsonArray("Japan", "Italy"),
        ["agencies"] = new JsonArray("JAXA", "ASI"),
        ["programmes"] = new JsonArray("SSA"),
        ["source"] = new JsonObject { ["kind"] = "clause", ["id"] = StatementId, ["part"] = "8" },
        ["status"] = "agreed",
        ["effectiveOn"] = "2026-07-01",
    };

    private static JsonObject StatusChange(string to = "fulfilled", string? supersededBy = null)
    {
        var body = new JsonObject { ["to"] = to, ["effectiveOn"] = "2026-09-01", ["reason"] = "SOLAR-C instrument delivered." };
        if (supersededBy is not null) body["supersededBy"] = supersededBy;
        return body;
    }

    private static JsonObject Amendment() => new()
    {
        ["text"] = "Japan and Italy will strengthen collaboration on satellite collision avoidance systems and share conjunction data.",
        ["effectiveOn"] = "2026-09-01",
        ["reason"] = "Clarified at the second consultations.",
    };

    private static JsonObject Source(string kind, string id, string? part = null)
    {
        var source = new JsonObject { ["kind"] = kind, ["id"] = id };
        if (part is not null) source["part"] = part;
        return source;
    }

    // --- POST /api/commitments

    [Fact]
    public async Task Making_a_commitment_answers_201_with_its_location_and_the_commitment_can_be_read()
    {
        await SeedAsync();
        var sentAt = DateTimeOffset.UtcNow;
        await CreatedAsync("/api/commitments", Making(), New, $"/api/commitments/{New}");

        var commitment = await ReadAsync($"/api/commitments/{New}");
        Assert.Equal("agreed", Text(commitment, "status"));
        Assert.Equal("JPIT-08", Text(commitment, "fieldCode"));
        Assert.Equal("Japan and Italy will exchange SSA data.", Text(commitment, "text"));
        Assert.Equal("clause", Text(commitment, "source.kind"));
        Assert.Equal("8", Text(commitment, "source.part"));
        Assert.Equal("2026-07-01", Text(commitment, "madeOn"));
        Assert.Contains(((JsonArray)(await ReadAsync("/api/commitments?field=JPIT-08"))).Select(c => Text(c, "id")), id => id == New);

        var made = await LastEventAsync<CommitmentMade>(New, sentAt);
        Assert.Equal("2026-07-01", made.EffectiveOn.ToString());
        Assert.Equal(CommitmentStatus.Agreed, made.Status);
    }

    [Theory]
    [InlineData("meeting", RomeSummit, null)]
    [InlineData("statement", StatementId, null)]
    [InlineData("clause", StatementId, "10")]
    public async Task A_commitment_can_come_from_a_meeting_a_statement_or_a_clause(string kind, string id, string? part)
    {
        await SeedAsync();
        await CreatedAsync("/api/commitments", Making().With("source", Source(kind, id, part)), New, $"/api/commitments/{New}");
        Assert.Equal(id, Text(await ReadAsync($"/api/commitments/{New}"), "source.id"));
    }

    [Fact]
    public async Task A_commitment_can_come_from_an_action_plan_item()
    {
        await SeedAsync();
        await ChangedAsync($"/api/action-plans/{PlanId}/items", new { itemId = "ssa", fieldCode = "JPIT-08", text = "SSA exchange.", effectiveOn = "2026-07-01" }, PlanId);
        await CreatedAsync("/api/commitments", Making().With("source", Source("plan-item", PlanId, "ssa")).With("status", "in-progress"),
            New, $"/api/commitments/{New}");
        Assert.Equal("in-progress", Text(await ReadAsync($"/api/commitments/{New}"), "status"));
    }

    [Fact]
    public async Task Making_the_same_commitment_twice_is_idempotent()
    {
        await SeedAsync();
        await RepeatIsIdempotentAsync("/api/commitments", Making(), New, creates: true, location: $"/api/commitments/{New}");
    }

    [Fact]
    public async Task Making_a_seeded_commitment_again_in_another_field_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await ConflictAsync("/api/commitments", Making().With("commitmentId", SolarC), "commitment-made-once");
        Assert.Equal("JPIT-06", Text(await ReadAsync($"/api/commitments/{SolarC}"), "fieldCode"));
    }

    [Fact]
    public async Task Replaying_the_original_commitment_after_an_amendment_and_a_status_change_is_idempotent()
    {
        // Text and status move with amendments and status changes, so the first command, repeated later, still matches.
        await SeedAsync();
        await CreatedAsync("/api/commitments", Making(), New, $"/api/commitments/{New}");
        await ChangedAsync($"/api/commitments/{New}/amendments", Amendment(), New);
        await ChangedAsync($"/api/commitments/{New}/status", StatusChange("in-progress"), New);
        await UnchangedAsync("/api/commitments", Making(), New);
        Assert.Equal("in-progress", Text(await ReadAsync($"/api/commitments/{New}"), "status"));
    }

    [Fact]
    public async Task Making_a_commitment_again_with_other_parties_agencies_or_programmes_is_refused_rather_than_silently_ignored()
    {
        // No later event changes these, so a second command that differs there contradicts the record; it is
        // answered 200 with nothing appended and the new details are lost.
        await SeedAsync();
        await CreatedAsync("/api/commitments", Making(), New, $"/api/commitments/{New}");
        await ConflictAsync("/api/commitments", Making().With("parties", new JsonArray("Japan")), "commitment-made-once");
        await ConflictAsync("/api/commitments", Making().With("agencies", new JsonArray()), "commitment-made-once");
        await ConflictAsync("/api/commitments", Making().With("programmes", new JsonArray("LiteBIRD")), "commitment-made-once");
    }

    [Theory]
    [InlineData("fulfilled")]
    [InlineData("withdrawn")]
    [InlineData("superseded")]
    public async Task Making_a_commitment_that_starts_closed_is_refused_and_nothing_is_appended(string status)
    {
        await SeedAsync();
        await BreaksRuleAsync("/api/commitments", Making().With("status", status), "commitments-start-open");
        Assert.Equal(404, (await GetAsync($"/api/commitments/{New}")).Status);
    }

    [Fact]
    public async Task Making_a_commitment_in_the_future_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync("/api/commitments", Making().With("effectiveOn", InTwoDays), "effective-date-not-in-future");
    }

    [Fact]
    public async Task Making_a_commitment_in_an_unknown_field_or_dialogue_is_refused_naming_it()
    {
        await SeedAsync();
        await InvalidAsync("/api/commitments", Making().With("fieldCode", "NOPE"), "fieldCode");
        await InvalidAsync("/api/commitments", Making().With("dialogueId", "no-such-dialogue"), "dialogueId");
    }

    [Fact]
    public async Task Making_a_commitment_in_a_field_of_another_dialogue_is_refused_naming_the_field_code()
    {
        await SeedAsync();
        await OtherDialogueAsync();
        await InvalidAsync("/api/commitments", Making().With("fieldCode", OtherField), "fieldCode");
    }

    [Fact]
    public async Task Making_a_commitment_from_a_clause_that_does_not_exist_is_refused_naming_the_source_part()
    {
        await SeedAsync();
        await InvalidAsync("/api/commitments", Making().With("source", Source("clause", StatementId, "99")), "source.part");
        await InvalidAsync("/api/commitments", Making().With("source", Source("clause", StatementId)), "source.part");
        await InvalidAsync("/api/commitments", Making().With("source", Source("clause", StatementId, "eight")), "source.part");
    }

    [Fact]
    public async Task Making_a_commitment_from_an_action_plan_item_that_does_not_exist_is_refused_naming_the_source_part()
    {
        await SeedAsync();
        await InvalidAsync("/api/commitments", Making().With("source", Source("plan-item", PlanId, "no-such-item")), "source.part");
    }

    [Theory]
    [InlineData("clause", "no-such-statement", "1")]
    [InlineData("statement", "no-such-statement", null)]
    [InlineData("meeting", "no-such-meeting", null)]
    [InlineData("plan-item", "no-such-plan", "a")]
    public async Task Making_a_commitment_from_a_source_that_does_not_exist_is_refused_naming_the_source_id(string kind, string id, string? part)
    {
        await SeedAsync();
        await InvalidAsync("/api/commitments", Making().With("source", Source(kind, id, part)), "source.id");
    }

    [Theory]
    [InlineData("clause", OtherStatement, "1")]
    [InlineData("statement", OtherStatement, null)]
    [InlineData("meeting", OtherMeeting, null)]
    [InlineData("plan-item", OtherPlan, "a")]
    public async Task Making_a_commitment_from_a_source_of_another_dialogue_is_refused_naming_the_source_id(string kind, string id, string? part)
    {
        await SeedAsync();
        await OtherDialogueAsync();
        await InvalidAsync("/api/commitments", Making().With("source", Source(kind, id, part)), "source.id");
    }

    [Fact]
    public async Task Making_a_commitment_from_an_unknown_kind_of_source_is_refused_naming_the_source_kind()
    {
        await SeedAsync();
        await InvalidAsync("/api/commitments", Making().With("source", Source("speech", StatementId)), "source.kind");
    }

    [Fact]
    public async Task Making_a_commitment_from_a_source_without_an_id_is_refused_naming_the_source_id()
    {
        await SeedAsync();
        await InvalidAsync("/api/commitments", Making().With("source", new JsonObject { ["kind"] = "meeting" }), "source.id");
        await InvalidAsync("/api/commitments", Making().With("source", Source("meeting", " ")), "source.id");
    }

    [Theory]
    [InlineData("fulfiled")]
    [InlineData("in_progress")]
    public async Task Making_a_commitment_with_an_unknown_status_is_refused_naming_the_status(string status)
    {
        await SeedAsync();
        await InvalidAsync("/api/commitments", Making().With("status", status), "status");
    }

    [Theory]
    [InlineData("commitmentId")]
    [InlineData("dialogueId")]
    [InlineData("fieldCode")]
    [InlineData("text")]
    [InlineData("parties")]
    [InlineData("agencies")]
    [InlineData("programmes")]
    [InlineData("source")]
    [InlineData("status")]
    [InlineData("effectiveOn")]
    public async Task Making_a_commitment_without_a_required_field_is_refused_naming_it(string field)
    {
        await SeedAsync();
        await InvalidAsync("/api/commitments", Making().Without(field), field);
    }

    [Fact]
    public async Task Making_a_commitment_with_no_party_a_blank_text_or_an_invalid_id_is_refused_naming_it()
    {
        await SeedAsync();
        await InvalidAsync("/api/commitments", Making().With("parties", new JsonArray()), "parties");
        await InvalidAsync("/api/commitments", Making().With("agencies", new JsonArray("JAXA", "")), "agencies[1]");
        await InvalidAsync("/api/commitments", Making().With("text", "  "), "text");
        await InvalidAsync("/api/commitments", Making().With("commitmentId", "JPIT 08 SSA"), "commitmentId");
        await InvalidAsync("/api/commitments", Making().With("status", 1), "status");
    }

    [Fact]
    public async Task Making_a_commitment_with_an_unknown_property_or_malformed_json_is_refused()
    {
        await SeedAsync();
        await InvalidAsync("/api/commitments", Making().With("deadline", "2027"), "deadline");
        await RefusedAsync("/api/commitments", """{"commitmentId": "x", "parties": ["Japan", "Italy",]}""", 400);
    }

    // --- POST /api/commitments/{id}/status

    [Fact]
    public async Task Changing_a_seeded_commitment_status_is_recorded_and_shown()
    {
        await SeedAsync();
        var sentAt = DateTimeOffset.UtcNow;
        await ChangedAsync($"/api/commitments/{SolarC}/status", StatusChange(), SolarC);

        var commitment = await ReadAsync($"/api/commitments/{SolarC}");
        Assert.Equal("fulfilled", Text(commitment, "status"));
        Assert.Equal("2026-09-01", Text(commitment, "statusSince"));
        Assert.Equal("SOLAR-C instrument delivered.", Text(commitment, "statusHistory.0.reason"));
        Assert.Contains(((JsonArray)(await ReadAsync("/api/commitments?status=fulfilled"))).Select(c => Text(c, "id")), id => id == SolarC);

        var changed = await LastEventAsync<CommitmentStatusChanged>(SolarC, sentAt);
        Assert.Equal(CommitmentStatus.InProgress, changed.From);
        Assert.Equal(CommitmentStatus.Fulfilled, changed.To);
        Assert.Equal(new PartialDate(2026, 9, 1), changed.EffectiveOn);
        Assert.Equal("JPIT-06", changed.FieldCode);
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
    public async Task Changing_a_commitment_status_twice_to_the_same_status_is_idempotent()
    {
        await SeedAsync();
        await RepeatIsIdempotentAsync($"/api/commitments/{SolarC}/status", StatusChange(), SolarC);
    }

    [Fact]
    public async Task Changing_the_status_of_an_unknown_commitment_answers_404_and_nothing_is_appended()
    {
        await SeedAsync();
        await NotFoundAsync("/api/commitments/no-such-commitment/status", StatusChange());
        await NotFoundAsync("/api/commitments/no-such-commitment/status", StatusChange("superseded", Adr));
    }

    [Fact]
    public async Task Fulfilling_a_withdrawn_commitment_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await ChangedAsync($"/api/commitments/{SolarC}/status", StatusChange("withdrawn"), SolarC);
        await ConflictAsync($"/api/commitments/{SolarC}/status", StatusChange("fulfilled").With("effectiveOn", "2026-10-01"), "commitment-lifecycle");
        Assert.Equal("withdrawn", Text(await ReadAsync($"/api/commitments/{SolarC}"), "status"));
    }

    [Theory]
    [InlineData("proposed")]
    [InlineData("agreed")]
    public async Task Moving_a_commitment_in_progress_back_is_refused_and_nothing_is_appended(string to)
    {
        await SeedAsync();
        await ConflictAsync($"/api/commitments/{SolarC}/status", StatusChange(to), "commitment-lifecycle");
    }

    [Fact]
    public async Task A_status_change_that_takes_effect_before_the_current_status_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync($"/api/commitments/{SolarC}/status", StatusChange().With("effectiveOn", "2026-06-14"), "status-changes-in-order");
    }

    [Fact]
    public async Task A_status_change_in_the_future_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync($"/api/commitments/{SolarC}/status", StatusChange().With("effectiveOn", InTwoDays), "effective-date-not-in-future");
    }

    [Fact]
    public async Task Superseding_a_commitment_without_naming_its_successor_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync($"/api/commitments/{Collision}/status", StatusChange("superseded"), "superseded-names-successor");
    }

    [Fact]
    public async Task Naming_a_successor_for_a_status_other_than_superseded_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync($"/api/commitments/{Collision}/status", StatusChange("fulfilled", Adr), "superseded-names-successor");
    }

    [Fact]
    public async Task A_commitment_superseding_itself_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync($"/api/commitments/{Collision}/status", StatusChange("superseded", Collision), "superseded-names-successor");
    }

    [Fact]
    public async Task Superseding_a_commitment_by_one_that_does_not_exist_is_refused_naming_supersededBy()
    {
        await SeedAsync();
        await InvalidAsync($"/api/commitments/{Collision}/status", StatusChange("superseded", "no-such-commitment"), "supersededBy");
    }

    [Fact]
    public async Task Superseding_a_commitment_by_one_of_another_dialogue_is_refused_naming_supersededBy()
    {
        await SeedAsync();
        await OtherDialogueAsync();
        await CreatedAsync("/api/commitments", Making().With("dialogueId", OtherDialogue).With("fieldCode", OtherField)
            .With("source", Source("meeting", OtherMeeting)).With("effectiveOn", "2026-03-02"), New, $"/api/commitments/{New}");
        await InvalidAsync($"/api/commitments/{Collision}/status", StatusChange("superseded", New), "supersededBy");
    }

    [Theory]
    [InlineData("fulfiled")]
    [InlineData("Fulfilled!")]
    [InlineData("done")]
    public async Task Changing_a_commitment_to_an_unknown_status_is_refused_naming_to(string to)
    {
        await SeedAsync();
        await InvalidAsync($"/api/commitments/{SolarC}/status", StatusChange(to), "to");
    }

    [Fact]
    public async Task Changing_a_commitment_to_a_numeric_status_is_refused_naming_to()
    {
        await SeedAsync();
        await InvalidAsync($"/api/commitments/{SolarC}/status", StatusChange().With("to", 3), "to");
    }

    [Theory]
    [InlineData("to")]
    [InlineData("effectiveOn")]
    [InlineData("reason")]
    public async Task Changing_a_commitment_status_without_a_required_field_is_refused_naming_it(string field)
    {
        await SeedAsync();
        await InvalidAsync($"/api/commitments/{SolarC}/status", StatusChange().Without(field), field);
    }

    [Fact]
    public async Task Changing_a_commitment_status_with_a_blank_reason_is_refused_naming_the_reason()
    {
        await SeedAsync();
        await InvalidAsync($"/api/commitments/{SolarC}/status", StatusChange().With("reason", "  "), "reason");
        await InvalidAsync($"/api/commitments/{SolarC}/status", StatusChange().With("reason", null), "reason");
    }

    [Fact]
    public async Task Changing_a_commitment_status_with_an_unknown_property_or_malformed_json_is_refused()
    {
        await SeedAsync();
        await InvalidAsync($"/api/commitments/{SolarC}/status", StatusChange().With("from", "in-progress"), "from");
        await RefusedAsync($"/api/commitments/{SolarC}/status", """{"to": "fulfilled", "effectiveOn": "2026-09-01", "reason": }""", 400);
    }

    // --- POST /api/commitments/{id}/amendments

    [Fact]
    public async Task Amending_a_commitment_is_recorded_and_shown()
    {
        await SeedAsync();
        var before = Text(await ReadAsync($"/api/commitments/{Collision}"), "text");
        var sentAt = DateTimeOffset.UtcNow;
        await ChangedAsync($"/api/commitments/{Collision}/amendments", Amendment(), Collision);

        var commitment = await ReadAsync($"/api/commitments/{Collision}");
        Assert.Equal(Text(Amendment(), "text"), Text(commitment, "text"));
        Assert.Equal(1, commitment["amendments"]!.GetValue<int>());

        var amended = await LastEventAsync<CommitmentAmended>(Collision, sentAt);
        Assert.Equal(before, amended.PreviousText);
        Assert.Equal("2026-09-01", amended.EffectiveOn.ToString());
        Assert.Equal("Clarified at the second consultations.", amended.Reason);
    }

    [Fact]
    public async Task Amending_a_commitment_twice_to_the_same_text_is_idempotent()
    {
        await SeedAsync();
        await RepeatIsIdempotentAsync($"/api/commitments/{Collision}/amendments", Amendment(), Collision);
        Assert.Equal(1, (await ReadAsync($"/api/commitments/{Collision}"))["amendments"]!.GetValue<int>());
    }

    [Fact]
    public async Task Amending_an_unknown_commitment_answers_404_and_nothing_is_appended()
    {
        await SeedAsync();
        await NotFoundAsync("/api/commitments/no-such-commitment/amendments", Amendment());
    }

    [Fact]
    public async Task Amending_a_fulfilled_commitment_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await ChangedAsync($"/api/commitments/{SolarC}/status", StatusChange(), SolarC);
        await ConflictAsync($"/api/commitments/{SolarC}/amendments", Amendment(), "final-commitments-are-not-amended");
        Assert.Equal(0, (await ReadAsync($"/api/commitments/{SolarC}"))["amendments"]!.GetValue<int>());
    }

    [Fact]
    public async Task Amending_a_commitment_before_it_was_made_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync($"/api/commitments/{Collision}/amendments", Amendment().With("effectiveOn", "2026-06-14"), "amendment-after-commitment");
    }

    [Fact]
    public async Task Amending_a_commitment_in_the_future_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync($"/api/commitments/{Collision}/amendments", Amendment().With("effectiveOn", InTwoDays), "effective-date-not-in-future");
    }

    [Theory]
    [InlineData("text")]
    [InlineData("effectiveOn")]
    [InlineData("reason")]
    public async Task Amending_a_commitment_without_a_required_field_is_refused_naming_it(string field)
    {
        await SeedAsync();
        await InvalidAsync($"/api/commitments/{Collision}/amendments", Amendment().Without(field), field);
    }

    [Fact]
    public async Task Amending_a_commitment_with_a_blank_text_or_reason_is_refused_naming_it()
    {
        await SeedAsync();
        await InvalidAsync($"/api/commitments/{Collision}/amendments", Amendment().With("text", ""), "text");
        await InvalidAsync($"/api/commitments/{Collision}/amendments", Amendment().With("reason", " "), "reason");
        await InvalidAsync($"/api/commitments/{Collision}/amendments", Amendment().With("effectiveOn", "2026-9-1"), "effectiveOn");
    }

    [Fact]
    public async Task Amending_a_commitment_with_an_unknown_property_or_malformed_json_is_refused()
    {
        await SeedAsync();
        await InvalidAsync($"/api/commitments/{Collision}/amendments", Amendment().With("previousText", "x"), "previousText");
        await RefusedAsync($"/api/commitments/{Collision}/amendments", "{\"text\": \"x\"", 400);
    }

    [Theory]
    [InlineData("/api/commitments")]
    [InlineData("/api/commitments/jpit-06-solar-c/status")]
    [InlineData("/api/commitments/jpit-06-solar-c/amendments")]
    public async Task Posting_a_null_body_is_refused_with_400_and_nothing_is_appended(string url)
    {
        await SeedAsync();
        await RefusedAsync(url, "null", 400);
    }

    [Theory]
    [InlineData("/api/commitments")]
    [InlineData("/api/commitments/jpit-06-solar-c/status")]
    [InlineData("/api/commitments/jpit-06-solar-c/amendments")]
    public async Task Posting_an_empty_body_is_refused_with_400_and_nothing_is_appended(string url)
    {
        await SeedAsync();
        await RefusedAsync(url, "", 400);
    }
}
