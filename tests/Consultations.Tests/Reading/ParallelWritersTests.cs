using System.Globalization;
using Consultations.Projections.Register;
using Consultations.Projections.Search;
using Consultations.Tests.Reporting;
using Npgsql;

namespace Consultations.Tests.Reading;

/// <summary>
/// Views built from many records stay exactly what their events say when writers run in parallel on different records
/// of one field and one dialogue: every view equals a rebuild from the events and a replay at "now", round after round.
/// </summary>
public class ParallelWritersTests(AppFixture fixture) : ReportingContext(fixture)
{
    private const string Field = "JPIT-09";
    private const int Writers = 32;
    private const int Rounds = 3;

    [Fact]
    public async Task Thirty_two_parallel_writers_on_one_field_lose_no_update_in_any_view()
    {
        await SeedAndCatchUpAsync();
        var baseline = (await ReadAsync($"/api/fields/{Field}"))["commitments"]!;
        var (agreed, inProgress) = (Count(baseline, "agreed"), Count(baseline, "inProgress"));

        for (var round = 1; round <= Rounds; round++)
        {
            await Task.WhenAll(Enumerable.Range(1, Writers).Select(n => WriteAsync(round, n)));
            await CaughtUpAsync();
            var live = await ViewsAsync();

            // Of each three writers, one made a commitment (agreed, then in progress) and one an action item (then delayed).
            var commitmentWriters = Enumerable.Range(1, Writers).Count(n => n % 3 == 0) * round;
            var field = JsonNode.Parse(live["field"])!;
            Assert.Equal(agreed, Count(field["commitments"]!, "agreed"));
            Assert.Equal(inProgress + commitmentWriters, Count(field["commitments"]!, "inProgress"));
            Assert.Equal(Enumerable.Range(1, Writers).Count(n => n % 3 == 2) * round, Count(field["actionItemsByProgress"]!, "delayed"));
            Assert.StartsWith($"r{round}-", field["latestMeeting"]!["id"]!.GetValue<string>());
            Assert.Equal(23 + commitmentWriters, JsonNode.Parse(live["register"])!.AsArray().Count);
            Assert.Equal(commitmentWriters, Written(live["search-commitments"]));
            Assert.Equal(Enumerable.Range(1, Writers).Count(n => n % 3 == 1) * round, Written(live["search-decisions"]));
            Assert.Equal(Enumerable.Range(1, Writers).Count(n => n % 3 == 2) * round, Written(live["search-items"]));

            var replayed = await ViewsAsync(recordedAt: DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            foreach (var view in replayed.Keys) Assert.True(live[view] == replayed[view], $"{view} differs from its replay at now after round {round}");

            using (var daemon = await Store.BuildProjectionDaemonAsync())
            {
                foreach (var name in Store.Options.Events.Projections().Select(p => p.Name).Distinct())
                    await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(1), CancellationToken.None);
            }

            var rebuilt = await ViewsAsync();
            foreach (var view in live.Keys) Assert.True(live[view] == rebuilt[view], $"{view} differs from its rebuild after round {round}");
        }
    }

    [Fact]
    public async Task Parallel_writers_on_one_record_each_land_in_its_view_and_decide_on_its_whole_state()
    {
        await SeedAndCatchUpAsync();
        await Ok("/api/action-plans", new { planId = "shared-plan", dialogueId = DialogueId, title = "Shared plan", periodFrom = "2026", periodTo = "2027", effectiveOn = "2026-07-01" });

        // Writers race on one stream: a writer that loses (409) reads again and retries, as a client should.
        for (var round = 1; round <= Rounds; round++)
        {
            var r = round;
            await Task.WhenAll(Enumerable.Range(1, 16).Select(async n =>
            {
                var body = new { itemId = $"r{r}-item-{n}", fieldCode = Field, text = $"Item {n}.", effectiveOn = "2026-07-01" };
                for (var attempt = 1; ; attempt++)
                {
                    var answer = await SendAsync("/api/action-plans/shared-plan/items", body);
                    if (answer.Status == 200) return;
                    Assert.True(answer.Status == 409 && attempt < 200, $"{answer.Status} {answer.Body?.ToJsonString()}");
                }
            }));

            var plan = await ReadAsync("/api/action-plans/shared-plan");
            Assert.Equal(16 * round, plan["items"]!.AsArray().Count);
            var events = await StreamAsync("shared-plan");
            Assert.Equal(1 + (16 * round), events.Count);
            var replayed = await ReadAsync($"/api/action-plans/shared-plan?recordedAt={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture))}");
            Assert.Equal(plan.ToJsonString(), replayed.ToJsonString());
        }
    }

