namespace Consultations.Tests.Auditing;

/// <summary>
/// A late recording and a correction: the commitment "jpit-06-solar-physics" (agreed on 2026-06-15) is recorded as in
/// progress since 2026-09-01, then that date is corrected to 2026-07-01. The two time axes disagree where they should.
/// </summary>
public class ReplayTests(AppFixture fixture) : AuditingContext(fixture)
{
    private const string Commitment = "jpit-06-solar-physics";

    private static string Status(JsonNode? c) => c!["status"]!.GetValue<string>();

    private static string Since(JsonNode? c) => c!["statusSince"]!.GetValue<string>();

    private static int Count(JsonNode? field, string status) => field!["commitments"]![status]!.GetValue<int>();

    private async Task<(string BeforeChange, string BeforeCorrection, long ChangeVersion)> LateRecordingAndCorrectionAsync()
    {
        await SeedAsync();
        var beforeChange = await InstantAsync();
        var (status, changed) = await PostAsAsync("Secretariat, A. Bianchi", $"/api/commitments/{Commitment}/status",
            new { to = "in-progress", effectiveOn = "2026-09-01", reason = "Work plan agreed between JAXA and ASI." });
        Assert.Equal(200, status);
        var beforeCorrection = await InstantAsync();
        var version = changed!["version"]!.GetValue<long>();
        var (corrected, body) = await PostAsAsync("Auditor, M. Rossi", $"/api/commitments/{Commitment}/status-corrections",
            new { version, effectiveOn = "2026-07-01", reason = "The JAXA–ASI minutes date the work plan to 1 July." });
        Assert.True(corrected == 200, body?.ToJsonString());
        return (beforeChange, beforeCorrection, version);
    }

