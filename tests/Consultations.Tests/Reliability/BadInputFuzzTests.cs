using System.Text;

namespace Consultations.Tests.Reliability;

/// <summary>
/// Throws thousands of generated bad requests at every write endpoint: each must be answered with a 4xx ProblemDetails
/// (never a 500; a 400 names the fields at fault), and nothing may be appended.
/// </summary>
public class BadInputFuzzTests(AppFixture fixture) : IntegrationContext(fixture)
{
    internal sealed record Target(string Url, string Body, string[] Required, string[] Texts, string[] Dates, string[] Enums);

    // Valid bodies against the seeded Japan–Italy record; the fuzzer only ever makes them invalid.
    internal static readonly Target[] Targets =
    [
        new("/api/dialogues", """{"dialogueId":"fz-dialogue","title":"T","parties":["A","B"],"subject":null,"effectiveOn":"2026-01-01"}""",
            ["dialogueId", "title", "parties", "effectiveOn"], ["title"], ["effectiveOn"], []),
        new("/api/fields", """{"fieldCode":"FZ-01","dialogueId":"japan-italy-space","number":11,"title":"T","scope":"S","effectiveOn":"2026-06-15"}""",
            ["fieldCode", "dialogueId", "number", "title", "scope", "effectiveOn"], ["title", "scope"], ["effectiveOn"], []),
        new("/api/fields/JPIT-01/scope", """{"title":"T","scope":"S","effectiveOn":"2026-07-01","reason":"R"}""",
            ["title", "scope", "effectiveOn", "reason"], ["title", "scope", "reason"], ["effectiveOn"], []),
        new("/api/meetings", """{"meetingId":"fz-meeting","dialogueId":"japan-italy-space","kind":"working-group","title":"T","place":"P","plannedDates":{"from":"2027-01-10"},"parties":["Japan","Italy"],"delegations":[],"effectiveOn":"2026-07-01"}""",
            ["meetingId", "dialogueId", "kind", "title", "place", "parties", "delegations"], ["title", "place"], ["effectiveOn"], ["kind"]),
        new("/api/meetings/space-consultations-2-rome/reschedule", """{"place":"Milan","plannedDates":{"from":"2027-02-01"},"effectiveOn":"2026-07-01","reason":"R"}""",
            ["place", "effectiveOn", "reason"], ["place", "reason"], ["effectiveOn"], []),
        new("/api/meetings/space-consultations-2-rome/held", """{"dates":{"from":"2026-10-01"},"place":null,"participants":null}""",
            ["dates"], [], [], []),
        new("/api/meetings/rome-summit-2026-06-15/outcome", """{"summary":"S2","decisions":["D"],"fieldCodes":["JPIT-01"],"effectiveOn":null,"evidence":["japan-italy-joint-statement-2026-06-15"],"reason":"R"}""",
            ["summary", "decisions", "fieldCodes"], ["summary"], [], []),
        new("/api/meetings/space-consultations-2-rome/cancellation", """{"effectiveOn":"2026-07-01","reason":"R"}""",
            ["effectiveOn", "reason"], ["reason"], ["effectiveOn"], []),
        new("/api/statements", """{"statementId":"fz-statement","dialogueId":"japan-italy-space","title":"T","preamble":null,"effectiveOn":"2026-07-01"}""",
            ["statementId", "dialogueId", "title", "effectiveOn"], ["title"], ["effectiveOn"], []),
        new("/api/statements/jp-it-joint-statement-space-2026-06-15/adoption", """{"meetingId":"tokyo-summit-2026-01-16","adoptedOn":"2026-06-15","place":"Rome","signatories":["X"]}""",
            ["meetingId", "adoptedOn", "place", "signatories"], ["place"], ["adoptedOn"], []),
        new("/api/action-plans", """{"planId":"fz-plan","dialogueId":"japan-italy-space","title":"T","periodFrom":"2026","periodTo":"2027","effectiveOn":"2026"}""",
            ["planId", "dialogueId", "title", "periodFrom", "periodTo"], ["title"], ["periodFrom", "periodTo", "effectiveOn"], []),
        new("/api/action-plans/action-plan-2024-2027/items", """{"itemId":"fz-item","fieldCode":"JPIT-01","text":"T","effectiveOn":"2026-07-01"}""",
            ["itemId", "fieldCode", "text", "effectiveOn"], ["text"], ["effectiveOn"], []),
        new("/api/action-plans/action-plan-2024-2027/reaffirmations", """{"by":{"kind":"meeting","id":"rome-summit-2026-06-15"},"note":null,"effectiveOn":"2026-06-15"}""",
            ["by", "effectiveOn"], [], ["effectiveOn"], []),
        new("/api/commitments", """{"commitmentId":"fz-commitment","dialogueId":"japan-italy-space","fieldCode":"JPIT-01","text":"T","parties":["Japan","Italy"],"agencies":[],"programmes":[],"source":{"kind":"meeting","id":"rome-summit-2026-06-15"},"status":"agreed","effectiveOn":"2026-06-15"}""",
            ["commitmentId", "dialogueId", "fieldCode", "text", "parties", "agencies", "programmes", "source", "status", "effectiveOn"], ["text"], ["effectiveOn"], ["status"]),
        new("/api/commitments/jpit-06-solar-c/status", """{"to":"fulfilled","effectiveOn":"2026-09-01","reason":"R","supersededBy":null,"evidence":["japan-italy-joint-statement-2026-06-15"]}""",
            ["to", "effectiveOn", "reason"], ["reason"], ["effectiveOn"], ["to"]),
        new("/api/commitments", """{"commitmentId":"fz-quoted","dialogueId":"japan-italy-space","fieldCode":"JPIT-08","text":"T","textIs":"paraphrase","quote":"orbital debris","parties":["Japan","Italy"],"agencies":[],"programmes":[],"fora":["G7"],"agreements":[],"documentId":"japan-italy-joint-statement-2026-06-15","source":{"kind":"clause","id":"jp-it-joint-statement-space-2026-06-15","part":"8"},"status":"agreed","effectiveOn":"2026-06-15"}""",
            ["commitmentId", "dialogueId", "fieldCode", "text", "parties", "agencies", "programmes", "source", "status", "effectiveOn"], ["text", "quote"], ["effectiveOn"], ["status", "textIs"]),
        new("/api/documents", """{"documentId":"fz-document","dialogueId":"japan-italy-space","title":"T","kind":"minutes","date":"2026-05-29","parties":["Japan","Italy"],"language":"en","url":"https://example.org/m","text":"Minutes.","sha256":null}""",
            ["documentId", "dialogueId", "title", "kind", "date", "parties", "language"], ["title"], ["date"], ["kind"]),
        new("/api/documents/japan-italy-joint-statement-2026-06-15/amendments", """{"title":"T","language":"it","url":null,"effectiveOn":"2026-07-01","reason":"R"}""",
            ["title", "language", "effectiveOn", "reason"], ["title", "reason"], ["effectiveOn"], []),
        new("/api/milestones", """{"milestoneId":"fz-milestone","dialogueId":"japan-italy-space","title":"T","dates":{"from":"2027"},"certainty":"stated","fieldCodes":["JPIT-02"],"documentId":"japan-italy-joint-statement-2026-06-15","quote":"Q","effectiveOn":"2026-06-15"}""",
            ["milestoneId", "dialogueId", "title", "dates", "certainty", "effectiveOn"], ["title", "quote"], ["effectiveOn"], ["certainty"]),
        new("/api/commitments/jpit-06-solar-c/amendments", """{"text":"T2","effectiveOn":"2026-09-01","reason":"R"}""",
            ["text", "effectiveOn", "reason"], ["text", "reason"], ["effectiveOn"], []),
        // No entry has this id: a valid body is a 404, every damaged one a 400 before anything is looked up.
        new("/api/voids", """{"eventId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","reason":"R"}""", ["eventId", "reason"], ["reason"], [], []),
        new("/api/corrections", """{"eventId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","reason":"R","to":"withdrawn","summary":"S"}""",
            ["eventId", "reason"], ["reason", "summary"], [], ["to"]),
        new("/api/corrections", """{"eventId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","reason":"R","place":"Rome","dates":{"from":"2026-06-15"},"effectiveOn":"2026-06-15"}""",
            ["eventId", "reason"], ["reason", "place"], ["effectiveOn"], []),
        new("/api/commitments/jpit-06-solar-c/party-progress", """{"party":"Japan","progress":"in-progress","effectiveOn":"2026-07-01","reason":"R"}""",
            ["party", "progress", "effectiveOn", "reason"], ["party", "reason"], ["effectiveOn"], ["progress"]),
        new("/api/commitments/jpit-06-solar-c/assessments", """{"party":"Italy","reviewedOn":"2026-11-01","score":1,"justification":"J","reason":null}""",
            ["party", "reviewedOn", "score", "justification"], ["party", "justification"], ["reviewedOn"], []),
        new("/api/commitments/jpit-06-solar-c/leads", """{"party":"Japan","lead":"JAXA","effectiveOn":"2026-07-01","reason":null}""",
            ["party", "lead", "effectiveOn"], ["party", "lead"], ["effectiveOn"], []),
        new("/api/commitments/jpit-06-solar-c/milestones", """{"milestoneId":"m-1","title":"T","dueOn":"2026-12","effectiveOn":"2026-07-01"}""",
            ["milestoneId", "title", "dueOn", "effectiveOn"], ["title"], ["dueOn", "effectiveOn"], []),
    ];

