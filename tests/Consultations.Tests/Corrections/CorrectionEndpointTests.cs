namespace Consultations.Tests.Corrections;

public class CorrectionEndpointTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    private const string SolarC = "jpit-06-solar-c"; // seeded, in progress since 2026-06-15

    private async Task<JsonNode> FulfilledByMistakeAsync()
    {
        await ChangedAsync($"/api/commitments/{SolarC}/status", new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Recorded in error." }, SolarC);
        return await ReadAsync($"/api/commitments/{SolarC}");
    }

    private static string LastEventId(JsonNode record, string kind) =>
        record["history"]!.AsArray().Last(h => Text(h, "kind") == kind)!["eventId"]!.GetValue<string>();

    [Fact]
    public async Task A_status_change_made_by_mistake_is_voided_from_the_eventId_in_the_record_history()
    {
        await SeedAsync();
        var before = await ReadAsync($"/api/commitments/{SolarC}");
        var commitment = await FulfilledByMistakeAsync();
        Assert.Equal("fulfilled", Text(commitment, "status"));
        var eventId = LastEventId(commitment, "commitment-status-changed");

        await ChangedAsync("/api/voids", new { eventId, reason = "Clerk picked the wrong status." }, SolarC);

        var after = await ReadAsync($"/api/commitments/{SolarC}");
        Assert.Equal("in-progress", Text(after, "status"));
        Assert.Equal(before["statusHistory"]!.ToJsonString(), after["statusHistory"]!.ToJsonString());
        var voided = after["history"]!.AsArray().Single(h => Text(h, "eventId") == eventId)!;
        Assert.True(voided["voided"]!.GetValue<bool>());
        var voidEntry = after["history"]!.AsArray().Single(h => Text(h, "kind") == "entry-voided")!;
        Assert.Equal(Text(voided, "voidedBy"), Text(voidEntry, "eventId"));
        Assert.Equal(eventId, Text(voidEntry, "fixes"));
        Assert.Equal("Clerk picked the wrong status.", Text(voidEntry, "reason"));
        Assert.False(string.IsNullOrEmpty(Text(voidEntry, "recordedBy")));

        // Voiding twice appends nothing; and the commitment moves on again as if the mistake had never been recorded.
        await UnchangedAsync("/api/voids", new { eventId, reason = "Again." }, SolarC);
        await ChangedAsync($"/api/commitments/{SolarC}/status", new { to = "withdrawn", effectiveOn = "2026-09-02", reason = "Mission cancelled." }, SolarC);
        var fields = await ReadAsync("/api/fields/JPIT-06");
        Assert.Equal(0, fields["commitments"]!["fulfilled"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_status_change_target_is_corrected_by_eventId_and_an_illegal_target_is_refused()
    {
        await SeedAsync();
        var commitment = await FulfilledByMistakeAsync();
        var eventId = LastEventId(commitment, "commitment-status-changed");

        await ConflictAsync("/api/corrections", new { eventId, reason = "x", to = "agreed" }, "commitment-lifecycle");
        await InvalidAsync("/api/corrections", new { eventId, reason = "x", place = "Rome" }, "place");
        await ChangedAsync("/api/corrections", new { eventId, reason = "It was withdrawn, not fulfilled.", to = "withdrawn" }, SolarC);
        await UnchangedAsync("/api/corrections", new { eventId, reason = "Again.", to = "withdrawn" }, SolarC);

        var after = await ReadAsync($"/api/commitments/{SolarC}");
        Assert.Equal("withdrawn", Text(after, "status"));
        var corrected = after["history"]!.AsArray().Single(h => Text(h, "eventId") == eventId)!;
        Assert.Single(corrected["correctedBy"]!.AsArray());
        // The status history marks the change whose target was corrected, with the target first recorded.
        var change = after["statusHistory"]!.AsArray().Last()!;
        Assert.Equal("withdrawn", Text(change, "to"));
        Assert.Equal("fulfilled", Text(change, "correctedFrom"));
        var timeline = await ReadAsync($"/api/timeline?dialogue={DialogueId}");
        Assert.Contains(timeline.AsArray(), t => Text(t, "link") == $"/api/commitments/{SolarC}" && Text(t, "status") == "withdrawn");
        Assert.DoesNotContain(timeline.AsArray(), t => Text(t, "link") == $"/api/commitments/{SolarC}" && Text(t, "status") == "fulfilled");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_status_change_voided_after_its_target_was_corrected_leaves_the_timeline(bool dateCorrectedToo)
    {
        await SeedAsync();
        var eventId = LastEventId(await FulfilledByMistakeAsync(), "commitment-status-changed");
        await ChangedAsync("/api/corrections", new { eventId, reason = "target", to = "withdrawn" }, SolarC);
        if (dateCorrectedToo) await ChangedAsync("/api/corrections", new { eventId, reason = "date", effectiveOn = "2026-09-05" }, SolarC);
        var corrected = (await ReadAsync("/api/timeline?kind=commitment-status")).AsArray()
            .Where(t => Text(t, "link") == $"/api/commitments/{SolarC}").ToList();
        // Timeline ids name the target status in the API's words.
        Assert.Contains(corrected, t => Text(t, "id") == $"commitment:{SolarC}:withdrawn" && Text(t, "status") == "withdrawn");

        await ChangedAsync("/api/voids", new { eventId, reason = "void C" }, SolarC);

        var timeline = (await ReadAsync("/api/timeline?kind=commitment-status")).AsArray()
            .Where(t => Text(t, "link") == $"/api/commitments/{SolarC}").ToList();
        Assert.DoesNotContain(timeline, t => Text(t, "status") is "withdrawn" or "fulfilled");
        Assert.All(timeline, t => Assert.Equal($"commitment:{SolarC}:{Text(t, "status")}", Text(t, "id")));
    }

    [Fact]
    public async Task Refusals_append_nothing()
    {
        await SeedAsync();
        var meeting = await ReadAsync($"/api/meetings/{RomeSummit}");
        var scheduled = LastEventId(meeting, "meeting-scheduled");
        var held = LastEventId(meeting, "meeting-held");

        await InvalidAsync("/api/voids", new { eventId = Guid.Empty, reason = "x" }, "eventId");
        await InvalidAsync("/api/voids", new { eventId = held, reason = " " }, "reason");
        await NotFoundAsync("/api/voids", new { eventId = Guid.NewGuid(), reason = "x" });
        await ConflictAsync("/api/voids", new { eventId = scheduled, reason = "x" }, "entry-has-dependents");
        var defined = LastEventId(await ReadAsync("/api/fields/JPIT-01"), "cooperation-field-defined");
        var referred = await ConflictAsync("/api/voids", new { eventId = defined, reason = "x" }, "entry-has-dependents");
        Assert.Contains("commitment-made of 'jpit-01-", Text(referred, "detail"));
        await ConflictAsync("/api/voids", new { eventId = held, reason = "x" }, "entry-has-dependents");
        await InvalidAsync("/api/corrections", new { eventId = held, reason = "x", summary = "y" }, "summary");
        await InvalidAsync("/api/corrections", new { eventId = held, reason = "x" }, "to");
    }

    [Fact]
    public async Task Voiding_a_statements_adoption_or_a_clause_that_commitments_are_drawn_from_is_refused_naming_them()
    {
        const string statementId = "jp-it-joint-statement-space-2026-06-15";
        await SeedAsync();
        var statement = await ReadAsync($"/api/statements/{statementId}");
        var adopted = LastEventId(statement, "joint-statement-adopted");

        var refused = await ConflictAsync("/api/voids", new { eventId = adopted, reason = "Not adopted." }, "entry-has-dependents");
        Assert.Contains($"commitment-made of '{SolarC}'", Text(refused, "detail"));

        // The statement's adoption was at the Rome summit: voiding the summit's being held names the statement too.
        var held = LastEventId(await ReadAsync($"/api/meetings/{RomeSummit}"), "meeting-held");
        Assert.Contains($"of '{statementId}'", Text(await ConflictAsync("/api/voids", new { eventId = held, reason = "x" }, "entry-has-dependents"), "detail"));
    }

    [Fact]
    public async Task A_meeting_place_and_an_outcome_are_corrected_and_show_in_the_history()
    {
        await SeedAsync();
        var meeting = await ReadAsync($"/api/meetings/{RomeSummit}");
        var held = LastEventId(meeting, "meeting-held");
        var outcome = LastEventId(meeting, "meeting-outcome-recorded");

        await ChangedAsync("/api/corrections", new { eventId = held, reason = "It was at Villa Madama.", place = "Rome, Villa Madama" }, RomeSummit);
        await ChangedAsync("/api/corrections", new { eventId = outcome, reason = "Typo.", summary = "Corrected summary." }, RomeSummit);
        var decisions = meeting["outcome"]!["decisions"]!.AsArray().Select(d => d!.GetValue<string>()).ToList();
        await ChangedAsync("/api/corrections", new { eventId = outcome, reason = "Second decision as minuted.", decisions = decisions.Select((d, i) => i == 1 ? "Reworded." : d) }, RomeSummit);

        var after = await ReadAsync($"/api/meetings/{RomeSummit}");
        Assert.Equal("Rome, Villa Madama", Text(after, "place"));
        Assert.Equal("Corrected summary.", Text(after, "outcome.summary"));
        var change = after["history"]!.AsArray().Single(h => Text(h, "kind") == "meeting-held-place-corrected")!["changes"]![0]!;
        Assert.Equal("place", Text(change, "field"));
        Assert.Equal("Rome, Villa Madama", Text(change, "now"));
        // A corrected list of decisions shows the decision that changed, not the whole list.
        var reworded = Assert.Single(after["history"]!.AsArray().Last(h => Text(h, "kind") == "meeting-outcome-corrected")!["changes"]!.AsArray())!;
        Assert.Equal("decisions[1]", Text(reworded, "field"));
        Assert.Equal(decisions[1], Text(reworded, "was"));
        Assert.Equal("Reworded.", Text(reworded, "now"));

        // A statement's adoption says where, when, at which meeting and by whom.
        var adoption = (await ReadAsync("/api/statements/jp-it-joint-statement-space-2026-06-15"))["history"]!.AsArray()
            .Single(h => Text(h, "kind") == "joint-statement-adopted")!;
        Assert.Equal(["meetingId", "adoptedOn", "place", "signatories"], adoption["changes"]!.AsArray().Select(c => Text(c, "field")));
        Assert.Equal(RomeSummit, Text(adoption["changes"]![0], "now"));
    }

    [Fact]
    public async Task An_action_plan_item_shows_the_history_of_its_own_entries_and_a_voided_progress_is_struck_through()
    {
        await SeedAsync();
        var plan = $"/api/action-plans/{PlanId}";
        await ChangedAsync($"{plan}/items", new { itemId = "a", fieldCode = "JPIT-01", text = "Item A.", effectiveOn = "2026-07-01" }, PlanId);
        await ChangedAsync($"{plan}/items", new { itemId = "b", fieldCode = "JPIT-01", text = "Item B.", effectiveOn = "2026-07-01" }, PlanId);
        await ChangedAsync($"{plan}/items/a/progress", new { progress = "delayed", note = "Late.", effectiveOn = "2026-08-01" }, PlanId);

        var item = await ReadAsync($"{plan}/items/a");
        Assert.Equal("delayed", Text(item, "progress"));
        Assert.Equal(["action-plan-item-added", "action-plan-item-progress-updated"], item["history"]!.AsArray().Select(h => Text(h, "kind")));
        var progress = item["history"]![1]!;
        Assert.Equal("not-started", Text(progress, "changes.0.was"));
        Assert.Equal("delayed", Text(progress, "changes.0.now"));

        await ConflictAsync("/api/voids", new { eventId = Text(item["history"]![0], "eventId"), reason = "x" }, "entry-has-dependents");
        await ChangedAsync("/api/voids", new { eventId = Text(progress, "eventId"), reason = "Not late after all." }, PlanId);
        var after = await ReadAsync($"{plan}/items/a");
        Assert.Equal("not-started", Text(after, "progress"));
        Assert.True(after["history"]![1]!["voided"]!.GetValue<bool>());
        Assert.Equal("entry-voided", Text(after["history"]![2], "kind"));
        Assert.Single((await ReadAsync($"{plan}/items/b"))["history"]!.AsArray());

        var (missing, _) = await GetAsync($"{plan}/items/no-such-item");
        Assert.Equal(404, missing);
    }

    [Fact]
    public async Task A_records_version_is_its_ETag_and_a_replay_before_the_void_shows_the_history_as_it_was()
    {
        await SeedAsync();
        var commitment = await FulfilledByMistakeAsync();
        var eventId = LastEventId(commitment, "commitment-status-changed");
        var beforeVoid = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await ChangedAsync("/api/voids", new { eventId, reason = "Recorded in error." }, SolarC);

        var result = await Host.Scenario(x => x.Get.Url($"/api/commitments/{SolarC}"));
        var now = JsonNode.Parse(await result.ReadAsTextAsync())!;
        Assert.Equal($"\"{now["version"]!.GetValue<long>()}\"", result.Context.Response.Headers.ETag.ToString());
        Assert.Equal(await StreamVersionAsync(SolarC), now["version"]!.GetValue<long>());

        var replayed = await Host.Scenario(x => x.Get.Url($"/api/commitments/{SolarC}?recordedAt={Uri.EscapeDataString(beforeVoid)}"));
        var then = JsonNode.Parse(await replayed.ReadAsTextAsync())!;
        Assert.Equal("fulfilled", Text(then, "status"));
        // A replay has an ETag too: the version the record had at that instant, one before the void.
        Assert.Equal(now["version"]!.GetValue<long>() - 1, then["version"]!.GetValue<long>());
        Assert.Equal($"\"{then["version"]!.GetValue<long>()}\"", replayed.Context.Response.Headers.ETag.ToString());
        var effective = await Host.Scenario(x => x.Get.Url($"/api/commitments/{SolarC}?effectiveOn=2026-11-01"));
        Assert.Equal($"\"{now["version"]!.GetValue<long>()}\"", effective.Context.Response.Headers.ETag.ToString());
        Assert.DoesNotContain(then["history"]!.AsArray(), h => Text(h, "kind") == "entry-voided");
        Assert.False(then["history"]!.AsArray().Single(h => Text(h, "eventId") == eventId)!["voided"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_fields_history_is_its_own_streams_and_shows_what_a_scope_revision_changed()
    {
        await SeedAsync();
        await ChangedAsync("/api/fields/JPIT-01/scope", new { title = "New title", scope = "New scope.", effectiveOn = "2026-07-01", reason = "Renamed." }, "JPIT-01");
        var field = await ReadAsync("/api/fields/JPIT-01");
        var history = field["history"]!.AsArray();
        Assert.Equal(["cooperation-field-defined", "cooperation-field-scope-revised"], history.Select(h => Text(h, "kind")));
        Assert.Contains(history[1]!["changes"]!.AsArray(), c => Text(c, "field") == "title" && Text(c, "now") == "New title");
        Assert.Equal("Renamed.", Text(history[1], "reason"));
    }
}
