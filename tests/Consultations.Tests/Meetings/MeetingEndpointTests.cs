using Consultations.Domain.Meetings;

namespace Consultations.Tests.Meetings;

public class MeetingEndpointTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    internal const string NewMeeting = "space-consultations-3-tokyo";

    internal static JsonObject Schedule() => new()
    {
        ["meetingId"] = NewMeeting, ["dialogueId"] = DialogueId, ["kind"] = "consultation", ["title"] = "Third bilateral space consultations",
        ["place"] = "Tokyo", ["plannedDates"] = Dates("2027-03-10", "2027-03-11"), ["parties"] = new JsonArray("Japan", "Italy"),
        ["delegations"] = new JsonArray(Delegation("Japan", "JAXA President", "Director A"), Delegation("Italy")), ["effectiveOn"] = "2026-10-01",
    };

    internal static JsonObject Reschedule() => new()
    {
        ["place"] = "Milan", ["plannedDates"] = Dates("2027-02-10", "2027-02-11"), ["effectiveOn"] = "2026-10-20", ["reason"] = "Dates agreed through diplomatic channels.",
    };

    internal static JsonObject Held(string from = "2026-10-20", string? to = "2026-10-21") => new()
    {
        ["dates"] = Dates(from, to), ["place"] = "Rome", ["participants"] = new JsonArray(
            Delegation("Japan", "Head of the Japanese delegation"), Delegation("Italy", "Head of the Italian delegation")),
    };

    internal static JsonObject Outcome() => new()
    {
        ["summary"] = "The first consultations reviewed the fields of cooperation.", ["decisions"] = new JsonArray("Hold the second consultations in Rome."),
        ["fieldCodes"] = new JsonArray("JPIT-08", "JPIT-05"), ["effectiveOn"] = "2026-06-15",
        // The bundled first consultations already have an outcome: this one revises it (ADR 0060).
        ["reason"] = "The minutes list the fields and the decision.",
    };

    internal static JsonObject Cancellation() => new() { ["effectiveOn"] = "2026-10-20", ["reason"] = "Postponed sine die." };

    internal static JsonObject Dates(string from, string? to) => to is null ? new() { ["from"] = from } : new() { ["from"] = from, ["to"] = to };

    internal static JsonObject Delegation(string party, string? head = null, params string[] members) =>
        new() { ["party"] = party, ["head"] = head, ["members"] = new JsonArray([.. members.Select(m => (JsonNode)m)]) };

    internal static JsonArray Delegations(params string[] parties) => new([.. parties.Select(p => (JsonNode)Delegation(p))]);

    [Theory]
    [InlineData("")]
    [InlineData("reschedule")]
    [InlineData("held")]
    [InlineData("outcome")]
    [InlineData("cancellation")]
    public async Task Repeating_a_command_to_a_meeting_is_idempotent(string action)
    {
        await SeedAsync();
        var (meeting, body) = action switch
        {
            "" => (NewMeeting, Schedule()),
            "reschedule" => (SecondConsultations, Reschedule()),
            "held" => (SecondConsultations, Held()),
            "outcome" => (FirstConsultations, Outcome()),
            _ => (SecondConsultations, Cancellation()),
        };
        if (action == "") await RepeatIsIdempotentAsync("/api/meetings", body, meeting, creates: true, location: $"/api/meetings/{meeting}");
        else await RepeatIsIdempotentAsync($"/api/meetings/{meeting}/{action}", body, meeting);
    }

    // --- POST /api/meetings

    [Fact]
    public async Task Scheduling_a_meeting_answers_201_with_its_location_and_the_meeting_can_be_read()
    {
        await SeedAsync();
        var (meeting, scheduled) = await CreatedAndShownAsync<MeetingScheduled>("/api/meetings", Schedule(), NewMeeting, $"/api/meetings/{NewMeeting}");

        Assert.Equal(("scheduled", "consultation", "Tokyo"), (Text(meeting, "status"), Text(meeting, "kind"), Text(meeting, "place")));
        Assert.Equal(("2027-03-10", "2027-03-11"), (Text(meeting, "plannedDates.from"), Text(meeting, "plannedDates.to")));
        Assert.Equal("JAXA President", Text(meeting, "delegations.0.head"));
        Assert.Equal("2026-10-01", scheduled.EffectiveOn?.ToString());
    }

    [Fact]
    public async Task A_meeting_without_dates_nor_a_known_arrangement_date_can_be_scheduled()
    {
        await SeedAsync();
        var (meeting, scheduled) = await CreatedAndShownAsync<MeetingScheduled>("/api/meetings", Schedule().With("plannedDates", null).Without("effectiveOn"),
            NewMeeting, $"/api/meetings/{NewMeeting}");

        Assert.Null(meeting["plannedDates"]);
        Assert.Null(scheduled.PlannedDates);
        Assert.Null(scheduled.EffectiveOn);
    }

    [Fact]
    public async Task Replaying_the_original_schedule_of_a_rescheduled_meeting_is_idempotent()
    {
        // Place and planned dates move with rescheduling, so the first schedule, repeated later, still matches the record.
        await SeedAsync();
        await CreatedAsync("/api/meetings", Schedule(), NewMeeting, $"/api/meetings/{NewMeeting}");
        await ChangedAsync($"/api/meetings/{NewMeeting}/reschedule", Reschedule(), NewMeeting);
        await UnchangedAsync("/api/meetings", Schedule(), NewMeeting);
        Assert.Equal("Milan", Text(await ReadAsync($"/api/meetings/{NewMeeting}"), "place"));
    }

    // --- POST /api/meetings/{id}/reschedule, /held, /outcome, /cancellation

    [Fact]
    public async Task Rescheduling_a_meeting_is_recorded_and_shown()
    {
        await SeedAsync();
        var (meeting, rescheduled) = await ChangedAndShownAsync<MeetingRescheduled>($"/api/meetings/{SecondConsultations}/reschedule", Reschedule(),
            SecondConsultations, $"/api/meetings/{SecondConsultations}");

        Assert.Equal(("Milan", "2027-02-10", "scheduled"), (Text(meeting, "place"), Text(meeting, "plannedDates.from"), Text(meeting, "status")));
        Assert.Equal(("2026-10-20", "Dates agreed through diplomatic channels."), (rescheduled.EffectiveOn.ToString(), rescheduled.Reason));
    }

    [Fact]
    public async Task Recording_a_meeting_as_held_is_recorded_and_shown()
    {
        await SeedAsync();
        var (meeting, held) = await ChangedAndShownAsync<MeetingHeld>($"/api/meetings/{SecondConsultations}/held", Held(),
            SecondConsultations, $"/api/meetings/{SecondConsultations}");

        Assert.Equal(("held", "2026-10-20", "2026-10-21"), (Text(meeting, "status"), Text(meeting, "heldDates.from"), Text(meeting, "heldDates.to")));
        Assert.Equal("Head of the Italian delegation", Text(meeting, "participants.1.head"));
        Assert.Equal("2026-10-20", held.EffectiveOn.ToString());
    }

    [Fact]
    public async Task Recording_a_meeting_outcome_is_recorded_and_shown()
    {
        await SeedAsync();
        var (meeting, recorded) = await ChangedAndShownAsync<MeetingOutcomeRecorded>($"/api/meetings/{FirstConsultations}/outcome", Outcome(),
            FirstConsultations, $"/api/meetings/{FirstConsultations}");

        Assert.Equal("The first consultations reviewed the fields of cooperation.", Text(meeting, "outcome.summary"));
        Assert.Equal(["JPIT-08", "JPIT-05"], meeting["outcome"]!["fieldCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("Hold the second consultations in Rome.", Text(meeting, "outcome.decisions.0"));
        Assert.Equal("2026-06-15", recorded.EffectiveOn.ToString());
    }

    [Fact]
    public async Task A_second_outcome_needs_a_reason_and_its_history_line_shows_the_outcome_it_revises()
    {
        await SeedAsync();
        var url = $"/api/meetings/{FirstConsultations}";
        var first = Text(await ReadAsync(url), "outcome.summary");
        await InvalidAsync($"{url}/outcome", Outcome().Without("reason"), "reason");

        await ChangedAsync($"{url}/outcome", Outcome(), FirstConsultations);
        var line = (await ReadAsync(url))["history"]!.AsArray().Last(h => Text(h, "kind") == "meeting-outcome-recorded")!;
        Assert.Equal("The minutes list the fields and the decision.", Text(line, "reason"));
        var summary = line["changes"]!.AsArray().Single(c => Text(c, "field") == "summary")!;
        Assert.Equal((first, "The first consultations reviewed the fields of cooperation."), (Text(summary, "was"), Text(summary, "now")));
    }

    [Fact]
    public async Task Cancelling_a_meeting_is_recorded_and_shown()
    {
        await SeedAsync();
        var (meeting, cancelled) = await ChangedAndShownAsync<MeetingCancelled>($"/api/meetings/{SecondConsultations}/cancellation", Cancellation(),
            SecondConsultations, $"/api/meetings/{SecondConsultations}");

        Assert.Equal(("cancelled", "Postponed sine die."), (Text(meeting, "status"), Text(meeting, "cancellationReason")));
        Assert.Equal("2026-10-20", cancelled.EffectiveOn.ToString());
    }
}
