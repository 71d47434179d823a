using System.Collections.Concurrent;
using System.Diagnostics;

namespace Consultations.Tests.Reliability;

/// <summary>
/// What one write costs the database (ADR 0036): every SQL statement a POST sends is counted through Npgsql's own
/// tracing, told from other tests' statements by the request's trace id. Not timed: the count is the same on any machine.
/// </summary>
public class WriteStatementTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string SolarC = "/api/commitments/jpit-06-solar-c";

    private async Task<IReadOnlyList<string>> StatementsOfAsync(string url, object body, string? idempotencyKey = null)
    {
        var trace = ActivityTraceId.CreateRandom();
        var statements = new ConcurrentQueue<string>();
        var sources = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name != "Npgsql" || activity.TraceId != trace) return;
                sources.Enqueue(activity.GetTagItem("db.npgsql.data_source") as string ?? "");
                var text = activity.GetTagItem("db.query.text") as string ?? activity.DisplayName;
                foreach (var statement in text.Split(";\n")) statements.Enqueue(statement);
            },
        };
        ActivitySource.AddActivityListener(listener);
        var result = await Host.Scenario(x =>
        {
            x.Post.Json(body).ToUrl(url);
            x.WithRequestHeader("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
            if (idempotencyKey is not null) x.WithRequestHeader("Idempotency-Key", idempotencyKey);
            x.StatusCodeShouldBe(200);
        });
        // No connection is reset on its way back to the pool: a reset is a DISCARD ALL before the next statement.
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.Contains("No Reset On Close=True", s));
        return [.. statements];
    }

    // Two more than the target: the footprint and timeline views load their document before folding onto it (ADR 0036).
    [Fact]
    public async Task Changing_a_commitments_status_costs_at_most_eight_statements()
    {
        await SeedAsync();
        var statements = await StatementsOfAsync($"{SolarC}/status", new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Delivered." });
        Assert.True(statements.Count <= 8, string.Join("\n", statements));
        Assert.DoesNotContain(statements, s => s.Contains("mt_doc_meeting") || s.Contains("mt_doc_dialogue"));
    }

    [Fact]
    public async Task Recording_a_party_s_progress_costs_at_most_six_statements()
    {
        await SeedAsync();
        var statements = await StatementsOfAsync($"{SolarC}/party-progress",
            new { party = "Japan", progress = "in-progress", effectiveOn = "2026-07-03", reason = "JAXA reported work under way." });
        Assert.True(statements.Count <= 6, string.Join("\n", statements));
    }

    // Ten: the eight of a write with two views, and the dialogue (its version and document), whose opening day the held
    // dates may not precede (ADR 0059). No other record is read.
    [Fact]
    public async Task Recording_a_meeting_as_held_costs_at_most_ten_statements_and_reads_only_its_dialogue_besides()
    {
        await SeedAsync();
        var statements = await StatementsOfAsync("/api/meetings/space-consultations-2-rome/held", new { dates = new { from = "2026-10-21" } });
        Assert.True(statements.Count <= 10, string.Join("\n", statements));
        string[] others = ["cooperationfield", "jointstatement", "actionplan", "commitment", "document", "milestone"];
        Assert.DoesNotContain(statements, s => others.Any(o => s.Contains($"mt_doc_{o} ")));
    }

    [Fact]
    public async Task An_idempotency_key_adds_three_statements_to_a_write_and_its_repeat_reads_one_row()
    {
        await SeedAsync();
        var progress = new { party = "Japan", progress = "in-progress", effectiveOn = "2026-07-03", reason = "JAXA reported work under way." };
        var plain = await StatementsOfAsync($"{SolarC}/party-progress", progress);
        var keyed = await StatementsOfAsync($"{SolarC}/party-progress", progress with { progress = "delayed", effectiveOn = "2026-07-04" }, "progress-0704");
        var repeat = await StatementsOfAsync($"{SolarC}/party-progress", progress with { progress = "delayed", effectiveOn = "2026-07-04" }, "progress-0704");

        // Claiming the key (expired keys dropped, the key inserted) and keeping the answer.
        Assert.True(keyed.Count <= plain.Count + 3, string.Join("\n", keyed));
        // The repeat: the claim that finds the key, then the kept answer.
        Assert.True(repeat.Count <= 3, string.Join("\n", repeat));
        Assert.DoesNotContain(repeat, s => s.Contains("mt_quick_append_events"));
    }
}
