using CommitmentTests = Consultations.Tests.Commitments.CommitmentEndpointTests;
using DocumentTests = Consultations.Tests.Documents.DocumentEndpointTests;
using FollowUps = Consultations.Tests.Commitments.FollowUpEndpointTests;
using MeetingTests = Consultations.Tests.Meetings.MeetingEndpointTests;
using Plans = Consultations.Tests.ActionPlans.ActionPlanEndpointTests;
using Statements = Consultations.Tests.JointStatements.JointStatementEndpointTests;

namespace Consultations.Tests.Api;

/// <summary>
/// What each write route checks against the body and the record beyond the command's own input rules (those are proven
/// in Consultations.Domain.Tests, CommandCheckTests; rule statuses in <see cref="RuleStatusTests"/>): each fault is a 400
/// ProblemDetails naming the field, and nothing is appended. One row a fault, every route; the bodies are the endpoint
/// tests' own.
/// </summary>
public class EndpointFaultTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    /// <summary>What is on record besides the bundled record before the faulty request.</summary>
    [Flags]
    public enum Given
    {
        Seed = 0,
        PlanItem = 1,
        DraftStatement = 2,
        OtherDialogue = 4,
        Leads = 8,
        OtherDocument = 16,
    }

    private const string SolarC = "/api/commitments/jpit-06-solar-c";
    private const string Collision = "/api/commitments/jpit-08-collision-avoidance";
    private const string Item = $"/api/action-plans/{PlanId}/items/{Plans.Item}";
    private const string Reaffirm = $"/api/action-plans/{PlanId}/reaffirmations";
    private const string Second = $"/api/meetings/{SecondConsultations}";

    private static JsonObject Source(string kind, string id, string? part = null) => CommitmentTests.Source(kind, id, part);

    private static JsonObject Citing(params string[] evidence) => CommitmentTests.StatusChange().With("evidence", new JsonArray([.. evidence.Select(e => JsonValue.Create(e))]));

    public static TheoryData<Given, string, string, string> Faults => new()
    {
        { Given.Seed, CommitmentTests.Url, CommitmentTests.Making().With("fieldCode", "NOPE").ToJsonString(), "fieldCode" },
        { Given.Seed, CommitmentTests.Url, CommitmentTests.Making().With("dialogueId", "no-such-dialogue").ToJsonString(), "dialogueId" },
        { Given.Seed, CommitmentTests.Url, CommitmentTests.Making().With("source", Source("clause", StatementId, "99")).ToJsonString(), "source.part" },
        { Given.Seed, CommitmentTests.Url, CommitmentTests.Making().With("source", Source("clause", StatementId)).ToJsonString(), "source.part" },
        { Given.Seed, CommitmentTests.Url, CommitmentTests.Making().With("source", Source("clause", StatementId, "eight")).ToJsonString(), "source.part" },
        { Given.Seed, CommitmentTests.Url, CommitmentTests.Making().With("source", Source("plan-item", PlanId, "no-such-item")).ToJsonString(), "source.part" },
        { Given.Seed, CommitmentTests.Url, CommitmentTests.Making().With("source", Source("clause", "no-such-statement", "1")).ToJsonString(), "source.id" },
        { Given.Seed, CommitmentTests.Url, CommitmentTests.Making().With("source", Source("statement", "no-such-statement")).ToJsonString(), "source.id" },
        { Given.Seed, CommitmentTests.Url, CommitmentTests.Making().With("source", Source("meeting", "no-such-meeting")).ToJsonString(), "source.id" },
        { Given.Seed, CommitmentTests.Url, CommitmentTests.Making().With("source", Source("plan-item", "no-such-plan", "a")).ToJsonString(), "source.id" },
        { Given.Seed, CommitmentTests.Url, CommitmentTests.Making().With("source", Source("speech", StatementId)).ToJsonString(), "source.kind" },
        { Given.Seed, CommitmentTests.Url, CommitmentTests.Making().With("status", "in_progress").ToJsonString(), "status" },
        { Given.Seed, $"{Collision}/status", CommitmentTests.StatusChange("superseded", "no-such-commitment").ToJsonString(), "supersededBy" },
        { Given.Seed, $"{SolarC}/status", CommitmentTests.StatusChange("done").ToJsonString(), "to" },
        { Given.Seed, $"{SolarC}/status", CommitmentTests.StatusChange().With("to", 3).ToJsonString(), "to" },
        { Given.Seed, $"{Collision}/amendments", CommitmentTests.Amendment().With("effectiveOn", "2026-9-1").ToJsonString(), "effectiveOn" },
        { Given.OtherDialogue, CommitmentTests.Url, CommitmentTests.Making().With("fieldCode", OtherField).ToJsonString(), "fieldCode" },
        { Given.OtherDialogue, CommitmentTests.Url, CommitmentTests.Making().With("source", Source("clause", OtherStatement, "1")).ToJsonString(), "source.id" },
        { Given.OtherDialogue, CommitmentTests.Url, CommitmentTests.Making().With("source", Source("statement", OtherStatement)).ToJsonString(), "source.id" },
        { Given.OtherDialogue, CommitmentTests.Url, CommitmentTests.Making().With("source", Source("meeting", OtherMeeting)).ToJsonString(), "source.id" },
        { Given.OtherDialogue, CommitmentTests.Url, CommitmentTests.Making().With("source", Source("plan-item", OtherPlan, "a")).ToJsonString(), "source.id" },
        { Given.Seed, $"{SolarC}/party-progress", FollowUps.Progress(party: "France").ToJsonString(), "party" },
        { Given.Seed, $"{SolarC}/party-progress", FollowUps.Progress(progress: "done").ToJsonString(), "progress" },
        { Given.Seed, $"{SolarC}/assessments", FollowUps.Assessment(party: "Germany").ToJsonString(), "party" },
        { Given.Seed, $"{SolarC}/assessments", FollowUps.Assessment().With("reviewedOn", "2026-13").ToJsonString(), "reviewedOn" },
        { Given.Seed, $"{SolarC}/leads", FollowUps.Lead(party: "France").ToJsonString(), "party" },
        { Given.Seed, $"{SolarC}/milestones/design-review/reschedule", FollowUps.Reschedule().Without("reason").ToJsonString(), "reason" },
        { Given.PlanItem, $"{Item}/leads", FollowUps.Lead(party: "France").ToJsonString(), "party" },
        { Given.PlanItem, $"{Item}/milestones", FollowUps.Milestone().With("title", "").ToJsonString(), "title" },
        { Given.Seed, "/api/action-plans", Plans.Adoption().With("dialogueId", "no-such-dialogue").ToJsonString(), "dialogueId" },
        { Given.Seed, "/api/action-plans", Plans.Adoption().With("title", " ").ToJsonString(), "title" },
        { Given.Seed, "/api/action-plans", Plans.Adoption().With("periodTo", "2030-13").ToJsonString(), "periodTo" },
        { Given.Seed, Plans.ItemsUrl, Plans.NewItem().With("fieldCode", "NOPE").ToJsonString(), "fieldCode" },
        { Given.PlanItem, $"{Item}/progress", Plans.Progress("finished").ToJsonString(), "progress" },
        { Given.PlanItem, $"{Item}/progress", Plans.Progress().Without("note").ToJsonString(), "note" },
        { Given.PlanItem, $"/api/action-plans/{PlanId}/items/NOT_AN_ID/completion", Plans.Completion().ToJsonString(), "itemId" },
        { Given.PlanItem, $"{Item}/drop", Plans.Drop().Without("reason").ToJsonString(), "reason" },
        { Given.Seed, Reaffirm, Plans.Reaffirmation("meeting", "no-such-meeting").ToJsonString(), "by.id" },
        { Given.Seed, Reaffirm, Plans.Reaffirmation("statement", "no-such-statement").ToJsonString(), "by.id" },
        { Given.Seed, Reaffirm, Plans.Reaffirmation("clause", StatementId).ToJsonString(), "by.kind" },
        { Given.Seed, Reaffirm, Plans.Reaffirmation("speech", RomeSummit).ToJsonString(), "by.kind" },
        { Given.OtherDialogue, Plans.ItemsUrl, Plans.NewItem().With("fieldCode", OtherField).ToJsonString(), "fieldCode" },
        { Given.OtherDialogue, Reaffirm, Plans.Reaffirmation("meeting", OtherMeeting).ToJsonString(), "by.id" },
        { Given.Seed, Statements.DraftUrl, Statements.Drafting().With("dialogueId", "no-such-dialogue").ToJsonString(), "dialogueId" },
        { Given.DraftStatement, Statements.ClausesUrl, Statements.Clause(fieldCode: "NOPE").ToJsonString(), "fieldCode" },
        { Given.DraftStatement, Statements.ClausesUrl, Statements.Clause(0).ToJsonString(), "number" },
        { Given.DraftStatement, Statements.ClausesUrl, Statements.Clause().Without("number").ToJsonString(), "number" },
        { Given.DraftStatement, Statements.ClausesUrl, Statements.Clause().Without("effectiveOn").ToJsonString(), "effectiveOn" },
        { Given.DraftStatement, Statements.ClausesUrl, Statements.Clause().With("number", "1").ToJsonString(), "number" },
        { Given.DraftStatement, Statements.AdoptionUrl, Statements.Adoption().With("meetingId", "no-such-meeting").ToJsonString(), "meetingId" },
        { Given.DraftStatement, Statements.AdoptionUrl, Statements.Adoption().With("adoptedOn", "2026-11-32").ToJsonString(), "adoptedOn" },
        { Given.DraftStatement | Given.OtherDialogue, Statements.ClausesUrl, Statements.Clause(2, fieldCode: OtherField).ToJsonString(), "fieldCode" },
        { Given.DraftStatement | Given.OtherDialogue, Statements.AdoptionUrl, Statements.Adoption().With("meetingId", OtherMeeting).ToJsonString(), "meetingId" },
        { Given.Seed, "/api/meetings", MeetingTests.Schedule().With("dialogueId", "no-such-dialogue").ToJsonString(), "dialogueId" },
        { Given.Seed, "/api/meetings", MeetingTests.Schedule().With("delegations", MeetingTests.Delegations("France")).ToJsonString(), "delegations" },
        { Given.Seed, $"{Second}/reschedule", MeetingTests.Reschedule().With("effectiveOn", "yesterday").ToJsonString(), "effectiveOn" },
        { Given.Seed, $"{Second}/reschedule", MeetingTests.Reschedule().With("plannedDates", new JsonObject()).ToJsonString(), "plannedDates.from" },
        { Given.Seed, $"{Second}/held", MeetingTests.Held().With("dates", new JsonObject { ["to"] = "2026-10-21" }).ToJsonString(), "dates.from" },
        { Given.Seed, $"{Second}/held", MeetingTests.Held("2026-10-20", "2026-11-31").ToJsonString(), "dates.to" },
        { Given.Seed, $"{Second}/held", MeetingTests.Held().With("participants", MeetingTests.Delegations("France")).ToJsonString(), "participants" },
        { Given.Seed, $"/api/meetings/{FirstConsultations}/outcome", MeetingTests.Outcome().With("fieldCodes", new JsonArray("JPIT-08", "NOPE")).ToJsonString(), "fieldCodes[1]" },
        { Given.Seed, "/api/meetings/NOT_AN_ID/cancellation", MeetingTests.Cancellation().ToJsonString(), "meetingId" },
        { Given.OtherDialogue, $"/api/meetings/{FirstConsultations}/outcome", MeetingTests.Outcome().With("fieldCodes", new JsonArray(OtherField)).ToJsonString(), "fieldCodes[0]" },
        { Given.Seed, $"/api/meetings/{RomeSummit}/outcome", MeetingTests.Outcome().Without("reason").ToJsonString(), "reason" },
        { Given.Seed, DocumentTests.Url, DocumentTests.Registering().With("dialogueId", "no-such-dialogue").ToJsonString(), "dialogueId" },
        { Given.Seed, DocumentTests.Url, DocumentTests.Registering().With("kind", "memo").ToJsonString(), "kind" },
        { Given.Seed, DocumentTests.Url, DocumentTests.Registering().With("kind", "note_verbale").ToJsonString(), "kind" },
        { Given.Seed, DocumentTests.Url, DocumentTests.Registering().With("date", "2026-13").ToJsonString(), "date" },
        { Given.Seed, $"{DocumentTests.Url}/{DocumentTests.Statement}/amendments", DocumentTests.Amendment().With("language", "italiano").ToJsonString(), "language" },
        { Given.Seed, $"{SolarC}/status", Citing(DocumentTests.Statement, "no-such-document").ToJsonString(), "evidence[1]" },
        { Given.Seed, $"{SolarC}/status", Citing(DocumentTests.Statement, DocumentTests.Statement).ToJsonString(), "evidence" },
        { Given.Seed, $"/api/meetings/{RomeSummit}/outcome", new JsonObject { ["summary"] = "S", ["decisions"] = new JsonArray(), ["fieldCodes"] = new JsonArray(), ["evidence"] = new JsonArray("no-such-document") }.ToJsonString(), "evidence[0]" },
        { Given.OtherDialogue | Given.OtherDocument, $"{SolarC}/status", Citing(DocumentTests.New).ToJsonString(), "evidence[0]" },
        { Given.OtherDialogue | Given.OtherDocument, CommitmentTests.Url, CommitmentTests.Making().With("documentId", DocumentTests.New).ToJsonString(), "documentId" },
        { Given.OtherDialogue | Given.OtherDocument, Statements.DraftUrl, Statements.Drafting().With("documentId", DocumentTests.New).ToJsonString(), "documentId" },
        { Given.Seed, CommitmentTests.Url, DocumentTests.Quoting().With("quote", "strengthening planetary defence").ToJsonString(), "quote" },
        { Given.Seed, CommitmentTests.Url, DocumentTests.Quoting().With("source", Source("clause", StatementId, "7")).ToJsonString(), "quote" },
        { Given.Seed, CommitmentTests.Url, DocumentTests.Quoting().Without("quote").ToJsonString(), "quote" },
        { Given.Seed, CommitmentTests.Url, DocumentTests.Quoting().With("documentId", "no-such-document").ToJsonString(), "documentId" },
        { Given.Seed, CommitmentTests.Url, DocumentTests.Quoting().With("textIs", "verbatim").ToJsonString(), "textIs" },
        { Given.Seed, Statements.DraftUrl, Statements.Drafting().With("documentId", "no-such-document").ToJsonString(), "documentId" },
        { Given.PlanItem | Given.Leads, $"{SolarC}/leads", FollowUps.Lead(lead: "MEXT").ToJsonString(), "reason" },
        { Given.PlanItem | Given.Leads, $"{Item}/leads", FollowUps.Lead(lead: "MEXT").ToJsonString(), "reason" },
    };

    /// <summary>The rows of <see cref="Faults"/> whose given state passes <paramref name="keep"/>.</summary>
    private static TheoryData<Given, string, string, string> Rows(Func<Given, bool> keep)
    {
        var rows = new TheoryData<Given, string, string, string>();
        foreach (var row in Faults)
        {
            if (keep((Given)row[0])) rows.Add((Given)row[0], (string)row[1], (string)row[2], (string)row[3]);
        }

        return rows;
    }

    public static TheoryData<Given, string, string, string> OnTheBundledRecord => Rows(given => given == Given.Seed);

    public static TheoryData<Given, string, string, string> OnMore => Rows(given => given != Given.Seed);

    // A refused request stores nothing, so every row reads the one record the class arranged.
    protected override bool SharesRecord => true;

    [Theory]
    [MemberData(nameof(OnTheBundledRecord))]
    public async Task A_fault_found_by_the_endpoint_is_refused_naming_the_field_and_nothing_is_appended(Given given, string url, string body, string field)
    {
        Assert.Equal(Given.Seed, given);
        await InvalidAsync(url, body, field);
    }
}