    private static readonly string[] BadDates = ["2026-13-01", "2026-02-30", "26", "2026-5", "tomorrow", "", "2026-06-15T10:00", "0000", "9999-01-01"];
    private static readonly JsonNode?[] WrongTypes = [JsonValue.Create(42), JsonValue.Create(true), new JsonArray(), new JsonObject { ["x"] = 1 }, JsonValue.Create(3.5)];

    private static IEnumerable<string> Mutations(Target target, Random random)
    {
        var valid = JsonNode.Parse(target.Body)!.AsObject();
        JsonObject Copy() => JsonNode.Parse(target.Body)!.AsObject();

        foreach (var field in target.Required)
        {
            var missing = Copy();
            missing.Remove(field);
            yield return missing.ToJsonString();
            var nulled = Copy();
            nulled[field] = null;
            yield return nulled.ToJsonString();
        }

        foreach (var field in valid.Select(p => p.Key).ToList())
        {
            foreach (var wrong in WrongTypes)
            {
                var original = valid[field];
                // A wrong type is only wrong where the field expects something else.
                if (original is JsonArray && wrong is JsonArray) continue;
                if (original is JsonObject && wrong is JsonObject) continue;
                if (original is JsonValue v && wrong is JsonValue w && v.GetValueKind() == w.GetValueKind()) continue;
                if (original is null) continue;
                var typed = Copy();
                typed[field] = wrong?.DeepClone();
                yield return typed.ToJsonString();
            }
        }

        foreach (var field in target.Dates)
        foreach (var bad in BadDates)
        {
            var dated = Copy();
            dated[field] = bad;
            yield return dated.ToJsonString();
        }

        foreach (var field in target.Texts)
        {
            var blank = Copy();
            blank[field] = "   ";
            yield return blank.ToJsonString();
            var huge = Copy();
            huge[field] = new string('x', 30_000);
            yield return huge.ToJsonString();
        }

        foreach (var field in target.Enums)
        {
            foreach (var bad in new[] { "Fulfiled", "IN_PROGRESS", "0", "", "summit; drop table" })
            {
                var enumerated = Copy();
                enumerated[field] = bad;
                yield return enumerated.ToJsonString();
            }

            var numbered = Copy();
            numbered[field] = 1;
            yield return numbered.ToJsonString();
        }

        var extra = Copy();
        extra["unexpected" + random.Next(1000)] = "value";
        yield return extra.ToJsonString();

        yield return "";
        yield return "null";
        yield return "[]";
        yield return "\"text\"";
        yield return "{";
        yield return "{\"a\":}";
        yield return target.Body[..(target.Body.Length / 2)];
        yield return target.Body.Replace("\"", "'");
        yield return new string('[', 2000) + new string(']', 2000);

        // Random byte-level damage to a valid body.
        for (var i = 0; i < 150; i++)
        {
            var chars = target.Body.ToCharArray();
            var at = random.Next(chars.Length);
            const string damage = "{}[]\",:x0\\\u0000é日";
            chars[at] = damage[random.Next(damage.Length)];
            var damaged = new string(chars);
            if (damaged != target.Body) yield return damaged;
        }
    }

