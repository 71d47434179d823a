using CommitmentTests = Consultations.Tests.Commitments.CommitmentEndpointTests;
using FollowUps = Consultations.Tests.Commitments.FollowUpEndpointTests;
using MeetingTests = Consultations.Tests.Meetings.MeetingEndpointTests;
using Plans = Consultations.Tests.ActionPlans.ActionPlanEndpointTests;
using Statements = Consultations.Tests.JointStatements.JointStatementEndpointTests;

namespace Consultations.Tests.Api;

/// <summary>
/// Every write route on a record that does not exist: a 404 ProblemDetails and nothing appended. One row a route (and, for
/// parts of a record, a missing part of an existing one), on the bundled record with one plan item, arranged once: a
/// refused request stores nothing. The bodies are the endpoint tests' own.
/// </summary>
public class NotFoundTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    public static TheoryData<string, string> UnknownRecords => new()
    {
        { "/api/action-plans/no-such-plan/items", Plans.NewItem().ToJsonString() },
        { "/api/action-plans/no-such-plan/reaffirmations", Plans.Reaffirmation().ToJsonString() },
        { $"/api/action-plans/no-such-plan/items/{Plans.Item}/progress", Plans.Progress().ToJsonString() },
        { $"/api/action-plans/{PlanId}/items/no-such-item/progress", Plans.Progress().ToJsonString() },
        { $"/api/action-plans/{PlanId}/items/no-such-item/completion", Plans.Completion().ToJsonString() },
        { $"/api/action-plans/{PlanId}/items/no-such-item/drop", Plans.Drop().ToJsonString() },
        { "/api/commitments/no-such-commitment/status", CommitmentTests.StatusChange().ToJsonString() },
        { "/api/commitments/no-such-commitment/status", CommitmentTests.StatusChange("superseded", CommitmentTests.Adr).ToJsonString() },
        { "/api/commitments/no-such-commitment/amendments", CommitmentTests.Amendment().ToJsonString() },
        { "/api/commitments/no-such-commitment/party-progress", FollowUps.Progress().ToJsonString() },
        { "/api/commitments/no-such-commitment/assessments", FollowUps.Assessment().ToJsonString() },
        { "/api/commitments/no-such-commitment/leads", FollowUps.Lead().ToJsonString() },
        { "/api/commitments/no-such-commitment/milestones", FollowUps.Milestone().ToJsonString() },
        { $"{FollowUps.Commitment}/milestones/no-such-milestone/met", FollowUps.Met().ToJsonString() },
        { $"{FollowUps.Commitment}/milestones/no-such-milestone/reschedule", FollowUps.Reschedule().ToJsonString() },
        { "/api/action-plans/no-such-plan/items/x/leads", FollowUps.Lead().ToJsonString() },
        { $"/api/action-plans/{PlanId}/items/no-such-item/milestones", FollowUps.Milestone().ToJsonString() },
        { $"{FollowUps.ItemUrl}/milestones/no-such-milestone/met", FollowUps.Met().ToJsonString() },
        { $"{FollowUps.ItemUrl}/milestones/no-such-milestone/reschedule", FollowUps.Reschedule().ToJsonString() },
        { "/api/statements/no-such-statement/clauses", Statements.Clause().ToJsonString() },
        { "/api/statements/no-such-statement/adoption", Statements.Adoption().ToJsonString() },
        { "/api/meetings/no-such-meeting/reschedule", MeetingTests.Reschedule().ToJsonString() },
        { "/api/meetings/no-such-meeting/held", MeetingTests.Held().ToJsonString() },
        { "/api/meetings/no-such-meeting/outcome", MeetingTests.Outcome().ToJsonString() },
        { "/api/meetings/no-such-meeting/cancellation", MeetingTests.Cancellation().ToJsonString() },
    };

    protected override bool SharesRecord => true;

    protected override async Task ArrangeSharedAsync()
    {
        await SeedAsync();
        await ChangedAsync(Plans.ItemsUrl, Plans.NewItem(), PlanId);
    }

    [Theory]
    [MemberData(nameof(UnknownRecords))]
    public async Task A_change_to_an_unknown_record_answers_404_and_nothing_is_appended(string url, string body) =>
        await NotFoundAsync(url, JsonNode.Parse(body)!);
}
