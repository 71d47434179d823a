using Consultations.Host.RecordFiles;

namespace Consultations.Tests.RecordFiles;

/// <summary>Record files carrying every follow-up command (issue 10): party progress, assessments, leads, milestones, evidence, voids and value corrections.</summary>
public class FollowUpImportTests(AppFixture fixture) : RecordFileContext(fixture)
{
    private async Task<JsonNode> ReadAsync(string url)
    {
        var (status, body) = await GetAsync(url);
        Assert.True(status == 200, $"GET {url}: {status} {body?.ToJsonString()}");
        return body!;
    }

    private static string Text(JsonNode? node, string name) => node![name]!.GetValue<string>();

    // Lines 1-64: the opening's dialogue and field, a document, a meeting held (at the wrong place) with its outcome, a
    // commitment drawn from it and an action plan with one item.
    private const string Record = Opening + """

          - register-document:
              documentId: test-report
              dialogueId: test-dialogue
              title: Progress report
              kind: report
              date: "2026-05-01"
              parties: [Japan, Italy]
              language: en
          - schedule-meeting:
              meetingId: test-summit
              dialogueId: test-dialogue
              kind: summit
              title: Test summit
              place: Rome
              plannedDates: null
              parties: [Japan, Italy]
              delegations: []
          - hold-meeting:
              meetingId: test-summit
              dates: {from: "2026-03-01"}
              place: Roma Capitale
          - record-meeting-outcome:
              meetingId: test-summit
              summary: The leaders agreed to cooperate.
              decisions: [Cooperate on debris, Meet again]
              fieldCodes: [TST-01]
          - make-commitment:
              commitmentId: test-debris
              dialogueId: test-dialogue
              fieldCode: TST-01
              text: The parties will cooperate on debris removal.
              parties: [Japan, Italy]
              agencies: [JAXA, ASI]
              programmes: []
              source: {kind: meeting, id: test-summit}
              status: agreed
              effectiveOn: "2026-03-01"
          - adopt-action-plan:
              planId: test-plan
              dialogueId: test-dialogue
              title: Test plan 2025–2028
              periodFrom: "2025"
              periodTo: "2028"
          - add-action-plan-item:
              planId: test-plan
              itemId: debris-study
              fieldCode: TST-01
              text: A joint debris study.
              effectiveOn: "2026-03-01"
        """;

    // Lines 65-: the follow-up of the commitment and the item, a status change recorded by mistake and its void, and
    // value corrections of the meeting's place and its outcome's decisions.
    internal const string FollowUp = Record + """

          - change-commitment-status:
              commitmentId: test-debris
              to: in-progress
              effectiveOn: "2026-04-01"
              reason: Work started.
              supersededBy: null
              evidence: [test-report]
          - change-commitment-status:
              commitmentId: test-debris
              to: fulfilled
              effectiveOn: "2026-05-01"
              reason: Entered by mistake.
              supersededBy: null
          - void-entry:
              record: test-debris
              version: 3
              kind: commitment-status-changed
              reason: The work is not finished; fulfilled was picked by mistake.
          - change-party-progress:
              commitmentId: test-debris
              party: Japan
              progress: in-progress
              effectiveOn: "2026-04-01"
              reason: JAXA started the study.
          - assess-compliance:
              commitmentId: test-debris
              party: Italy
              reviewedOn: "2026-05-01"
              score: 1
              justification: ASI delivered its part.
              reason: null
          - set-commitment-lead:
              commitmentId: test-debris
              party: Japan
              lead: JAXA
              effectiveOn: "2026-03-01"
              reason: null
          - add-commitment-milestone:
              commitmentId: test-debris
              milestoneId: first-report
              title: First report
              dueOn: "2026-06-30"
              effectiveOn: "2026-03-01"
          - meet-commitment-milestone:
              commitmentId: test-debris
              milestoneId: first-report
              note: Delivered.
              effectiveOn: "2026-05-01"
          - set-action-item-lead:
              planId: test-plan
              itemId: debris-study
              party: Italy
              lead: ASI
              effectiveOn: "2026-03-01"
              reason: null
          - add-action-item-milestone:
              planId: test-plan
              itemId: debris-study
              milestoneId: kick-off
              title: Kick-off workshop
              dueOn: "2026-04-30"
              effectiveOn: "2026-03-01"
          - reschedule-action-item-milestone:
              planId: test-plan
              itemId: debris-study
              milestoneId: kick-off
              dueOn: "2026-05-31"
              effectiveOn: "2026-04-15"
              reason: Venue not ready.
          - correct-entry:
              record: test-summit
              version: 2
              kind: meeting-held
              place: Rome
              reason: The record names the city.
          - correct-entry:
              record: test-summit
              version: 3
              kind: meeting-outcome-recorded
              decisions: [Cooperate on orbital debris, Meet again]
              reason: Decision as worded in the minutes.
          - correct-entry:
              record: test-debris
              version: 2
              kind: commitment-status-changed
              effectiveOn: "2026-04-02"
              reason: Work started a day later.
        """;

