namespace Consultations.Tests.Api;

/// <summary>
/// What the read routes answer for records that do not exist and for query values they cannot read (NUL included), over
/// the bundled record imported once for the class.
/// </summary>
public class ReadProblemTests(AppFixture fixture) : IntegrationContext(fixture)
{
    protected override bool SharesRecord => true;

    [Theory]
    [InlineData("/api/fields/JPIT-99", "No such cooperation field.")]
    [InlineData("/api/commitments/no-such-commitment", "No such commitment.")]
    [InlineData("/api/meetings/no-such-meeting", "No such meeting.")]
    [InlineData("/api/statements/no-such-statement", "No such joint statement.")]
    [InlineData("/api/action-plans/no-such-plan", "No such action plan.")]
    [InlineData("/api/dialogues/no-such-dialogue", "No such dialogue.")]
    [InlineData("/api/audit?record=no-such-record", "No such record.")]
    public async Task An_unknown_record_is_a_404_problem(string url, string title)
    {
        var (status, body) = await GetAsync(url);

        Assert.Equal(404, status);
        AssertProblem(body, 404);
        Assert.Equal(title, body!["title"]!.GetValue<string>());
        Assert.Contains(url.Split('/', '=')[^1], body["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_commitment_status_filter_is_a_400_naming_status()
    {
        var (status, body) = await GetAsync("/api/commitments?status=done");

        Assert.Equal(400, status);
        AssertFieldError(body, "status");
        Assert.Contains("in-progress", body!["errors"]!["status"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_member_in_a_body_is_a_400_naming_that_member()
    {
        var (status, body) = await PostAsync("/api/fields",
            """{"fieldCode":"JPIT-11","dialogueId":"japan-italy-space","number":11,"titel":"Typo","title":"T","scope":"S","effectiveOn":"2026-06-15"}""");

        Assert.Equal(400, status);
        AssertFieldError(body, "titel");
        Assert.Single(body!["errors"]!.AsObject());
    }

    [Theory]
    [InlineData("/api/fields?dialogue=%00")]
    [InlineData("/api/commitments?field=JPIT%0001")]
    [InlineData("/api/timeline?kind=%00")]
    [InlineData("/api/audit?record=jpit-06-solar-c%00")]
    [InlineData("/api/meetings?dialogue=japan%01italy")]
    [InlineData("/api/commitments/jpit-06-solar-c%01")]
    [InlineData("/api/fields/JPIT%0106")]
    public async Task NUL_in_a_query_value_or_path_segment_is_a_400(string url)
    {
        var (status, body) = await GetAsync(url);
        Assert.Equal(400, status);
        Assert.True(body?["errors"] is JsonObject { Count: > 0 }, body?.ToJsonString());
    }
}
