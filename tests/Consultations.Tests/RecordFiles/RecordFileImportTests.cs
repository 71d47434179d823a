using Consultations.Host.RecordFiles;

namespace Consultations.Tests.RecordFiles;

/// <summary>Record files: what a file may say, where a refusal points, and re-imports that add only what is new.</summary>
public class RecordFileImportTests(AppFixture fixture) : RecordFileContext(fixture)
{
    /// <summary>As <see cref="RefusedAsync(string, string)"/>, at that line and naming that field (null: no field).</summary>
    private async Task<RecordFileError> RefusedAtAsync(string name, string yaml, int line, string? field)
    {
        var error = await RefusedAsync(name, yaml);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        return error;
    }

    /// <summary>A define-field step for TST-02 on lines 16-22 after <see cref="Opening"/>, with one of its lines changed.</summary>
    private static string SecondField(string line, string with)
    {
        string[] lines = ["fieldCode: TST-02", "dialogueId: test-dialogue", "number: 2", "title: Second field", "scope: Another scope.", "effectiveOn: \"2026-02-01\""];
        var changed = lines.SelectMany(l => l.StartsWith(line + ":", StringComparison.Ordinal) ? with.Split('|') : [l]).Where(l => l.Length > 0);
        return Opening + "\n  - define-field:\n" + string.Concat(changed.Select(l => $"      {l}\n"));
    }

    // Each fault in the second field's step: the file is refused at the line of the field (or, for a missing one, its step), naming the field.
    public static TheoryData<string, string, int, string, string> FieldFaults => new()
    {
        { "effectiveOn", "effectiveOn: \"2026-02-30\"", 22, "effectiveOn", "2026-02-30" },
        { "number", "number: two", 19, "number", "two" },
        { "title", "titel: Second field|title: Second field", 20, "titel", "titel" },
        { "title", "", 16, "title", "title" },
        { "dialogueId", "dialogueId: no-such-dialogue", 18, "dialogueId", "no-such-dialogue" },
    };

    [Theory]
    [MemberData(nameof(FieldFaults))]
    public async Task A_fault_in_a_step_is_refused_with_its_line_and_field(string line, string with, int at, string field, string named)
    {
        var error = await RefusedAsync("second-field.yaml", SecondField(line, with));

        Assert.Equal(field, error.Field);
        if (with.Length > 0) Assert.Equal(at, error.Line);
        else Assert.InRange(error.Line, at, at + 1);
        Assert.Contains(named, error.Message);
        Assert.Contains("step 3 (define-field)", error.Message);
    }

