using FollowUps = Consultations.Tests.Commitments.FollowUpEndpointTests;

namespace Consultations.Tests.Api;

/// <summary>
/// How a broken domain rule is answered, for every write route: a conflict with the record is 409, an invalid
/// command 422, each a ProblemDetails naming the rule, and nothing appended. Which commands break which rule is
/// specified once, in the domain specifications (Consultations.Domain.Tests); here only the mapping is.
/// </summary>
public abstract class RuleStatusContext(AppFixture fixture) : WriteEndpointContext(fixture)
{
    private sealed record Request(string Url, string Body);

    private sealed record Case(Request[] Given, string Url, string Body, int Status, string Rule);

    private const string Plan = "/api/action-plans/action-plan-2024-2027";
    private const string Item = $"{Plan}/items/ssa-data-exchange";
    private const string Statement = "/api/statements/jp-it-joint-statement-space-2026-06-15";
    private const string Draft = "/api/statements/rs-draft";

    private static readonly Request AddItem = new($"{Plan}/items",
        """{"itemId":"ssa-data-exchange","fieldCode":"JPIT-08","text":"Exchange SSA data.","effectiveOn":"2026-07-01"}""");
    private static readonly Request CompleteItem = new($"{Item}/completion", """{"note":null,"effectiveOn":"2026-10-01"}""");
    private static readonly Request DropItem = new($"{Item}/drop", """{"reason":"Superseded.","effectiveOn":"2026-10-01"}""");
    private static readonly Request DraftStatement = new("/api/statements",
        """{"statementId":"rs-draft","dialogueId":"japan-italy-space","title":"Draft","preamble":null,"effectiveOn":"2026-10-20"}""");
    private static readonly Request AddClause = new($"{Draft}/clauses",
        """{"number":1,"fieldCode":"JPIT-08","heading":"H","text":"T","effectiveOn":"2026-10-20"}""");
    private static readonly Request AdoptDatedPlan = new("/api/action-plans",
        """{"planId":"rs-plan","dialogueId":"japan-italy-space","title":"T","periodFrom":"2026","periodTo":"2028","effectiveOn":"2026-01"}""");
    private const string Document = "/api/documents";
    private const string Register =
        """{"documentId":"japan-italy-joint-statement-2026-06-15","dialogueId":"japan-italy-space","title":"Japan–Italy Joint Statement on Space Collaboration","kind":"joint-statement","date":"2026-06-15","parties":["Japan","Italy"],"language":"en"}""";
    private const string Milestone =
        """{"milestoneId":"unispace-iv-2027","dialogueId":"japan-italy-space","title":"UNISPACE IV Conference (possible convening)","dates":{"from":"2027"},"certainty":"possible","effectiveOn":"2026-06-15"}""";
    private const string Commitment =
        """{"commitmentId":"rs-commitment","dialogueId":"japan-italy-space","fieldCode":"JPIT-08","text":"T","parties":["Japan","Italy"],"agencies":[],"programmes":[],"source":{"kind":"meeting","id":"rome-summit-2026-06-15"},"status":"agreed","effectiveOn":"2026-06-15"}""";
    private static readonly Request HoldSecondConsultations = new("/api/meetings/space-consultations-2-rome/held", """{"dates":{"from":"2026-10-21"}}""");

    private static readonly Request Fulfil = new("/api/commitments/jpit-06-solar-c/status", """{"to":"fulfilled","effectiveOn":"2026-09-01","reason":"R"}""");
    private static readonly Request VoidFulfilment = new("/api/voids",
        """{"eventId":"{{/api/commitments/jpit-06-solar-c commitment-status-changed}}","reason":"Recorded in error."}""");

    private const string SolarC = FollowUps.Commitment;
    private static readonly Request Assess = new($"{SolarC}/assessments", FollowUps.Assessment().ToJsonString());
    private static readonly Request AddMilestone = new($"{SolarC}/milestones", FollowUps.Milestone().ToJsonString());
    private static readonly Request MeetMilestone = new($"{SolarC}/milestones/design-review/met", FollowUps.Met().ToJsonString());
    private static readonly Request AddItemMilestone = new($"{Item}/milestones", FollowUps.Milestone().ToJsonString());