    // Each writer works on a record of its own, one write after another; the writers run in parallel.
    private async Task WriteAsync(int round, int n)
    {
        var id = $"r{round}-w{n}";
        switch (n % 3)
        {
            case 0:
                await Ok("/api/commitments", new
                {
                    commitmentId = id, dialogueId = DialogueId, fieldCode = Field, text = $"Commitment {id}.", parties = new[] { "Japan", "Italy" },
                    agencies = new[] { $"Agency {n}" }, programmes = Array.Empty<string>(), source = new { kind = "meeting", id = RomeSummit },
                    status = "agreed", effectiveOn = "2026-06-15",
                });
                await Ok($"/api/commitments/{id}/status", new { to = "in-progress", effectiveOn = "2026-09-01", reason = "Work began." });
                // A mistake voided while the other writers write: the views must read as if it had never been recorded.
                await Ok($"/api/commitments/{id}/status", new { to = "fulfilled", effectiveOn = "2026-09-02", reason = "By mistake." });
                await Ok("/api/voids", new { eventId = await EntryIdAsync($"/api/commitments/{id}", "commitment-status-changed"), reason = "Recorded in error." });
                break;
            case 1:
                await Ok("/api/meetings", new
                {
                    meetingId = id, dialogueId = DialogueId, kind = "working-group", title = $"Working group {id}", place = "Online",
                    plannedDates = new { from = $"2026-10-0{round}" }, parties = new[] { "Japan", "Italy" }, delegations = Array.Empty<object>(), effectiveOn = "2026-07-01",
                });
                await Ok($"/api/meetings/{id}/held", new { dates = new { from = $"2026-10-0{round}" }, place = (string?)null, participants = (object?)null });
                await Ok($"/api/meetings/{id}/outcome", new { summary = "Met.", decisions = new[] { "Go on." }, fieldCodes = new[] { Field }, effectiveOn = (string?)null });
                await Ok("/api/corrections", new { eventId = await EntryIdAsync($"/api/meetings/{id}", "meeting-held"), reason = "Wrong place.", place = "Rome" });
                break;
            default:
                await Ok("/api/action-plans", new { planId = id, dialogueId = DialogueId, title = $"Plan {id}", periodFrom = "2026", periodTo = "2027", effectiveOn = "2026-07-01" });
                await Ok($"/api/action-plans/{id}/items", new { itemId = "item", fieldCode = Field, text = "Do it.", effectiveOn = "2026-07-01" });
                await Ok($"/api/action-plans/{id}/items/item/progress", new { progress = "delayed", note = "Late.", effectiveOn = "2026-08-01" });
                break;
        }
    }