    [Fact]
    public async Task Every_follow_up_command_and_fixes_by_place_import_and_read_back_and_import_again_unchanged()
    {
        var first = await ImportAsync("follow-up.yaml", FollowUp);
        Assert.Equal(first.Steps, first.StepsThatChangedTheRecord);

        var commitment = await ReadAsync("/api/commitments/test-debris");
        Assert.Equal("in-progress", Text(commitment, "status"));
        var change = Assert.Single(commitment["statusHistory"]!.AsArray())!;
        Assert.Equal("2026-04-02", Text(change, "effectiveOn"));
        Assert.Equal("test-report", change["evidence"]![0]!.GetValue<string>());
        var voided = commitment["history"]!.AsArray().Single(h => h!["version"]!.GetValue<long>() == 3)!;
        Assert.True(voided["voided"]!.GetValue<bool>());
        Assert.Contains(commitment["partyProgress"]!.AsArray(), p => Text(p, "party") == "Japan" && Text(p, "progress") == "in-progress");
        Assert.Contains(commitment["assessments"]!.AsArray(), a => Text(a, "party") == "Italy" && a!["score"]!.GetValue<int>() == 1);
        Assert.Contains(commitment["leads"]!.AsArray(), l => Text(l, "party") == "Japan" && Text(l, "lead") == "JAXA");
        Assert.Equal("2026-05-01", Text(Assert.Single(commitment["milestones"]!.AsArray()), "metOn"));

        var item = await ReadAsync("/api/action-plans/test-plan/items/debris-study");
        Assert.Contains(item["leads"]!.AsArray(), l => Text(l, "party") == "Italy" && Text(l, "lead") == "ASI");
        Assert.Equal("2026-05-31", Text(Assert.Single(item["milestones"]!.AsArray()), "dueOn"));

        var meeting = await ReadAsync("/api/meetings/test-summit");
        Assert.Equal("Rome", Text(meeting, "place"));
        Assert.Equal("Cooperate on orbital debris", meeting["outcome"]!["decisions"]![0]!.GetValue<string>());

        // The views fed by several records agree: the timeline never shows the voided change.
        var timeline = await ReadAsync("/api/timeline?dialogue=test-dialogue");
        Assert.DoesNotContain(timeline.AsArray(), t => Text(t, "link") == "/api/commitments/test-debris" && Text(t, "status") == "fulfilled");

        var events = await EventCountAsync();
        var second = await ImportAsync("follow-up.yaml", FollowUp);
        Assert.Equal(0, second.EventsAppended);
        Assert.Equal(events, await EventCountAsync());
    }

    [Fact]
    public async Task A_fix_naming_an_entry_of_another_kind_is_refused_at_its_kind_line_and_nothing_is_stored()
    {
        var error = await RefusedAsync("wrong-kind.yaml", FollowUp.Replace("version: 3\n      kind: commitment-status-changed", "version: 3\n      kind: commitment-amended"));

        Assert.Equal("kind", error.Field);
        Assert.Equal(81, error.Line);
        Assert.Contains("commitment-status-changed", error.Message);
    }

    [Fact]
    public async Task A_fix_naming_a_version_the_record_does_not_have_is_refused_naming_version()
    {
        var error = await RefusedAsync("no-such-version.yaml", FollowUp.Replace("version: 3\n      kind: commitment-status-changed", "version: 9\n      kind: commitment-status-changed"));

        Assert.Equal("version", error.Field);
        Assert.Equal(80, error.Line);
    }

    [Fact]
    public async Task A_void_breaking_a_rule_is_refused_with_the_rule_and_the_line_of_its_step()
    {
        // The change to in-progress has the (mistaken) change to fulfilled after it.
        var error = await RefusedAsync("dependents.yaml", Record + """

              - change-commitment-status:
                  commitmentId: test-debris
                  to: in-progress
                  effectiveOn: "2026-04-01"
                  reason: Work started.
                  supersededBy: null
              - change-commitment-status:
                  commitmentId: test-debris
                  to: fulfilled
                  effectiveOn: "2026-05-01"
                  reason: Done.
                  supersededBy: null
              - void-entry:
                  record: test-debris
                  version: 2
                  kind: commitment-status-changed
                  reason: Wrong.
            """);

        Assert.Contains("entry-has-dependents", error.Message);
        Assert.Equal(77, error.Line);
    }