    [Fact]
    public async Task A_refusal_quotes_terminal_control_characters_escaped_and_import_json_says_so()
    {
        var error = await RefusedAtAsync("escape.yaml", """
            format: consultations-record/1
            steps:
              - open-dialogue:
                  dialogueId: test-dialogue
                  title: "a\e]0;pwned\a\e[2Jb"
                  parties: [Japan, Italy]
                  effectiveOn: "2026-01-16"
            """, 5, "title");

        Assert.DoesNotContain(error.Message, char.IsControl);
        Assert.Contains("a\\u001B]0;pwned\\u0007\\u001B[2Jb", error.Message);

        var json = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Consultations.Host.Cli.RecordFileRun.Refusal(error)))!;
        Assert.False(json["imported"]!.GetValue<bool>());
        Assert.Equal(error.Message, json["error"]!.GetValue<string>());
        Assert.Equal(5, json["line"]!.GetValue<int>());
        Assert.Equal("title", json["field"]!.GetValue<string>());
        Assert.EndsWith("escape.yaml", json["file"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_date_in_the_wrong_form_in_the_first_step_is_refused_with_its_line_and_field()
    {
        await RefusedAtAsync("first-step.yaml", """
            format: consultations-record/1
            steps:
              - open-dialogue:
                  dialogueId: test-dialogue
                  title: Test dialogue
                  parties: [Japan, Italy]
                  effectiveOn: 16/01/2026
            """, 7, "effectiveOn");
    }

    [Fact]
    public async Task A_nested_bad_date_is_refused_with_its_line_and_dotted_field()
    {
        await RefusedAtAsync("nested-date.yaml", Opening + """

              - schedule-meeting:
                  meetingId: test-meeting
                  dialogueId: test-dialogue
                  kind: consultation
                  title: Test meeting
                  place: Rome
                  plannedDates:
                    from: "2026-04-31"
                  parties: [Japan, Italy]
                  delegations: []
            """, 23, "plannedDates.from");
    }

    [Fact]
    public async Task An_unknown_command_is_refused_with_its_line()
    {
        var error = await RefusedAtAsync("unknown-command.yaml", Opening + """

              - frobnicate-record:
                  dialogueId: test-dialogue
            """, 16, null);
        Assert.Contains("'frobnicate-record' is not a command", error.Message);
        Assert.Contains("open-dialogue", error.Message);
    }

    [Fact]
    public async Task A_file_of_another_format_is_refused_at_its_format_line()
    {
        await RefusedAtAsync("other-format.yaml", """
            # a comment first
            format: consultations-record/2
            steps: []
            """, 2, "format");
    }

    // A statement drafted with one clause: twelve lines.
    private const string DraftedClause = """

          - draft-statement:
              statementId: test-statement
              dialogueId: test-dialogue
              title: Test statement
              effectiveOn: "2026-03-01"
          - add-clause:
              statementId: test-statement
              number: 1
              fieldCode: TST-01
              heading: First clause
              text: The parties will cooperate.
              effectiveOn: "2026-03-01"
        """;

    // Lines 16-45: a meeting held, a statement drafted with one clause and adopted at it.
    private const string AdoptedStatement = Opening + """

          - schedule-meeting:
              meetingId: test-summit
              dialogueId: test-dialogue
              kind: summit
              title: Test summit
              place: Rome
              plannedDates: {from: "2026-03-01"}
              parties: [Japan, Italy]
              delegations: []
          - hold-meeting:
              meetingId: test-summit
              dates: {from: "2026-03-01"}
        """ + DraftedClause + """

          - adopt-statement:
              statementId: test-statement
              meetingId: test-summit
              adoptedOn: "2026-03-01"
              place: Rome
              signatories: [Leader of Japan, Leader of Italy]
        """;

    [Fact]
    public async Task A_step_breaking_a_rule_midway_refuses_the_whole_file()
    {
        var yaml = AdoptedStatement + """

              - add-clause:
                  statementId: test-statement
                  number: 2
                  fieldCode: TST-01
                  heading: Second clause
                  text: Added after adoption.
                  effectiveOn: "2026-03-02"
            """;
        var error = await RefusedAtAsync("after-adoption.yaml", yaml, 46, null);
        Assert.Contains("step 8 (add-clause)", error.Message);
        Assert.Contains("adopted-statement-is-final", error.Message);

        // Every earlier step is valid: without the offending step the same file is stored whole.
        var valid = await ImportAsync(await WriteAsync("adopted.yaml", AdoptedStatement));
        Assert.Equal(7, valid.Steps);
        Assert.Equal(7, valid.StepsThatChangedTheRecord);
        Assert.Equal(valid.EventsAppended, await EventCountAsync());
        var (_, statement) = await GetAsync("/api/statements/test-statement");
        Assert.Single(statement!["clauses"]!.AsArray());
    }

    [Fact]
    public async Task A_refused_file_leaves_an_existing_record_untouched()
    {
        await ImportAsync(await WriteAsync("adopted.yaml", AdoptedStatement));
        var events = await EventCountAsync();

        var path = await WriteAsync("more.yaml", AdoptedStatement + """

              - define-field:
                  fieldCode: TST-02
                  dialogueId: test-dialogue
                  number: 2
                  title: Second field
                  scope: Another scope.
                  effectiveOn: "2026-03-05"
              - hold-meeting:
                  meetingId: no-such-meeting
                  dates: {from: "2026-03-06"}
            """);
        var error = await Assert.ThrowsAsync<RecordFileError>(() => ImportAsync(path));

        Assert.Equal(53, error.Line);
        Assert.Contains("no-such-meeting", error.Message);
        Assert.Equal(events, await EventCountAsync());
        var (status, _) = await GetAsync("/api/fields/TST-02");
        Assert.Equal(404, status);
    }

    // Lines 16-43 (then 44-48): a commitment agreed, then in progress, then fulfilled.
    private const string History = Opening + DraftedClause + """

          - make-commitment:
              commitmentId: tst-01-cooperate
              dialogueId: test-dialogue
              fieldCode: TST-01
              text: The parties will cooperate.
              parties: [Japan, Italy]
              agencies: []
              programmes: []
              source: {kind: clause, id: test-statement, part: "1"}
              status: agreed
              effectiveOn: "2026-03-01"
          - change-commitment-status:
              commitmentId: tst-01-cooperate
              to: in-progress
              effectiveOn: "2026-04-01"
              reason: Work started.
        """;

    private const string Fulfilled = """

          - change-commitment-status:
              commitmentId: tst-01-cooperate
              to: fulfilled
              effectiveOn: "2026-05-01"
              reason: Work delivered.
        """;

    [Fact]
    public async Task A_file_telling_a_history_imported_twice_changes_nothing_the_second_time()
    {
        var path = await WriteAsync("history.yaml", History + Fulfilled);

        var first = await ImportAsync(path);

        Assert.Equal(7, first.Steps);
        Assert.Equal(7, first.StepsThatChangedTheRecord);
        Assert.Equal(7, first.EventsAppended);
        var events = await EventCountAsync();
        Assert.Equal(7, events);
        var (_, commitment) = await GetAsync("/api/commitments/tst-01-cooperate");
        var (_, field) = await GetAsync("/api/fields/TST-01");
        var (_, timeline) = await GetAsync("/api/timeline");

        var second = await ImportAsync(path);

        Assert.Equal(7, second.Steps);
        Assert.Equal(0, second.StepsThatChangedTheRecord);
        Assert.Equal(0, second.EventsAppended);
        Assert.Equal(events, await EventCountAsync());

        Assert.Equal("fulfilled", commitment!["status"]!.GetValue<string>());
        Assert.Equal("2026-05-01", commitment["statusSince"]!.GetValue<string>());
        Assert.Equal(["in-progress", "fulfilled"], commitment["statusHistory"]!.AsArray().Select(h => h!["to"]!.GetValue<string>()));
        Assert.Equal(1, field!["commitments"]!["fulfilled"]!.GetValue<int>());
        Assert.Equal(0, field["commitments"]!["agreed"]!.GetValue<int>());
        Assert.Equal(0, field["commitments"]!["inProgress"]!.GetValue<int>());

        var (_, commitmentAfter) = await GetAsync("/api/commitments/tst-01-cooperate");
        var (_, fieldAfter) = await GetAsync("/api/fields/TST-01");
        var (_, timelineAfter) = await GetAsync("/api/timeline");
        Assert.Equal(commitment.ToJsonString(), commitmentAfter!.ToJsonString());
        Assert.Equal(field.ToJsonString(), fieldAfter!.ToJsonString());
        Assert.Equal(timeline!.ToJsonString(), timelineAfter!.ToJsonString());
        Assert.Equal(2, timelineAfter.AsArray().Count(i => i!["kind"]!.GetValue<string>() == "commitment-status"));
    }

    [Fact]
    public async Task A_file_is_stored_as_one_append_per_record_with_its_steps_in_order_and_one_bookkeeping_entry_per_step()
    {
        var path = await WriteAsync("history.yaml", History + Fulfilled);

        await ImportAsync(path);

        await using var session = Store.QuerySession();
        var commitment = await session.Events.FetchStreamAsync("tst-01-cooperate");
        Assert.Equal([1L, 2L, 3L], commitment.Select(e => e.Version));
        Assert.Equal(["CommitmentMade", "CommitmentStatusChanged", "CommitmentStatusChanged"], commitment.Select(e => e.Data.GetType().Name));
        Assert.Single(commitment.Select(e => e.Sequence - e.Version).Distinct());
        var steps = await session.Query<AppliedRecordStep>().OrderBy(s => s.Step).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 7), steps.Select(s => s.Step));
        Assert.All(steps, s => Assert.Equal("history.yaml", s.File));
        Assert.Equal("change-commitment-status", steps[^1].Command);
    }

    [Fact]
    public async Task A_history_extended_by_one_step_appends_only_that_step()
    {
        var first = await ImportAsync(await WriteAsync("history.yaml", History));
        Assert.Equal(6, first.EventsAppended);
        var (_, inProgress) = await GetAsync("/api/commitments/tst-01-cooperate");
        Assert.Equal("in-progress", inProgress!["status"]!.GetValue<string>());

        var extended = await ImportAsync(await WriteAsync("history.yaml", History + Fulfilled));

        Assert.Equal(7, extended.Steps);
        Assert.Equal(1, extended.StepsThatChangedTheRecord);
        Assert.Equal(1, extended.EventsAppended);
        Assert.Equal(7, await EventCountAsync());
        var (_, fulfilled) = await GetAsync("/api/commitments/tst-01-cooperate");
        Assert.Equal("fulfilled", fulfilled!["status"]!.GetValue<string>());
        Assert.Equal(2, fulfilled["statusHistory"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_history_going_backwards_is_refused_with_the_line_of_the_step()
    {
        var error = await RefusedAsync("backwards.yaml", History + Fulfilled + """

              - change-commitment-status:
                  commitmentId: tst-01-cooperate
                  to: in-progress
                  effectiveOn: "2026-06-01"
                  reason: Reopened.
            """);

        Assert.Equal(49, error.Line);
        Assert.Contains("commitment-lifecycle", error.Message);
    }

    [Fact]
    public async Task A_history_already_recorded_through_the_api_is_imported_without_change()
    {
        // The first five steps of the file, entered through the API instead.
        var first = await ImportAsync(await WriteAsync("opening.yaml", Opening + DraftedClause));
        Assert.Equal(4, first.EventsAppended);
        var (made, _) = await PostAsync("/api/commitments", new
        {
            commitmentId = "tst-01-cooperate", dialogueId = "test-dialogue", fieldCode = "TST-01", text = "The parties will cooperate.",
            parties = new[] { "Japan", "Italy" }, agencies = Array.Empty<string>(), programmes = Array.Empty<string>(),
            source = new { kind = "clause", id = "test-statement", part = "1" }, status = "agreed", effectiveOn = "2026-03-01",
        });
        Assert.Equal(201, made);
        Assert.Equal(200, (await PostAsync("/api/commitments/tst-01-cooperate/status", new { to = "in-progress", effectiveOn = "2026-04-01", reason = "Work started." })).Status);
        Assert.Equal(200, (await PostAsync("/api/commitments/tst-01-cooperate/status", new { to = "fulfilled", effectiveOn = "2026-05-01", reason = "Work delivered." })).Status);
        var events = await EventCountAsync();

        // The record already says all the file says: nothing to append, nothing to refuse.
        var result = await ImportAsync(await WriteAsync("history.yaml", History + Fulfilled));

        Assert.Equal(0, result.EventsAppended);
        Assert.Equal(events, await EventCountAsync());
    }

    // Lines 16-: a document, a statement drawn from it, a commitment quoting it, an outcome and a milestone citing it.
    private const string Sourced = Opening + """

          - register-document:
              documentId: test-statement-text
              dialogueId: test-dialogue
              title: Test statement
              kind: joint-statement
              date: "2026-03-01"
              parties: [Japan, Italy]
              language: en
              text: The parties will cooperate on debris removal and on launch services.
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
          - record-meeting-outcome:
              meetingId: test-summit
              summary: The leaders adopted the statement.
              decisions: []
              fieldCodes: [TST-01]
              evidence: [test-statement-text]
          - draft-statement:
              statementId: test-statement
              dialogueId: test-dialogue
              documentId: test-statement-text
              title: Test statement
              effectiveOn: "2026-03-01"
          - add-clause:
              statementId: test-statement
              number: 1
              fieldCode: TST-01
              heading: First clause
              text: The parties will cooperate on debris removal and on launch services.
              effectiveOn: "2026-03-01"
          - make-commitment:
              commitmentId: test-debris
              dialogueId: test-dialogue
              fieldCode: TST-01
              text: The parties will cooperate on debris removal.
              textIs: paraphrase
              quote: The parties will cooperate on debris removal and on launch services.
              parties: [Japan, Italy]
              agencies: []
              programmes: []
              fora: [G7]
              agreements: []
              source: {kind: clause, id: test-statement, part: "1"}
              status: agreed
              effectiveOn: "2026-03-01"
          - record-milestone:
              milestoneId: test-conference
              dialogueId: test-dialogue
              title: Test conference
              dates: {from: "2027"}
              certainty: possible
              fieldCodes: [TST-01]
              documentId: test-statement-text
              effectiveOn: "2026-03-01"
          - schedule-meeting:
              meetingId: test-follow-up
              dialogueId: test-dialogue
              kind: consultation
              title: Follow-up
              place: Tokyo
              plannedDates: null
              parties: [Japan, Italy]
              delegations: []
              knownBy: "2026-03-01"
          - adopt-action-plan:
              planId: test-plan
              dialogueId: test-dialogue
              title: Test plan 2025–2028
              periodFrom: "2025"
              periodTo: "2028"
          - amend-document:
              documentId: test-statement-text
              title: Test Joint Statement
              language: en
              url: https://example.org/test-statement
              effectiveOn: "2026-03-02"
              reason: Title as published.
        """;

    [Fact]
    public async Task Documents_milestones_evidence_quotes_and_undated_facts_import_and_import_again_unchanged()
    {
        var path = await WriteAsync("sourced.yaml", Sourced);
        var first = await ImportAsync(path);
        Assert.Equal(first.Steps, first.StepsThatChangedTheRecord);

        var (_, document) = await GetAsync("/api/documents/test-statement-text");
        Assert.Equal("Test Joint Statement", document!["title"]!.GetValue<string>());
        Assert.Equal(64, document["sha256"]!.GetValue<string>().Length);
        var (_, commitment) = await GetAsync("/api/commitments/test-debris");
        Assert.Equal("test-statement-text", commitment!["documentId"]!.GetValue<string>());
        Assert.Equal("paraphrase", commitment["textIs"]!.GetValue<string>());
        Assert.Equal("G7", commitment["fora"]![0]!.GetValue<string>());
        var (_, meeting) = await GetAsync("/api/meetings/test-summit");
        Assert.Equal("test-statement-text", meeting!["outcome"]!["evidence"]![0]!.GetValue<string>());
        var (_, followUp) = await GetAsync("/api/meetings/test-follow-up");
        Assert.Equal("2026-03-01", followUp!["knownBy"]!.GetValue<string>());
        var (_, plan) = await GetAsync("/api/action-plans/test-plan");
        Assert.Null(plan!["adoptedOn"]);
        var (_, milestone) = await GetAsync("/api/milestones/test-conference");
        Assert.Equal("possible", milestone!["certainty"]!.GetValue<string>());

        var events = await EventCountAsync();
        var second = await ImportAsync(path);
        Assert.Equal(0, second.EventsAppended);
        Assert.Equal(events, await EventCountAsync());
    }

    [Fact]
    public async Task Evidence_not_on_file_is_refused_with_its_line_and_field()
    {
        var error = await RefusedAsync("unknown-evidence.yaml", Sourced.Replace("evidence: [test-statement-text]", "evidence: [no-such-document]"));

        Assert.Equal("evidence[0]", error.Field);
        Assert.Contains("no-such-document", error.Message);
    }

    [Fact]
    public async Task A_quote_that_is_not_in_its_clause_is_refused_with_its_line_and_field()
    {
        var error = await RefusedAsync("bad-quote.yaml", Sourced.Replace(
            "quote: The parties will cooperate on debris removal and on launch services.", "quote: The parties will remove debris."));

        Assert.Equal("quote", error.Field);
    }

    [Fact]
    public async Task A_hash_that_is_not_the_texts_is_refused_and_nothing_is_stored()
    {
        var path = await WriteAsync("bad-hash.yaml", Sourced.Replace(
            "language: en\n      text:", "language: en\n      sha256: \"0000000000000000000000000000000000000000000000000000000000000000\"\n      text:"));
        var error = await Assert.ThrowsAsync<RecordFileError>(() => ImportAsync(path));
        Assert.Contains("SHA-256", error.Message);
        await AssertNothingStoredAsync();
    }
}