    [Fact]
    public async Task Thousands_of_bad_requests_get_4xx_problems_and_append_nothing()
    {
        await SeedAsync();
        var before = await EventCountAsync();
        var random = new Random(20260615);
        var sent = 0;
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();

        foreach (var target in Targets)
        {
            foreach (var body in Mutations(target, random).Distinct())
            {
                // Some damage (a changed letter inside a text value) leaves a valid command: those are not bad input.
                if (IsStillValidJsonWithSameShape(body, target.Body)) continue;
                var result = await Host.Scenario(x =>
                {
                    x.Post.Text(body).ToUrl(target.Url);
                    x.WithRequestHeader("Content-Type", "application/json");
                    x.IgnoreStatusCode();
                });
                sent++;
                var status = result.Context.Response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                var contentType = result.Context.Response.ContentType ?? "";
                if (status is < 400 or >= 500 || !contentType.StartsWith("application/problem+json", StringComparison.Ordinal))
                    failures.Add($"{target.Url} {status} {contentType} <- {Shorten(body)}");
                // Every 400 names the fields at fault, however the body went wrong.
                else if (status == 400 && JsonNode.Parse(await result.ReadAsTextAsync())?["errors"] is not JsonObject { Count: > 0 })
                    failures.Add($"{target.Url} 400 without errors <- {Shorten(body)}");
            }
        }

        Assert.True(sent > 1000, $"Only {sent} bad requests were generated.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} bad requests were not refused cleanly:\n{string.Join("\n", failures.Take(30))}");
        // The refusals come from reading and checking the commands, not from a blanket refusal of the requests.
        Assert.True(statuses.GetValueOrDefault(400) > sent / 2, string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
        Assert.Equal(before, await EventCountAsync());
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_413()
    {
        await SeedAsync();
        var before = await EventCountAsync();
        var huge = "{\"text\":\"" + new string('x', 2 * 1024 * 1024) + "\",\"effectiveOn\":\"2026-09-01\",\"reason\":\"R\"}";
        var result = await Host.Scenario(x =>
        {
            x.Post.Text(huge).ToUrl("/api/commitments/jpit-06-solar-c/amendments");
            x.WithRequestHeader("Content-Type", "application/json");
            x.IgnoreStatusCode();
        });

        Assert.Equal(413, result.Context.Response.StatusCode);
        Assert.Equal(before, await EventCountAsync());
    }

    [Fact]
    public async Task A_write_that_is_not_json_is_refused_with_415()
    {
        await SeedAsync();
        var result = await Host.Scenario(x =>
        {
            x.Post.Text("to=fulfilled").ToUrl("/api/commitments/jpit-06-solar-c/status");
            x.WithRequestHeader("Content-Type", "application/x-www-form-urlencoded");
            x.IgnoreStatusCode();
        });

        Assert.Equal(415, result.Context.Response.StatusCode);
    }

    private static bool IsStillValidJsonWithSameShape(string body, string valid)
    {
        try
        {
            var a = JsonNode.Parse(body) as JsonObject;
            var b = JsonNode.Parse(valid) as JsonObject;
            if (a is null || b is null) return false;
            if (!a.Select(p => p.Key).OrderBy(k => k).SequenceEqual(b.Select(p => p.Key).OrderBy(k => k))) return false;
            // Same keys and kinds: the change is inside a value and may well be a valid, different command.
            return a.All(p => p.Value?.GetValueKind() == b[p.Key]?.GetValueKind());
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string body) => body.Length > 160 ? body[..160] + "…" : body;
}