    [Fact]
    public async Task A_void_of_an_entry_that_a_record_from_an_earlier_step_depends_on_is_refused_naming_that_record()
    {
        // The commitment drawn from the summit (recorded by an earlier step, not yet saved) holds the summit's being held.
        var error = await RefusedAsync("cross-record.yaml", Record + """

              - void-entry:
                  record: test-summit
                  version: 2
                  kind: meeting-held
                  reason: Not held after all.
            """);

        Assert.Contains("entry-has-dependents", error.Message);
        Assert.Contains("commitment-made of 'test-debris'", error.Message);
    }

    [Fact]
    public async Task A_bad_value_is_shown_with_its_key()
    {
        var error = await RefusedAsync("bad-score.yaml", FollowUp.Replace("score: 1", "score: high"));

        Assert.Equal("score", error.Field);
        Assert.Contains("score: 'high'", error.Message);
    }

    [Fact]
    public async Task Every_follow_up_step_on_the_bundled_record_is_stored_once()
    {
        await SeedAsync();
        const string solarC = "jpit-06-solar-c", plan = PlanId, item = "ssa-data-exchange";
        var yaml = $$"""
            format: consultations-record/1
            steps:
              - add-action-plan-item: {planId: {{plan}}, itemId: {{item}}, fieldCode: JPIT-08, text: Set up an exchange of SSA data., effectiveOn: "2026-07-01"}
              - change-party-progress: {commitmentId: {{solarC}}, party: Japan, progress: in-progress, effectiveOn: "2026-07-01", reason: Started.}
              - assess-compliance: {commitmentId: {{solarC}}, party: Italy, reviewedOn: "2026-11-01", score: 1, justification: Funded.}
              - set-commitment-lead: {commitmentId: {{solarC}}, party: Italy, lead: ASI, effectiveOn: "2026-07-01"}
              - add-commitment-milestone: {commitmentId: {{solarC}}, milestoneId: design-review, title: Design review, dueOn: "2026-12", effectiveOn: "2026-07-01"}
              - reschedule-commitment-milestone: {commitmentId: {{solarC}}, milestoneId: design-review, dueOn: "2027-02", effectiveOn: "2026-11-01", reason: Slipped.}
              - meet-commitment-milestone: {commitmentId: {{solarC}}, milestoneId: design-review, effectiveOn: "2026-11-20"}
              - set-action-item-lead: {planId: {{plan}}, itemId: {{item}}, party: Japan, lead: JAXA, effectiveOn: "2026-07-01"}
              - add-action-item-milestone: {planId: {{plan}}, itemId: {{item}}, milestoneId: first, title: First exchange, dueOn: "2026-10", effectiveOn: "2026-07-01"}
              - reschedule-action-item-milestone: {planId: {{plan}}, itemId: {{item}}, milestoneId: first, dueOn: "2027-01", effectiveOn: "2026-09-01", reason: Late.}
              - meet-action-item-milestone: {planId: {{plan}}, itemId: {{item}}, milestoneId: first, effectiveOn: "2026-11-25"}
            """;

        var before = await EventCountAsync();
        await ImportAsync("bundled-follow-up.yaml", yaml);
        Assert.Equal(before + 11, await EventCountAsync());
        await ImportAsync("bundled-follow-up.yaml", yaml);
        Assert.Equal(before + 11, await EventCountAsync());

        var commitment = await ReadAsync($"/api/commitments/{solarC}");
        Assert.Equal("in-progress", Text(commitment["partyProgress"]![0], "progress"));
        Assert.Equal("2026-11-20", Text(commitment["milestones"]![0], "metOn"));
    }

    private async Task<Dictionary<string, List<string>>> InlineViewsAsync()
    {
        var views = new Dictionary<string, List<string>>();
        await using var connection = new Npgsql.NpgsqlConnection(await PostgresServer.ConnectionStringAsync());
        await connection.OpenAsync();
        foreach (var view in InlineViews)
        {
            await using var command = new Npgsql.NpgsqlCommand($"select id::text || ' ' || data::text from {Fixture.Schema}.mt_doc_{view} order by id", connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
            views[view] = rows;
        }

        return views;
    }

    [Fact]
    public async Task The_views_an_import_writes_are_those_a_rebuild_from_its_events_gives()
    {
        await SeedAsync();
        await ImportAsync("follow-up.yaml", FollowUp);
        var imported = await InlineViewsAsync();
        Assert.All(InlineViews, view => Assert.NotEmpty(imported[view]));

        await RebuildInlineViewsWithMartenAsync();

        var rebuilt = await InlineViewsAsync();
        foreach (var view in InlineViews) Assert.Equal(imported[view], rebuilt[view]);
    }
}