    [Fact]
    public async Task A_void_and_a_correction_on_the_bundled_record_agree_in_every_view_and_replays_show_each_stage()
    {
        await SeedAndCatchUpAsync();
        const string solarC = "jpit-06-solar-c";
        var stages = new List<(DateTimeOffset At, Dictionary<string, string> Views)>();
        async Task StageAsync()
        {
            await CaughtUpAsync();
            var views = await ViewsAsync();
            // The SQL tables have no replay; they are compared with their rebuild below.
            views.Remove("table");
            views.Remove("search-table");
            stages.Add((DateTimeOffset.UtcNow, views));
        }

        await StageAsync();
        await Ok($"/api/commitments/{solarC}/status", new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "By mistake." });
        await StageAsync();
        var mistake = await EntryIdAsync($"/api/commitments/{solarC}", "commitment-status-changed");
        await Ok("/api/voids", new { eventId = mistake, reason = "Recorded in error." });
        await StageAsync();
        await Ok("/api/corrections", new { eventId = await EntryIdAsync($"/api/meetings/{RomeSummit}", "meeting-held"), reason = "Villa Madama.", place = "Rome, Villa Madama" });
        await Ok("/api/corrections", new { eventId = await EntryIdAsync($"/api/meetings/{RomeSummit}", "meeting-outcome-recorded"), reason = "Typo.", summary = "Corrected." });
        await StageAsync();

        // Before the mistake and after its void the views agree, except for the record's own history.
        foreach (var view in new[] { "fields", "field", "timeline", "register", "meetings", "plans" })
            Assert.True(stages[0].Views[view] == stages[2].Views[view], $"{view} after the void differs from before the mistake");
        Assert.NotEqual(stages[0].Views["register"], stages[1].Views["register"]);
        Assert.Contains("Corrected.", stages[3].Views["meeting-records"]);
        Assert.Contains("Rome, Villa Madama", stages[3].Views["timeline"]);

        foreach (var (at, views) in stages)
        {
            var replayed = await ViewsAsync(recordedAt: at.ToString("O", CultureInfo.InvariantCulture));
            foreach (var view in views.Keys) Assert.True(views[view] == replayed[view], $"{view} differs from its replay at {at:O}");
        }

        var live = await ViewsAsync();
        using (var daemon = await Store.BuildProjectionDaemonAsync())
        {
            foreach (var name in Store.Options.Events.Projections().Select(p => p.Name).Distinct())
                await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        var rebuilt = await ViewsAsync();
        foreach (var view in live.Keys) Assert.True(live[view] == rebuilt[view], $"{view} differs from its rebuild");
    }

