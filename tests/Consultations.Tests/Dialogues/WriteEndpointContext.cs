using JasperFx.Events;

namespace Consultations.Tests;

/// <summary>
/// Helpers shared by the write-endpoint tests: posting while watching the event count, and asserting the answers
/// (Recorded bodies, ProblemDetails with a field or a rule) the way every write endpoint of the API gives them.
/// </summary>
public abstract class WriteEndpointContext(AppFixture fixture) : IntegrationContext(fixture)
{
    // Ids of the bundled record (data/japan-italy-space.yaml) are those of JapanItalyRecord, in scope everywhere.

    protected static string InTwoDays => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd");

    protected static string NextYear => (DateTime.UtcNow.Year + 1).ToString();

    // Records of a second dialogue, made by OtherDialogueAsync, to check that references stay within one dialogue.
    protected const string OtherDialogue = "japan-france-space";
    protected const string OtherField = "JPFR-01";
    protected const string OtherMeeting = "jpfr-consultations-1";
    protected const string OtherStatement = "jpfr-statement-1";
    protected const string OtherPlan = "jpfr-plan";

    /// <summary>A second dialogue with one field, one held meeting, one statement (clause 1) and one plan (item "a").</summary>
    protected async Task OtherDialogueAsync()
    {
        async Task Post(string url, object body)
        {
            var answer = await SendAsync(url, body);
            Assert.True(answer.Status is 200 or 201, $"Setting up the other dialogue, {url} answered {answer.Status}: {answer.Body?.ToJsonString()}");
        }

        await Post("/api/dialogues", new { dialogueId = OtherDialogue, title = "Japan–France space", parties = new[] { "Japan", "France" }, effectiveOn = "2026-02-01" });
        await Post("/api/fields", new { fieldCode = OtherField, dialogueId = OtherDialogue, number = 1, title = "Launchers", scope = "Launch services.", effectiveOn = "2026-02-01" });
        await Post("/api/meetings", new
        {
            meetingId = OtherMeeting, dialogueId = OtherDialogue, kind = "consultation", title = "First Japan–France consultations", place = "Paris",
            plannedDates = new { from = "2026-03-02" }, parties = new[] { "Japan", "France" }, delegations = Array.Empty<object>(),
        });
        await Post($"/api/meetings/{OtherMeeting}/held", new { dates = new { from = "2026-03-02" } });
        await Post("/api/statements", new { statementId = OtherStatement, dialogueId = OtherDialogue, title = "Japan–France statement", effectiveOn = "2026-03-02" });
        await Post($"/api/statements/{OtherStatement}/clauses", new { number = 1, fieldCode = OtherField, heading = "Launchers", text = "Cooperation on launchers.", effectiveOn = "2026-03-02" });
        await Post("/api/action-plans", new { planId = OtherPlan, dialogueId = OtherDialogue, title = "Japan–France plan", periodFrom = "2026", periodTo = "2028", effectiveOn = "2026-03-02" });
        await Post($"/api/action-plans/{OtherPlan}/items", new { itemId = "a", fieldCode = OtherField, text = "Study a joint launch.", effectiveOn = "2026-03-02" });
    }

    protected sealed record Answer(int Status, JsonNode? Body, string? Location);