    private static readonly string Schedule =
        """{"meetingId":"rs-meeting","dialogueId":"japan-italy-space","kind":"consultation","title":"T","place":"Tokyo","plannedDates":{"from":"2027-03-10","to":"2027-03-11"},"parties":["Japan","Italy"],"delegations":[]}""";

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["open a dialogue: 409"] = new([], "/api/dialogues",
            """{"dialogueId":"japan-italy-space","title":"Another title","parties":["Japan","Italy"],"effectiveOn":"2026-01-01"}""", 409, "dialogue-opened-once"),
        ["open a dialogue: 422"] = new([], "/api/dialogues",
            """{"dialogueId":"rs-dialogue","title":"T","parties":["Japan","Japan "],"effectiveOn":"2026-01-01"}""", 422, "dialogue-has-two-parties"),
        ["define a field: 409"] = new([], "/api/fields",
            """{"fieldCode":"JPIT-08","dialogueId":"japan-italy-space","number":8,"title":"Space weather","scope":"S","effectiveOn":"2026-07-01"}""", 409, "field-defined-once"),
        ["define a field: 422"] = new([], "/api/fields",
            $$"""{"fieldCode":"JPIT-11","dialogueId":"japan-italy-space","number":11,"title":"T","scope":"S","effectiveOn":"{{InTwoDays}}"}""", 422, "effective-date-not-in-future"),
        ["revise a field scope: 422"] = new([], "/api/fields/JPIT-08/scope",
            """{"title":"T","scope":"S","effectiveOn":"2026-06-14","reason":"R"}""", 422, "revision-after-definition"),
        ["schedule a meeting: 409"] = new([], "/api/meetings",
            Schedule.Replace("rs-meeting", "space-consultations-2-rome"), 409, "meeting-scheduled-once"),
        ["schedule a meeting: 422"] = new([], "/api/meetings",
            Schedule.Replace("[\"Japan\",\"Italy\"]", "[\"Japan\",\"Japan \"]"), 422, "meeting-has-two-parties"),
        ["reschedule a meeting: 409"] = new([], "/api/meetings/rome-summit-2026-06-15/reschedule",
            """{"place":"Milan","plannedDates":{"from":"2027-02-10"},"effectiveOn":"2026-10-20","reason":"R"}""", 409, "only-scheduled-meetings-reschedule"),
        ["reschedule a meeting: 422"] = new([], "/api/meetings/space-consultations-2-rome/reschedule",
            """{"place":"Milan","plannedDates":{"from":"2027-02-10","to":"2027-01-10"},"effectiveOn":"2026-10-20","reason":"R"}""", 422, "end-not-before-start"),
        ["hold a meeting: 409"] = new([], "/api/meetings/rome-summit-2026-06-15/held", """{"dates":{"from":"2026-06-16"}}""", 409, "meeting-held-once"),
        ["hold a meeting: 422"] = new([], "/api/meetings/space-consultations-2-rome/held",
            """{"dates":{"from":"2026-10-20","to":"2026-10-19"}}""", 422, "end-not-before-start"),
        ["record an outcome: 409"] = new([], "/api/meetings/space-consultations-2-rome/outcome",
            """{"summary":"S","decisions":["D"],"fieldCodes":["JPIT-08"]}""", 409, "outcome-after-meeting-held"),
        ["record an outcome: 422"] = new([], "/api/meetings/space-consultations-1-tokyo/outcome",
            """{"summary":"S","decisions":["D"],"fieldCodes":["JPIT-08"],"effectiveOn":"2026-05-27"}""", 422, "outcome-after-meeting-held"),
        ["cancel a meeting: 409"] = new([], "/api/meetings/rome-summit-2026-06-15/cancellation",
            """{"effectiveOn":"2026-10-20","reason":"R"}""", 409, "held-meetings-are-not-cancelled"),
        ["cancel a meeting: 422"] = new([], "/api/meetings/space-consultations-2-rome/cancellation",
            $$"""{"effectiveOn":"{{InTwoDays}}","reason":"R"}""", 422, "effective-date-not-in-future"),
        ["draft a statement: 409"] = new([], "/api/statements",
            """{"statementId":"jp-it-joint-statement-space-2026-06-15","dialogueId":"japan-italy-space","title":"Another title","effectiveOn":"2026-10-20"}""", 409, "statement-drafted-once"),
        ["draft a statement: 422"] = new([], "/api/statements",
            $$"""{"statementId":"rs-draft","dialogueId":"japan-italy-space","title":"T","effectiveOn":"{{InTwoDays}}"}""", 422, "effective-date-not-in-future"),
        ["add a clause: 409"] = new([], $"{Statement}/clauses",
            """{"number":11,"fieldCode":"JPIT-08","heading":"H","text":"T","effectiveOn":"2026-10-20"}""", 409, "adopted-statement-is-final"),
        ["add a clause: 422"] = new([DraftStatement], $"{Draft}/clauses",
            $$"""{"number":1,"fieldCode":"JPIT-08","heading":"H","text":"T","effectiveOn":"{{InTwoDays}}"}""", 422, "effective-date-not-in-future"),
        ["adopt a statement: 409"] = new([DraftStatement, HoldSecondConsultations], $"{Draft}/adoption",
            """{"meetingId":"space-consultations-2-rome","adoptedOn":"2026-10-21","place":"Rome","signatories":["X"]}""", 409, "statement-has-clauses"),
        ["adopt a statement: 422"] = new([DraftStatement, AddClause, HoldSecondConsultations], $"{Draft}/adoption",
            """{"meetingId":"space-consultations-2-rome","adoptedOn":"2026-10-19","place":"Rome","signatories":["X"]}""", 422, "adoption-after-drafting"),
        ["adopt an action plan: 409"] = new([], "/api/action-plans",
            """{"planId":"action-plan-2024-2027","dialogueId":"japan-italy-space","title":"2024–2027 Action Plan","periodFrom":"2024","periodTo":"2028","effectiveOn":"2024"}""", 409, "plan-adopted-once"),
        ["adopt an action plan: 422"] = new([], "/api/action-plans",
            """{"planId":"rs-plan","dialogueId":"japan-italy-space","title":"T","periodFrom":"2030","periodTo":"2028","effectiveOn":"2026-10-20"}""", 422, "end-not-before-start"),
        ["add an item: 409"] = new([AddItem], $"{Plan}/items",
            """{"itemId":"ssa-data-exchange","fieldCode":"JPIT-08","text":"Something else.","effectiveOn":"2026-07-01"}""", 409, "plan-item-ids-unique"),
        ["add an item: 422"] = new([AdoptDatedPlan], "/api/action-plans/rs-plan/items",
            """{"itemId":"ssa-data-exchange","fieldCode":"JPIT-08","text":"T","effectiveOn":"2025-12"}""", 422, "plan-changes-after-adoption"),
        ["update an item's progress: 409"] = new([AddItem, CompleteItem], $"{Item}/progress",
            """{"progress":"on-track","note":"N","effectiveOn":"2026-10-02"}""", 409, "closed-items-stay-closed"),
        ["update an item's progress: 422"] = new([AddItem], $"{Item}/progress",
            """{"progress":"completed","note":"N","effectiveOn":"2026-08-01"}""", 422, "complete-or-drop-explicitly"),
        ["complete an item: 409"] = new([AddItem, DropItem], $"{Item}/completion", """{"note":null,"effectiveOn":"2026-10-01"}""", 409, "closed-items-stay-closed"),
        ["complete an item: 422"] = new([AddItem], $"{Item}/completion", """{"note":null,"effectiveOn":"2026-06"}""", 422, "item-changes-after-it-was-added"),
        ["drop an item: 409"] = new([AddItem, CompleteItem], $"{Item}/drop", """{"reason":"R","effectiveOn":"2026-10-01"}""", 409, "closed-items-stay-closed"),
        ["drop an item: 422"] = new([AddItem], $"{Item}/drop", """{"reason":"R","effectiveOn":"2026-06-30"}""", 422, "item-changes-after-it-was-added"),
        ["reaffirm a plan: 422"] = new([AdoptDatedPlan], "/api/action-plans/rs-plan/reaffirmations",
            """{"by":{"kind":"meeting","id":"rome-summit-2026-06-15"},"effectiveOn":"2025"}""", 422, "plan-changes-after-adoption"),
        ["make a commitment: 409"] = new([], "/api/commitments",
            """{"commitmentId":"jpit-06-solar-c","dialogueId":"japan-italy-space","fieldCode":"JPIT-08","text":"T","parties":["Japan","Italy"],"agencies":[],"programmes":[],"source":{"kind":"meeting","id":"rome-summit-2026-06-15"},"status":"agreed","effectiveOn":"2026-06-15"}""", 409, "commitment-made-once"),
        ["make a commitment: 422"] = new([], "/api/commitments",
            """{"commitmentId":"rs-commitment","dialogueId":"japan-italy-space","fieldCode":"JPIT-08","text":"T","parties":["Japan","Italy"],"agencies":[],"programmes":[],"source":{"kind":"meeting","id":"rome-summit-2026-06-15"},"status":"fulfilled","effectiveOn":"2026-06-15"}""", 422, "commitments-start-open"),
        ["make a commitment: 422 (quoted text)"] = new([], "/api/commitments",
            Commitment.Replace("\"text\":\"T\"", "\"text\":\"T\",\"textIs\":\"quoted\",\"quote\":\"Another passage\""), 422, "quoted-text-is-the-quote"),
        ["register a document: 409"] = new([], Document, Register.Replace("\"date\":\"2026-06-15\"", "\"date\":\"2026-06-16\""), 409, "document-registered-once"),
        ["register a document: 422"] = new([], Document,
            Register.Replace("japan-italy-joint-statement-2026-06-15", "rs-document").Replace("\"language\":\"en\"",
                "\"language\":\"en\",\"text\":\"abc\",\"sha256\":\"0000000000000000000000000000000000000000000000000000000000000000\""),
            422, "document-hash-matches-text"),
        ["amend a document: 422"] = new([], $"{Document}/japan-italy-joint-statement-2026-06-15/amendments",
            """{"title":"T","language":"en","url":null,"effectiveOn":"2026-06-14","reason":"R"}""", 422, "amendment-after-document"),
        ["record a milestone: 409"] = new([], "/api/milestones", Milestone.Replace("\"from\":\"2027\"", "\"from\":\"2028\""), 409, "milestone-recorded-once"),
        ["record a milestone: 422"] = new([], "/api/milestones",
            Milestone.Replace("unispace-iv-2027", "rs-milestone").Replace("\"effectiveOn\":\"2026-06-15\"", $"\"effectiveOn\":\"{InTwoDays}\""), 422, "effective-date-not-in-future"),
        ["record a milestone known before its document: 422"] = new([], "/api/milestones",
            Milestone.Replace("unispace-iv-2027", "rs-early-milestone").Replace("\"effectiveOn\":\"2026-06-15\"",
                "\"documentId\":\"japan-italy-joint-statement-2026-06-15\",\"effectiveOn\":\"2026-06-14\""), 422, "milestone-known-from-its-source"),
        ["change a commitment's status: 409"] = new([], "/api/commitments/jpit-06-solar-c/status",
            """{"to":"agreed","effectiveOn":"2026-09-01","reason":"R"}""", 409, "commitment-lifecycle"),
        ["change a commitment's status: 422"] = new([], "/api/commitments/jpit-06-solar-c/status",
            """{"to":"fulfilled","effectiveOn":"2026-06-14","reason":"R"}""", 422, "status-changes-in-order"),
        ["amend a commitment: 409"] = new([new("/api/commitments/jpit-06-solar-c/status", """{"to":"fulfilled","effectiveOn":"2026-09-01","reason":"R"}""")],
            "/api/commitments/jpit-06-solar-c/amendments", """{"text":"T2","effectiveOn":"2026-09-01","reason":"R"}""", 409, "final-commitments-are-not-amended"),
        ["amend a commitment: 422"] = new([], "/api/commitments/jpit-08-collision-avoidance/amendments",
            """{"text":"T2","effectiveOn":"2026-06-14","reason":"R"}""", 422, "amendment-after-commitment"),
        ["record a party's progress: 422"] = new([], $"{SolarC}/party-progress", FollowUps.Progress(on: "2026-06-01").ToJsonString(), 422, "party-progress-in-order"),
        ["assess compliance: 409"] = new([Assess], $"{SolarC}/assessments", FollowUps.Assessment(score: -1).ToJsonString(), 409, "assessment-corrected-with-reason"),
        ["assess compliance: 422"] = new([], $"{SolarC}/assessments", FollowUps.Assessment(on: "2026-06-01").ToJsonString(), 422, "review-after-commitment"),
        ["set a commitment's lead: 422"] = new([], $"{SolarC}/leads", FollowUps.Lead().With("effectiveOn", InTwoDays).ToJsonString(), 422, "effective-date-not-in-future"),
        ["add a commitment milestone: 409"] = new([AddMilestone], $"{SolarC}/milestones", FollowUps.Milestone(title: "Another").ToJsonString(), 409, "milestone-ids-unique"),
        ["add a commitment milestone: 422"] = new([], $"{SolarC}/milestones", FollowUps.Milestone(due: "2026-06-20").ToJsonString(), 422, "milestone-due-after-it-is-set"),
        ["reschedule a commitment milestone: 409"] = new([AddMilestone, MeetMilestone], $"{SolarC}/milestones/design-review/reschedule",
            FollowUps.Reschedule().ToJsonString(), 409, "met-milestones-stay-met"),
        ["set an item's lead: 422"] = new([AddItem], $"{Item}/leads", FollowUps.Lead().With("effectiveOn", "2026-06-01").ToJsonString(), 422, "follow-up-after-start"),
        ["add an item milestone: 409"] = new([AddItem, CompleteItem], $"{Item}/milestones", FollowUps.Milestone().ToJsonString(), 409, "closed-items-stay-closed"),
        ["meet an item milestone: 422"] = new([AddItem, AddItemMilestone], $"{Item}/milestones/design-review/met", FollowUps.Met("2026-06-30").ToJsonString(), 422,
            "milestone-met-after-it-is-set"),
        // {{record kind}} stands for the eventId of the record's last entry of that kind, read from its history when the case runs.
        ["void an entry: 409 first entry"] = new([], "/api/voids",
            """{"eventId":"{{/api/milestones/unispace-iv-2027 milestone-recorded}}","reason":"R"}""", 409, "first-entry-stays"),
        ["void an entry: 409 other records depend on it"] = new([], "/api/voids",
            """{"eventId":"{{/api/statements/jp-it-joint-statement-space-2026-06-15 joint-statement-adopted}}","reason":"R"}""", 409, "entry-has-dependents"),
        ["void an entry: 409 dependents"] = new([], "/api/voids",
            """{"eventId":"{{/api/meetings/rome-summit-2026-06-15 meeting-held}}","reason":"R"}""", 409, "entry-has-dependents"),
        ["void an entry: 409 fixes stand"] = new([Fulfil, VoidFulfilment], "/api/voids",
            """{"eventId":"{{/api/commitments/jpit-06-solar-c entry-voided}}","reason":"R"}""", 409, "fixes-stand"),
        ["correct an entry: 409 lifecycle"] = new([Fulfil], "/api/corrections",
            """{"eventId":"{{/api/commitments/jpit-06-solar-c commitment-status-changed}}","reason":"R","to":"agreed"}""", 409, "commitment-lifecycle"),
        ["correct an entry: 409 voided"] = new([Fulfil, VoidFulfilment], "/api/corrections",
            """{"eventId":"{{/api/commitments/jpit-06-solar-c commitment-status-changed}}","reason":"R","to":"withdrawn"}""", 409, "voided-entries-are-not-corrected"),
        ["correct an entry: 422"] = new([Fulfil], "/api/corrections",
            """{"eventId":"{{/api/commitments/jpit-06-solar-c commitment-status-changed}}","reason":"R","effectiveOn":"2026-06-01"}""", 422, "status-changes-in-order"),
    };

    public static TheoryData<string> OnTheBundledRecord => new(Cases.Where(c => c.Value.Given.Length == 0).Select(c => c.Key));

    public static TheoryData<string> AfterRequests => new(Cases.Where(c => c.Value.Given.Length > 0).Select(c => c.Key));

    /// <summary>Sends the case's given requests, then its request, which must be refused with its status and rule, appending nothing.</summary>
    protected async Task AnsweredWithItsRuleAsync(string name)
    {
        var @case = Cases[name];
        foreach (var given in @case.Given)
        {
            var answer = await SendAsync(given.Url, await EntriesNamedAsync(given.Body));
            Assert.True(answer.Status is 200 or 201, $"Given {given.Url} answered {answer.Status}: {answer.Body?.ToJsonString()}");
        }

        await RefusedAsync(@case.Url, await EntriesNamedAsync(@case.Body), @case.Status, rule: @case.Rule);
    }

    private async Task<string> EntriesNamedAsync(string body)
    {
        foreach (var match in System.Text.RegularExpressions.Regex.Matches(body, "{{(?<record>[^ }]+) (?<kind>[^}]+)}}").ToList())
        {
            var history = (await ReadAsync(match.Groups["record"].Value))["history"]!.AsArray();
            var entry = history.Last(h => Text(h, "kind") == match.Groups["kind"].Value)!;
            body = body.Replace(match.Value, Text(entry, "eventId"));
        }

        return body;
    }
}

/// <summary>The cases that need nothing but the bundled record, which the class imports once: a refused request stores nothing.</summary>
public class RuleStatusTests(AppFixture fixture) : RuleStatusContext(fixture)
{
    protected override bool SharesRecord => true;

    [Theory]
    [MemberData(nameof(OnTheBundledRecord), MemberType = typeof(RuleStatusContext))]
    public Task A_broken_rule_is_answered_with_its_status_naming_the_rule_and_nothing_is_appended(string name) => AnsweredWithItsRuleAsync(name);
}

/// <summary>The cases that first change the record: a fresh bundled record each.</summary>
public class RuleStatusAfterChangesTests(AppFixture fixture) : RuleStatusContext(fixture)
{
    [Theory]
    [MemberData(nameof(AfterRequests), MemberType = typeof(RuleStatusContext))]
    public async Task A_broken_rule_is_answered_with_its_status_naming_the_rule_and_nothing_is_appended(string name)
    {
        await SeedAsync();
        await AnsweredWithItsRuleAsync(name);
    }
}