/// <summary>
/// The rows of <see cref="EndpointFaultTests.Faults"/> that need more than the bundled record, on one record arranged once
/// with all of it: a plan item with leads, a draft statement with a clause and the second consultations held, a second
/// dialogue and a document of it.
/// </summary>
public class EndpointFaultOnMoreTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    private const string SolarC = "/api/commitments/jpit-06-solar-c";
    private const string Item = $"/api/action-plans/{PlanId}/items/{Plans.Item}";

    protected override bool SharesRecord => true;

    protected override async Task ArrangeSharedAsync()
    {
        await SeedAsync();
        await ChangedAsync(Plans.ItemsUrl, Plans.NewItem(), PlanId);
        await CreatedAsync(Statements.DraftUrl, Statements.Drafting(), Statements.Draft, $"/api/statements/{Statements.Draft}");
        await ChangedAsync(Statements.ClausesUrl, Statements.Clause(), Statements.Draft);
        await ChangedAsync($"/api/meetings/{SecondConsultations}/held", new { dates = new { from = "2026-10-21" } }, SecondConsultations);
        await OtherDialogueAsync();
        await CreatedAsync(DocumentTests.Url, DocumentTests.Registering().With("dialogueId", OtherDialogue).With("date", "2026-03-02"), DocumentTests.New,
            $"/api/documents/{DocumentTests.New}");
        await ChangedAsync($"{SolarC}/leads", FollowUps.Lead(), FollowUps.SolarC);
        await ChangedAsync($"{Item}/leads", FollowUps.Lead(), PlanId);
    }

    [Theory]
    [MemberData(nameof(EndpointFaultTests.OnMore), MemberType = typeof(EndpointFaultTests))]
    public async Task A_fault_found_by_the_endpoint_is_refused_naming_the_field_and_nothing_is_appended(EndpointFaultTests.Given given, string url, string body, string field)
    {
        Assert.NotEqual(EndpointFaultTests.Given.Seed, given);
        await InvalidAsync(url, body, field);
    }
}