    /// <summary>POSTs a body (an object, a JsonNode, or raw JSON text) and answers status, body and Location.</summary>
    protected async Task<Answer> SendAsync(string url, object body)
    {
        var result = await Host.Scenario(x =>
        {
            switch (body)
            {
                case string raw: x.Post.Text(raw).ToUrl(url); break;
                case JsonNode node: x.Post.Text(node.ToJsonString()).ToUrl(url); break;
                default: x.Post.Json(body, JsonStyle.MinimalApi).ToUrl(url); break;
            }

            x.WithRequestHeader("Content-Type", "application/json");
            x.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        var location = result.Context.Response.Headers.Location.ToString();
        return new Answer(result.Context.Response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text),
            string.IsNullOrEmpty(location) ? null : location);
    }

    /// <summary>A creating route: 201, Location, created = true, the events appended and counted.</summary>
    protected async Task<JsonNode> CreatedAsync(string url, object body, string id, string location, int appended = 1)
    {
        var before = await EventCountAsync();
        var answer = await SendAsync(url, body);
        Assert.True(answer.Status == 201, $"Expected 201 from {url}, got {answer.Status}: {answer.Body?.ToJsonString()}");
        Assert.Equal(location, answer.Location);
        AssertRecorded(answer.Body, id, appended, created: true);
        Assert.Equal(appended, answer.Body!["version"]!.GetValue<long>());
        Assert.Equal(before + appended, await EventCountAsync());
        return answer.Body!;
    }

    /// <summary>A change to an existing record: 200, no Location, created = false, the events appended and counted.</summary>
    protected async Task<JsonNode> ChangedAsync(string url, object body, string id, int appended = 1)
    {
        var before = await EventCountAsync();
        var versionBefore = await StreamVersionAsync(id);
        var answer = await SendAsync(url, body);
        Assert.True(answer.Status == 200, $"Expected 200 from {url}, got {answer.Status}: {answer.Body?.ToJsonString()}");
        Assert.Null(answer.Location);
        AssertRecorded(answer.Body, id, appended, created: false);
        Assert.Equal(versionBefore + appended, answer.Body!["version"]!.GetValue<long>());
        Assert.Equal(before + appended, await EventCountAsync());
        return answer.Body!;
    }

    /// <summary>The command is what the record already says: 200, appended 0, the version unchanged, nothing stored.</summary>
    protected Task<JsonNode> UnchangedAsync(string url, object body, string id) => ChangedAsync(url, body, id, appended: 0);

    /// <summary>Sends the same command twice: the first changes the record, the repeat is answered 200 with nothing appended.</summary>
    protected async Task RepeatIsIdempotentAsync(string url, object body, string id, bool creates = false, string? location = null)
    {
        if (creates) await CreatedAsync(url, body, id, location!);
        else await ChangedAsync(url, body, id);
        await UnchangedAsync(url, body, id);
    }

    /// <summary>
    /// A refused command: the status, a ProblemDetails body of that status, the field named in <c>errors</c> (400) or
    /// the <c>rule</c> extension (409/422), and not a single event appended.
    /// </summary>
    protected async Task<JsonNode> RefusedAsync(string url, object body, int status, string? field = null, string? rule = null)
    {
        var before = await EventCountAsync();
        var answer = await SendAsync(url, body);
        Assert.True(answer.Status == status, $"Expected {status} from {url}, got {answer.Status}: {answer.Body?.ToJsonString()}");
        Assert.NotNull(answer.Body);
        AssertProblem(answer.Body, status);
        if (status == 400)
        {
            var errors = answer.Body!["errors"] as JsonObject;
            Assert.True(errors is { Count: > 0 }, $"Expected a non-empty 'errors' in: {answer.Body.ToJsonString()}");
        }

        if (field is not null) AssertFieldError(answer.Body, field);
        if (rule is not null)
            Assert.True(answer.Body!["rule"]?.GetValue<string>() == rule, $"Expected rule '{rule}' in: {answer.Body.ToJsonString()}");
        Assert.Equal(before, await EventCountAsync());
        return answer.Body!;
    }

    protected Task<JsonNode> InvalidAsync(string url, object body, string field) => RefusedAsync(url, body, 400, field: field);

    protected Task<JsonNode> NotFoundAsync(string url, object body) => RefusedAsync(url, body, 404);

    protected Task<JsonNode> ConflictAsync(string url, object body, string rule) => RefusedAsync(url, body, 409, rule: rule);

    protected Task<JsonNode> BreaksRuleAsync(string url, object body, string rule) => RefusedAsync(url, body, 422, rule: rule);

    /// <summary>GETs a record that must exist.</summary>
    protected async Task<JsonNode> ReadAsync(string url)
    {
        var (status, body) = await GetAsync(url);
        Assert.True(status == 200, $"Expected 200 from GET {url}, got {status}: {body?.ToJsonString()}");
        return body!;
    }

    protected async Task<long> StreamVersionAsync(string id)
    {
        await using var session = Store.QuerySession();
        var state = await session.Events.FetchStreamStateAsync(id);
        return state?.Version ?? 0;
    }

    protected async Task<IReadOnlyList<IEvent>> StreamAsync(string id)
    {
        await using var session = Store.QuerySession();
        return await session.Events.FetchStreamAsync(id);
    }

    /// <summary>The last event of a stream is of type T, carries the effective date and was stamped by Marten just now.</summary>
    protected async Task<T> LastEventAsync<T>(string id, DateTimeOffset sentAt)
    {
        var events = await StreamAsync(id);
        Assert.NotEmpty(events);
        var last = events[^1];
        var data = Assert.IsType<T>(last.Data);
        Assert.Equal(id, last.StreamKey);
        Assert.Equal(events.Count, last.Version);
        Assert.InRange(last.Timestamp, sentAt.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        return data;
    }

    /// <summary>A creating command, as <see cref="CreatedAsync"/> checks it; then the record as read and its first event as stored.</summary>
    protected async Task<(JsonNode Record, T Event)> CreatedAndShownAsync<T>(string url, object body, string id, string location)
    {
        var sentAt = DateTimeOffset.UtcNow;
        await CreatedAsync(url, body, id, location);
        return (await ReadAsync(location), await LastEventAsync<T>(id, sentAt));
    }

    /// <summary>A change, as <see cref="ChangedAsync"/> checks it; then the record read at <paramref name="readUrl"/> and the event as stored.</summary>
    protected async Task<(JsonNode Record, T Event)> ChangedAndShownAsync<T>(string url, object body, string id, string readUrl)
    {
        var sentAt = DateTimeOffset.UtcNow;
        await ChangedAsync(url, body, id);
        return (await ReadAsync(readUrl), await LastEventAsync<T>(id, sentAt));
    }

    protected static void AssertRecorded(JsonNode? body, string id, int appended, bool created)
    {
        Assert.NotNull(body);
        Assert.Equal(id, body!["id"]?.GetValue<string>());
        Assert.Equal(appended, body["appended"]?.GetValue<int>());
        Assert.Equal(created, body["created"]?.GetValue<bool>());
        Assert.True(body["version"]?.GetValue<long>() > 0, $"Expected a positive version in: {body.ToJsonString()}");
    }

    protected static string Text(JsonNode? node, string path)
    {
        var current = node;
        foreach (var part in path.Split('.'))
            current = int.TryParse(part, out var i) ? current?[i] : current?[part];
        return current?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"No '{path}' in {node?.ToJsonString()}");
    }
}

public static class JsonBodies
{
    /// <summary>A copy of the body with a member set (null: JSON null).</summary>
    public static JsonObject With(this JsonObject body, string name, JsonNode? value)
    {
        var copy = body.DeepClone().AsObject();
        copy[name] = value;
        return copy;
    }

    /// <summary>A copy of the body without a member.</summary>
    public static JsonObject Without(this JsonObject body, string name)
    {
        var copy = body.DeepClone().AsObject();
        copy.Remove(name);
        return copy;
    }
}