    [Fact]
    public async Task Voiding_an_adoption_in_another_record_refolds_the_meeting_record_it_named_and_every_view_equals_its_rebuild()
    {
        await SeedAndCatchUpAsync();
        // A second statement adopted at the Rome summit, which no commitment is drawn from (the joint statement's adoption
        // holds its 23 commitments, so it cannot be voided).
        const string statement = "rome-side-statement";
        await Ok("/api/statements", new { statementId = statement, dialogueId = DialogueId, title = "Side statement", effectiveOn = "2026-06-15" });
        await Ok($"/api/statements/{statement}/clauses", new { number = 1, fieldCode = "JPIT-01", heading = "One", text = "A clause.", effectiveOn = "2026-06-15" });
        await Ok($"/api/statements/{statement}/adoption", new { meetingId = RomeSummit, adoptedOn = "2026-06-15", place = "Rome", signatories = new[] { "Japan", "Italy" } });
        await CaughtUpAsync();
        Assert.Contains(statement, (await ReadAsync($"/api/reports/meetings?dialogue={DialogueId}")).ToJsonString());

        await Ok("/api/voids", new { eventId = await EntryIdAsync($"/api/statements/{statement}", "joint-statement-adopted"), reason = "Adopted at another meeting." });
        await CaughtUpAsync();
        var live = await ViewsAsync();
        var rome = JsonNode.Parse(live["meeting-records"])!.AsArray().Single(m => m!["id"]!.GetValue<string>() == RomeSummit)!;
        Assert.Contains("jp-it-joint-statement-space-2026-06-15", rome["statementsAdopted"]!.ToJsonString());
        Assert.DoesNotContain(statement, rome["statementsAdopted"]!.ToJsonString());
        Assert.Null((await ReadAsync($"/api/statements/{statement}"))["adoption"]);

        var replayed = await ViewsAsync(recordedAt: DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        foreach (var view in replayed.Keys) Assert.True(live[view] == replayed[view], $"{view} differs from its replay at now");
        using (var daemon = await Store.BuildProjectionDaemonAsync())
        {
            foreach (var name in Store.Options.Events.Projections().Select(p => p.Name).Distinct())
                await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        var rebuilt = await ViewsAsync();
        foreach (var view in live.Keys) Assert.True(live[view] == rebuilt[view], $"{view} differs from its rebuild");
    }

    private async Task<string> EntryIdAsync(string url, string kind) =>
        (await ReadAsync(url))["history"]!.AsArray().Last(h => h!["kind"]!.GetValue<string>() == kind)!["eventId"]!.GetValue<string>();

    private async Task Ok(string url, object body)
    {
        var answer = await SendAsync(url, body);
        Assert.True(answer.Status is 200 or 201, $"{url}: {answer.Status} {answer.Body?.ToJsonString()}");
    }

    private static int Count(JsonNode counts, string status) => counts[status]!.GetValue<int>();

    /// <summary>Search results for the writers' own records (ids "r{round}-w{n}").</summary>
    private static int Written(string results) =>
        JsonNode.Parse(results)!.AsArray().Count(r => r!["recordId"]!.GetValue<string>() is ['r', var digit, ..] && char.IsDigit(digit));

    /// <summary>Every view the writers touched, as the text a client reads, plus the register's SQL table row by row.</summary>
    private async Task<Dictionary<string, string>> ViewsAsync(string? recordedAt = null)
    {
        var axes = recordedAt is null ? "" : $"&recordedAt={Uri.EscapeDataString(recordedAt)}";
        var views = new Dictionary<string, string>
        {
            ["fields"] = (await ReadAsync($"/api/fields?dialogue={DialogueId}{axes}")).ToJsonString(),
            ["field"] = (await ReadAsync($"/api/fields/{Field}?{axes.TrimStart('&')}")).ToJsonString(),
            ["timeline"] = (await ReadAsync($"/api/timeline?dialogue={DialogueId}{axes}")).ToJsonString(),
            ["register"] = (await ReadAsync($"/api/commitments?dialogue={DialogueId}{axes}")).ToJsonString(),
            ["meetings"] = (await ReadAsync($"/api/meetings?dialogue={DialogueId}{axes}")).ToJsonString(),
            ["plans"] = (await ReadAsync($"/api/action-plans?dialogue={DialogueId}{axes}")).ToJsonString(),
            ["report"] = (await ReadAsync($"/api/reports/commitment-register?dialogue={DialogueId}{axes}")).ToJsonString(),
            ["meeting-records"] = (await ReadAsync($"/api/reports/meetings?dialogue={DialogueId}{axes}")).ToJsonString(),
            ["plan-progress"] = (await ReadAsync($"/api/reports/action-plans?dialogue={DialogueId}{axes}")).ToJsonString(),
            // Search: the writers' commitments, their meetings' decisions and their action items.
            ["search-commitments"] = (await ReadAsync($"/api/search?q=commitment&field={Field}&kind=commitment{axes}")).ToJsonString(),
            ["search-decisions"] = (await ReadAsync($"/api/search?q=go%20on&kind=decision&dialogue={DialogueId}{axes}")).ToJsonString(),
            ["search-items"] = (await ReadAsync($"/api/search?q=do%20it&kind=action-item{axes}")).ToJsonString(),
        };
        if (recordedAt is not null) return views;

        await using var connection = new NpgsqlConnection(await PostgresServer.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select coalesce(string_agg(row_to_json(t)::text, E'\\n' order by commitment_id), '') from {Fixture.Schema}.{CommitmentRegisterTable.TableName} t", connection);
        views["table"] = (string)(await command.ExecuteScalarAsync())!;
        await using var search = new NpgsqlCommand(
            $"select coalesce(string_agg(row_to_json(t)::text, E'\\n' order by record_id, kind, entry_id), '') from {Fixture.Schema}.{SearchIndexProjection.TableName} t", connection);
        views["search-table"] = (string)(await search.ExecuteScalarAsync())!;
        return views;
    }
}