    [Fact]
    public async Task A_commitment_replays_on_each_axis_and_both()
    {
        var (beforeChange, beforeCorrection, _) = await LateRecordingAndCorrectionAsync();

        var (_, now) = await GetAsync($"/api/commitments/{Commitment}");
        Assert.Equal("in-progress", Status(now));
        Assert.Equal("2026-07-01", Since(now));

        var (_, asRecordedBeforeChange) = await GetAsync($"/api/commitments/{Commitment}?recordedAt={beforeChange}");
        Assert.Equal("agreed", Status(asRecordedBeforeChange));

        var (_, asRecordedBeforeCorrection) = await GetAsync($"/api/commitments/{Commitment}?recordedAt={beforeCorrection}");
        Assert.Equal("in-progress", Status(asRecordedBeforeCorrection));
        Assert.Equal("2026-09-01", Since(asRecordedBeforeCorrection));

        // In effect on 1 August, as known now (corrected): in progress. As believed before the correction: still agreed.
        var (_, inEffect) = await GetAsync($"/api/commitments/{Commitment}?effectiveOn=2026-08-01");
        Assert.Equal("in-progress", Status(inEffect));
        var (_, believed) = await GetAsync($"/api/commitments/{Commitment}?recordedAt={beforeCorrection}&effectiveOn=2026-08-01");
        Assert.Equal("agreed", Status(believed));

        // Before it was made, it was not on record.
        var (status, _) = await GetAsync($"/api/commitments/{Commitment}?effectiveOn=2026-06-01");
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task Field_status_and_timeline_replay_on_both_axes()
    {
        var (_, beforeCorrection, _) = await LateRecordingAndCorrectionAsync();

        var (_, known) = await GetAsync("/api/fields/JPIT-06?effectiveOn=2026-08-01");
        Assert.Equal(2, Count(known, "inProgress"));
        Assert.Equal(0, Count(known, "agreed"));
        var brief = known!["commitmentList"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == Commitment);
        Assert.Equal("2026-07-01", brief!["statusSince"]!.GetValue<string>());

        var (_, believed) = await GetAsync($"/api/fields/JPIT-06?recordedAt={beforeCorrection}&effectiveOn=2026-08-01");
        Assert.Equal(1, Count(believed, "inProgress"));
        Assert.Equal(1, Count(believed, "agreed"));

        // The fields were defined by the Rome statement of 15 June.
        var (_, before) = await GetAsync("/api/fields?effectiveOn=2026-06-14");
        Assert.Empty(before!.AsArray());
        var (_, list) = await GetAsync("/api/fields?effectiveOn=2026-06-15");
        Assert.Equal(10, list!.AsArray().Count);
        Assert.Equal(23, list.AsArray().Sum(f => f!["commitments"]!["total"]!.GetValue<int>()));

        var (_, timelineThen) = await GetAsync($"/api/timeline?kind=commitment-status&recordedAt={beforeCorrection}");
        Assert.Equal("2026-09-01", Assert.Single(timelineThen!.AsArray())!["effectiveOn"]!.GetValue<string>());
        var (_, timelineNow) = await GetAsync("/api/timeline?kind=commitment-status");
        Assert.Equal("2026-07-01", Assert.Single(timelineNow!.AsArray())!["effectiveOn"]!.GetValue<string>());
        var (_, timelineJune) = await GetAsync("/api/timeline?kind=commitment-status&effectiveOn=2026-06-30");
        Assert.Empty(timelineJune!.AsArray());
    }

    [Fact]
    public async Task Replayed_now_the_record_equals_what_the_projections_hold()
    {
        await LateRecordingAndCorrectionAsync();
        await PostAsync("/api/meetings/space-consultations-1-tokyo/held-corrections",
            new { dates = new { from = "2026-05-27", to = "2026-05-29" }, reason = "A preparatory day was part of the consultations." });
        var now = await InstantAsync();

        foreach (var route in new[] { "/api/fields", "/api/fields/JPIT-06", "/api/timeline", $"/api/commitments/{Commitment}", "/api/meetings/space-consultations-1-tokyo" })
        {
            var separator = route.Contains('?') ? '&' : '?';
            var (_, live) = await GetAsync(route);
            var (_, replayed) = await GetAsync($"{route}{separator}recordedAt={now}");
            Assert.Equal(live!.ToJsonString(), replayed!.ToJsonString());
        }
    }

    [Fact]
    public async Task A_meeting_held_correction_shows_after_it_was_recorded_only()
    {
        await SeedAsync();
        const string meeting = "space-consultations-1-tokyo";
        var before = await InstantAsync();
        var (status, body) = await PostAsync($"/api/meetings/{meeting}/held-corrections",
            new { dates = new { from = "2026-05-27", to = "2026-05-29" }, reason = "A preparatory day was part of the consultations." });
        Assert.True(status == 200, body?.ToJsonString());

        var (_, then) = await GetAsync($"/api/meetings/{meeting}?recordedAt={before}");
        Assert.Equal("2026-05-28", then!["heldDates"]!["from"]!.GetValue<string>());
        var (_, now) = await GetAsync($"/api/meetings/{meeting}");
        Assert.Equal("2026-05-27", now!["heldDates"]!["from"]!.GetValue<string>());

        var (_, again) = await PostAsync($"/api/meetings/{meeting}/held-corrections",
            new { dates = new { from = "2026-05-27", to = "2026-05-29" }, reason = "Same again." });
        Assert.Equal(0, again!["appended"]!.GetValue<int>());

        var (_, timeline) = await GetAsync($"/api/timeline?kind=meeting&recordedAt={before}");
        Assert.Contains(timeline!.AsArray(), i => i!["id"]!.GetValue<string>() == $"meeting:{meeting}" && i["effectiveOn"]!.GetValue<string>() == "2026-05-28");
    }

    [Fact]
    public async Task A_correction_must_name_a_status_change()
    {
        await SeedAsync();
        var (status, body) = await PostAsync($"/api/commitments/{Commitment}/status-corrections",
            new { version = 1, effectiveOn = "2026-07-01", reason = "Wrong target." });
        Assert.Equal(409, status);
        Assert.Equal("correction-names-a-status-change", body!["rule"]!.GetValue<string>());

        var (missing, _) = await PostAsync("/api/commitments/no-such-commitment/status-corrections",
            new { version = 1, effectiveOn = "2026-07-01", reason = "Nothing to correct." });
        Assert.Equal(404, missing);
    }

    [Theory]
    [InlineData("/api/fields?recordedAt=yesterday", "recordedAt")]
    [InlineData("/api/fields?recordedAt=2026-06-01", "recordedAt")]
    [InlineData("/api/fields/JPIT-01?recordedAt=2999-01-01T00:00:00Z", "recordedAt")]
    [InlineData("/api/commitments/x?effectiveOn=2026-13-01", "effectiveOn")]
    [InlineData("/api/meetings/x?effectiveOn=2999-01-01", "effectiveOn")]
    [InlineData("/api/timeline?effectiveOn=2026-06", "effectiveOn")]
    [InlineData("/api/changes?from=2026-06-01&axis=sideways", "axis")]
    [InlineData("/api/changes?axis=effective", "from")]
    [InlineData("/api/audit", "record")]
    [InlineData("/api/ledger/verify?digest=12:nothex", "digest")]
    public async Task Unreadable_or_future_dates_are_a_400_naming_the_parameter(string url, string parameter)
    {
        var (status, body) = await GetAsync(url);
        Assert.Equal(400, status);
        AssertFieldError(body, parameter);
    }

    [Fact]
    public async Task The_audit_trail_shows_who_recorded_what_and_why_and_both_sides_of_a_correction()
    {
        var (_, _, version) = await LateRecordingAndCorrectionAsync();

        var (status, trail) = await GetAsync($"/api/audit?record={Commitment}");
        Assert.Equal(200, status);
        var events = trail!.AsArray();
        Assert.Equal(3, events.Count);
        Assert.Equal("test", events[0]!["user"]!.GetValue<string>());
        var change = events[1]!;
        var correction = events[2]!;
        Assert.Equal("commitment_status_changed", change["type"]!.GetValue<string>());
        Assert.Equal(version, change["version"]!.GetValue<long>());
        Assert.Equal("2026-09-01", change["effectiveOn"]!.GetValue<string>());
        Assert.Equal("Secretariat, A. Bianchi", change["user"]!.GetValue<string>());
        Assert.Equal("Work plan agreed between JAXA and ASI.", change["reason"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(change["correlationId"]?.GetValue<string>()));
        Assert.Equal("commitment-status-changed", change["kind"]!.GetValue<string>());
        // The same event ids as the record's own history names.
        Assert.Equal([correction["eventId"]!.GetValue<string>()], change["correctedBy"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal("Auditor, M. Rossi", correction["user"]!.GetValue<string>());
        Assert.Equal(version, correction["corrects"]!["version"]!.GetValue<long>());
        Assert.Equal("2026-07-01", correction["effectiveOn"]!.GetValue<string>());

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var (_, range) = await GetAsync($"/api/audit?from={today}&to={today}");
        Assert.True(range!.AsArray().Count > 3);
    }

    [Fact]
    public async Task Changes_list_the_events_between_two_points_and_the_field_status_they_moved()
    {
        var (beforeChange, _, _) = await LateRecordingAndCorrectionAsync();

        var (status, recorded) = await GetAsync($"/api/changes?from={beforeChange}&field=JPIT-06");
        Assert.True(status == 200, recorded?.ToJsonString());
        Assert.Equal(2, recorded!["events"]!.AsArray().Count);
        var field = Assert.Single(recorded["fields"]!.AsArray())!;
        var changes = field["changes"]!.AsArray().ToDictionary(c => c!["path"]!.GetValue<string>(), c => (c!["before"]?.GetValue<string>(), c["after"]?.GetValue<string>()));
        Assert.Equal(("1", "0"), changes["commitments.agreed"]);
        Assert.Equal(("1", "2"), changes["commitments.inProgress"]);

        // On the effective axis, as known now, the change took effect in July: between 30 June and 1 August.
        var (_, effective) = await GetAsync("/api/changes?axis=effective&from=2026-06-30&to=2026-08-01&field=JPIT-06");
        Assert.Equal(["commitment_status_changed", "commitment_status_change_corrected"],
            effective!["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));
        var (_, august) = await GetAsync("/api/changes?axis=effective&from=2026-08-01&to=2026-09-30&field=JPIT-06");
        Assert.Empty(august!["events"]!.AsArray());
    }
}
