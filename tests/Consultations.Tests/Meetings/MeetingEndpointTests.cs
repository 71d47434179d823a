using System.Text.Json.Nodes;
using Consultations.Domain.Meetings;
using Consultations.Tests.Infrastructure;

namespace Consultations.Tests.Meetings;

public class MeetingEndpointTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    private const string NewMeeting = "space-consultations-3-tokyo";

    private static JsonObject Schedule() => new()
    {
        ["meetingId"] = NewMeeting,
        ["dialogueId"] = DialogueId,
        ["kind"] = "consultation",
        ["title"] = "Third bilateral space consultations",
        ["place"] = "Tokyo",
        ["plannedDates"] = new JsonObject { ["from"] = "2027-03-10", ["to"] = "2027-03-11" },
        ["parties"] = new JsonArray("Japan", "Italy"),
        ["delegations"] = new JsonArray(
            new JsonObject { ["party"] = "Japan", ["head"] = "JAXA President", ["members"] = new JsonArray("Director A") },
            new JsonObject { ["party"] = "Italy", ["head"] = null, ["members"] = new JsonArray() }),
        ["effectiveOn"] = "2026-10-01",
    };

    private static JsonObject Reschedule() => new()
    {
        ["place"] = "Milan",
        ["plannedDates"] = new JsonObject { ["from"] = "2027-02-10", ["to"] = "2027-02-11" },
        ["effectiveOn"] = "2026-10-20",
        ["reason"] = "Dates agreed through diplomatic channels.",
    };

    private static JsonObject Held(string from = "2026-10-20", string? to = "2026-10-21") => new()
    {
        ["dates"] = to is null ? new JsonObject { ["from"] = from } : new JsonObject { ["from"] = from, ["to"] = to },
        ["place"] = "Rome",
        ["participants"] = new JsonArray(
            new JsonObject { ["party"] = "Japan", ["head"] = "Head of the Japanese delegation", ["members"] = new JsonArray() },
            new JsonObject { ["party"] = "Italy", ["head"] = "Head of the Italian delegation", ["members"] = new JsonArray() }),
    };

    private static JsonObject Outcome() => new()
    {
        ["summary"] = "The first consultations reviewed the fields of cooperation.",
        ["decisions"] = new JsonArray("Hold the second consultations in Rome."),
        ["fieldCodes"] = new JsonArray("JPIT-08", "JPIT-05"),
        ["effectiveOn"] = "2026-06-15",
    };

    private static JsonObject Cancellation() => new()
    {
        ["effectiveOn"] = "2026-10-20",
        ["reason"] = "Postponed sine die.",
    };

    // --- POST /api/meetings

    [Fact]
    public async Task Scheduling_a_meeting_answers_201_with_its_location_and_the_meeting_can_be_read()
    {
        await SeedAsync();
        var sentAt = DateTimeOffset.UtcNow;
        await CreatedAsync("/api/meetings", Schedule(), NewMeeting, $"/api/meetings/{NewMeeting}");

        var meeting = await ReadAsync($"/api/meetings/{NewMeeting}");
        Assert.Equal("scheduled", Text(meeting, "status"));
        Assert.Equal("consultation", Text(meeting, "kind"));
        Assert.Equal("Tokyo", Text(meeting, "place"));
        Assert.Equal("2027-03-10", Text(meeting, "plannedDates.from"));
        Assert.Equal("2027-03-11", Text(meeting, "plannedDates.to"));
        Assert.Equal("JAXA President", Text(meeting, "delegations.0.head"));

        var scheduled = await LastEventAsync<MeetingScheduled>(NewMeeting, sentAt);
        Assert.Equal("2026-10-01", scheduled.EffectiveOn?.ToString());
    }

    [Fact]
    public async Task A_meeting_without_dates_nor_a_known_arrangement_date_can_be_scheduled()
    {
        await SeedAsync();
        await CreatedAsync("/api/meetings", Schedule().With("plannedDates", null).Without("effectiveOn"), NewMeeting, $"/api/meetings/{NewMeeting}");

        var meeting = await ReadAsync($"/api/meetings/{NewMeeting}");
        Assert.Null(meeting["plannedDates"]);
        var scheduled = Assert.IsType<MeetingScheduled>((await StreamAsync(NewMeeting))[0].Data);
        Assert.Null(scheduled.PlannedDates);
        Assert.Null(scheduled.EffectiveOn);
    }

    [Fact]
    public async Task Scheduling_the_same_meeting_twice_is_idempotent()
    {
        await SeedAsync();
        await RepeatIsIdempotentAsync("/api/meetings", Schedule(), NewMeeting, creates: true, location: $"/api/meetings/{NewMeeting}");
    }

    [Fact]
    public async Task Scheduling_a_seeded_meeting_again_under_another_title_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await ConflictAsync("/api/meetings", Schedule().With("meetingId", SecondConsultations), "meeting-scheduled-once");
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

    [Fact]
    public async Task Scheduling_a_meeting_again_with_other_delegations_or_arrangement_date_is_refused_rather_than_silently_ignored()
    {
        // Nothing but scheduling sets the delegations or the date the meeting was arranged: a second schedule that
        // differs there contradicts the record, yet it is answered 200 with nothing appended (the new details are lost).
        await SeedAsync();
        await CreatedAsync("/api/meetings", Schedule(), NewMeeting, $"/api/meetings/{NewMeeting}");
        await ConflictAsync("/api/meetings", Schedule().With("delegations", new JsonArray()), "meeting-scheduled-once");
        await ConflictAsync("/api/meetings", Schedule().With("effectiveOn", "2026-09-01"), "meeting-scheduled-once");
    }

    [Fact]
    public async Task Scheduling_a_meeting_that_ends_before_it_starts_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync("/api/meetings", Schedule().With("plannedDates", new JsonObject { ["from"] = "2027-03-10", ["to"] = "2027-03-09" }),
            "end-not-before-start");
        Assert.Equal(404, (await GetAsync($"/api/meetings/{NewMeeting}")).Status);
    }

    [Fact]
    public async Task Scheduling_a_meeting_arranged_in_the_future_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync("/api/meetings", Schedule().With("effectiveOn", InTwoDays), "effective-date-not-in-future");
    }

    [Fact]
    public async Task Scheduling_a_meeting_whose_two_parties_are_one_party_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync("/api/meetings", Schedule().With("parties", new JsonArray("Japan", "Japan ")).With("delegations", new JsonArray()),
            "meeting-has-two-parties");
    }

    [Fact]
    public async Task Scheduling_a_meeting_of_an_unknown_dialogue_is_refused_naming_the_dialogue()
    {
        await SeedAsync();
        await InvalidAsync("/api/meetings", Schedule().With("dialogueId", "no-such-dialogue"), "dialogueId");
    }

    [Fact]
    public async Task Scheduling_a_meeting_with_a_delegation_of_a_party_not_at_the_meeting_is_refused_naming_the_delegations()
    {
        await SeedAsync();
        var delegations = new JsonArray(new JsonObject { ["party"] = "France", ["head"] = null, ["members"] = new JsonArray() });
        await InvalidAsync("/api/meetings", Schedule().With("delegations", delegations), "delegations");
    }

    [Fact]
    public async Task Scheduling_a_meeting_with_an_invalid_delegation_is_refused_naming_the_delegation_member()
    {
        await SeedAsync();
        await InvalidAsync("/api/meetings",
            Schedule().With("delegations", new JsonArray(new JsonObject { ["party"] = " ", ["head"] = null, ["members"] = new JsonArray() })),
            "delegations[0].party");
        await InvalidAsync("/api/meetings",
            Schedule().With("delegations", new JsonArray(new JsonObject { ["party"] = "Japan", ["head"] = null, ["members"] = new JsonArray("A", "") })),
            "delegations[0].members[1]");
        await InvalidAsync("/api/meetings",
            Schedule().With("delegations", new JsonArray(
                new JsonObject { ["party"] = "Japan", ["head"] = null, ["members"] = new JsonArray() },
                new JsonObject { ["party"] = "Japan", ["head"] = null, ["members"] = new JsonArray() })),
            "delegations");
    }

    [Theory]
    [InlineData("kind", "conference")]
    [InlineData("meetingId", "Space Consultations")]
    [InlineData("title", "")]
    [InlineData("place", " ")]
    public async Task Scheduling_a_meeting_with_an_invalid_field_is_refused_naming_it(string field, string value)
    {
        await SeedAsync();
        await InvalidAsync("/api/meetings", Schedule().With(field, value), field);
    }

    [Fact]
    public async Task Scheduling_a_meeting_with_a_numeric_kind_is_refused_naming_the_kind()
    {
        await SeedAsync();
        await InvalidAsync("/api/meetings", Schedule().With("kind", 1), "kind");
    }

    [Theory]
    [InlineData("meetingId")]
    [InlineData("dialogueId")]
    [InlineData("kind")]
    [InlineData("title")]
    [InlineData("place")]
    [InlineData("parties")]
    [InlineData("delegations")]
    public async Task Scheduling_a_meeting_without_a_required_field_is_refused_naming_it(string field)
    {
        await SeedAsync();
        await InvalidAsync("/api/meetings", Schedule().Without(field), field);
    }

    [Fact]
    public async Task Scheduling_a_meeting_with_planned_dates_without_a_start_is_refused_naming_plannedDates_from()
    {
        await SeedAsync();
        await InvalidAsync("/api/meetings", Schedule().With("plannedDates", new JsonObject { ["to"] = "2027-03-11" }), "plannedDates.from");
    }

    [Fact]
    public async Task Scheduling_a_meeting_with_an_impossible_planned_date_is_refused_naming_plannedDates_from()
    {
        await SeedAsync();
        await InvalidAsync("/api/meetings", Schedule().With("plannedDates", new JsonObject { ["from"] = "2027-02-30" }), "plannedDates.from");
    }

    [Fact]
    public async Task Scheduling_a_meeting_with_an_unknown_property_is_refused_naming_it()
    {
        await SeedAsync();
        await InvalidAsync("/api/meetings", Schedule().With("agenda", "Space"), "agenda");
        await InvalidAsync("/api/meetings", Schedule().With("plannedDates", new JsonObject { ["from"] = "2027-03-10", ["until"] = "2027-03-11" }),
            "plannedDates.until");
    }

    [Fact]
    public async Task Scheduling_a_meeting_with_malformed_json_is_refused()
    {
        await RefusedAsync("/api/meetings", """{"meetingId": "m", "parties": ["Japan" "Italy"]}""", 400);
    }

    // --- POST /api/meetings/{id}/reschedule

    [Fact]
    public async Task Rescheduling_a_meeting_is_recorded_and_shown()
    {
        await SeedAsync();
        var sentAt = DateTimeOffset.UtcNow;
        await ChangedAsync($"/api/meetings/{SecondConsultations}/reschedule", Reschedule(), SecondConsultations);

        var meeting = await ReadAsync($"/api/meetings/{SecondConsultations}");
        Assert.Equal("Milan", Text(meeting, "place"));
        Assert.Equal("2027-02-10", Text(meeting, "plannedDates.from"));
        Assert.Equal("scheduled", Text(meeting, "status"));

        var rescheduled = await LastEventAsync<MeetingRescheduled>(SecondConsultations, sentAt);
        Assert.Equal("2026-10-20", rescheduled.EffectiveOn.ToString());
        Assert.Equal("Dates agreed through diplomatic channels.", rescheduled.Reason);
    }

    [Fact]
    public async Task Rescheduling_a_meeting_to_no_fixed_date_is_recorded()
    {
        await SeedAsync();
        await CreatedAsync("/api/meetings", Schedule(), NewMeeting, $"/api/meetings/{NewMeeting}");
        await ChangedAsync($"/api/meetings/{NewMeeting}/reschedule", Reschedule().With("plannedDates", null).With("place", "Tokyo"), NewMeeting);
        Assert.Null((await ReadAsync($"/api/meetings/{NewMeeting}"))["plannedDates"]);
    }

    [Fact]
    public async Task Rescheduling_a_meeting_twice_to_the_same_place_and_dates_is_idempotent()
    {
        await SeedAsync();
        await RepeatIsIdempotentAsync($"/api/meetings/{SecondConsultations}/reschedule", Reschedule(), SecondConsultations);
    }

    [Fact]
    public async Task Rescheduling_an_unknown_meeting_answers_404_and_nothing_is_appended()
    {
        await SeedAsync();
        await NotFoundAsync("/api/meetings/no-such-meeting/reschedule", Reschedule());
    }

    [Fact]
    public async Task Rescheduling_a_held_meeting_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await ConflictAsync($"/api/meetings/{RomeSummit}/reschedule", Reschedule(), "only-scheduled-meetings-reschedule");
        Assert.Equal("Rome", Text(await ReadAsync($"/api/meetings/{RomeSummit}"), "place"));
    }

    [Fact]
    public async Task Rescheduling_a_cancelled_meeting_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await ChangedAsync($"/api/meetings/{SecondConsultations}/cancellation", Cancellation(), SecondConsultations);
        await ConflictAsync($"/api/meetings/{SecondConsultations}/reschedule", Reschedule(), "only-scheduled-meetings-reschedule");
    }

    [Fact]
    public async Task Rescheduling_a_meeting_to_dates_that_end_before_they_start_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync($"/api/meetings/{SecondConsultations}/reschedule",
            Reschedule().With("plannedDates", new JsonObject { ["from"] = "2027-02-10", ["to"] = "2027-01-10" }), "end-not-before-start");
    }

    [Fact]
    public async Task Rescheduling_a_meeting_with_a_future_effective_date_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync($"/api/meetings/{SecondConsultations}/reschedule", Reschedule().With("effectiveOn", InTwoDays), "effective-date-not-in-future");
    }

    [Theory]
    [InlineData("reason")]
    [InlineData("effectiveOn")]
    [InlineData("place")]
    public async Task Rescheduling_a_meeting_without_a_required_field_is_refused_naming_it(string field)
    {
        await SeedAsync();
        await InvalidAsync($"/api/meetings/{SecondConsultations}/reschedule", Reschedule().Without(field), field);
    }

    [Theory]
    [InlineData("reason", " ")]
    [InlineData("place", "")]
    [InlineData("effectiveOn", "yesterday")]
    public async Task Rescheduling_a_meeting_with_a_blank_or_invalid_field_is_refused_naming_it(string field, string value)
    {
        await SeedAsync();
        await InvalidAsync($"/api/meetings/{SecondConsultations}/reschedule", Reschedule().With(field, value), field);
    }

    [Fact]
    public async Task Rescheduling_a_meeting_to_planned_dates_without_a_start_is_refused_naming_plannedDates_from()
    {
        await SeedAsync();
        await InvalidAsync($"/api/meetings/{SecondConsultations}/reschedule", Reschedule().With("plannedDates", new JsonObject()), "plannedDates.from");
    }

    [Fact]
    public async Task Rescheduling_a_meeting_with_an_unknown_property_or_malformed_json_is_refused()
    {
        await SeedAsync();
        await InvalidAsync($"/api/meetings/{SecondConsultations}/reschedule", Reschedule().With("kind", "summit"), "kind");
        await RefusedAsync($"/api/meetings/{SecondConsultations}/reschedule", "{", 400);
    }

    // --- POST /api/meetings/{id}/held

    [Fact]
    public async Task Recording_a_meeting_as_held_is_recorded_and_shown()
    {
        await SeedAsync();
        var sentAt = DateTimeOffset.UtcNow;
        await ChangedAsync($"/api/meetings/{SecondConsultations}/held", Held(), SecondConsultations);

        var meeting = await ReadAsync($"/api/meetings/{SecondConsultations}");
        Assert.Equal("held", Text(meeting, "status"));
        Assert.Equal("2026-10-20", Text(meeting, "heldDates.from"));
        Assert.Equal("2026-10-21", Text(meeting, "heldDates.to"));
        Assert.Equal("Head of the Italian delegation", Text(meeting, "participants.1.head"));

        var held = await LastEventAsync<MeetingHeld>(SecondConsultations, sentAt);
        Assert.Equal("2026-10-20", held.EffectiveOn.ToString());
    }

    [Fact]
    public async Task A_meeting_held_without_place_or_participants_keeps_the_planned_ones()
    {
        await SeedAsync();
        await ChangedAsync($"/api/meetings/{SecondConsultations}/held", new { dates = new { from = "2026-10-20" } }, SecondConsultations);

        var meeting = await ReadAsync($"/api/meetings/{SecondConsultations}");
        Assert.Equal("Rome", Text(meeting, "place"));
        Assert.Equal(["Japan", "Italy"], meeting["participants"]!.AsArray().Select(p => Text(p, "party")));
    }

    [Fact]
    public async Task Recording_a_meeting_as_held_twice_is_idempotent()
    {
        await SeedAsync();
        await RepeatIsIdempotentAsync($"/api/meetings/{SecondConsultations}/held", Held(), SecondConsultations);
    }

    [Fact]
    public async Task Recording_an_unknown_meeting_as_held_answers_404_and_nothing_is_appended()
    {
        await SeedAsync();
        await NotFoundAsync("/api/meetings/no-such-meeting/held", Held());
    }

    [Fact]
    public async Task Recording_a_held_meeting_as_held_on_other_dates_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await ConflictAsync($"/api/meetings/{RomeSummit}/held", Held("2026-06-16", null), "meeting-held-once");
    }

    [Fact]
    public async Task Recording_a_cancelled_meeting_as_held_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await ChangedAsync($"/api/meetings/{SecondConsultations}/cancellation", Cancellation(), SecondConsultations);
        await ConflictAsync($"/api/meetings/{SecondConsultations}/held", Held(), "cancelled-meetings-are-not-held");
        Assert.Equal("cancelled", Text(await ReadAsync($"/api/meetings/{SecondConsultations}"), "status"));
    }

    [Fact]
    public async Task Recording_a_meeting_held_on_dates_that_end_before_they_start_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync($"/api/meetings/{SecondConsultations}/held", Held("2026-10-20", "2026-10-19"), "end-not-before-start");
    }

    [Fact]
    public async Task Recording_a_meeting_as_held_in_the_future_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync($"/api/meetings/{SecondConsultations}/held", Held(InTwoDays, null), "effective-date-not-in-future");
        Assert.Equal("scheduled", Text(await ReadAsync($"/api/meetings/{SecondConsultations}"), "status"));
    }

    [Fact]
    public async Task Recording_a_meeting_as_held_without_dates_is_refused_naming_the_dates()
    {
        await SeedAsync();
        await InvalidAsync($"/api/meetings/{SecondConsultations}/held", Held().Without("dates"), "dates");
        await InvalidAsync($"/api/meetings/{SecondConsultations}/held", Held().With("dates", null), "dates");
        await InvalidAsync($"/api/meetings/{SecondConsultations}/held", Held().With("dates", new JsonObject { ["to"] = "2026-10-21" }), "dates.from");
    }

    [Fact]
    public async Task Recording_a_meeting_as_held_with_an_impossible_date_is_refused_naming_it()
    {
        await SeedAsync();
        await InvalidAsync($"/api/meetings/{SecondConsultations}/held", Held("2026-10-20", "2026-11-31"), "dates.to");
    }

    [Fact]
    public async Task Recording_a_meeting_as_held_with_an_invalid_participant_is_refused_naming_it()
    {
        await SeedAsync();
        await InvalidAsync($"/api/meetings/{SecondConsultations}/held",
            Held().With("participants", new JsonArray(new JsonObject { ["party"] = "", ["head"] = null, ["members"] = new JsonArray() })),
            "participants[0].party");
    }

    [Fact]
    public async Task Recording_a_meeting_as_held_with_a_participant_not_at_the_meeting_is_refused_naming_the_participants()
    {
        // Scheduling refuses delegations of parties not at the meeting; recording who took part should too.
        await SeedAsync();
        await InvalidAsync($"/api/meetings/{SecondConsultations}/held",
            Held().With("participants", new JsonArray(new JsonObject { ["party"] = "France", ["head"] = null, ["members"] = new JsonArray() })),
            "participants");
    }

    [Fact]
    public async Task Recording_a_meeting_as_held_with_an_unknown_property_or_malformed_json_is_refused()
    {
        await SeedAsync();
        await InvalidAsync($"/api/meetings/{SecondConsultations}/held", Held().With("attendance", 20), "attendance");
        await RefusedAsync($"/api/meetings/{SecondConsultations}/held", """{"dates": {"from": 2026-10-20}}""", 400);
    }

    // --- POST /api/meetings/{id}/outcome

    [Fact]
    public async Task Recording_a_meeting_outcome_is_recorded_and_shown()
    {
        await SeedAsync();
        var sentAt = DateTimeOffset.UtcNow;
        await ChangedAsync($"/api/meetings/{FirstConsultations}/outcome", Outcome(), FirstConsultations);

        var meeting = await ReadAsync($"/api/meetings/{FirstConsultations}");
        Assert.Equal("The first consultations reviewed the fields of cooperation.", Text(meeting, "outcome.summary"));
        Assert.Equal(["JPIT-08", "JPIT-05"], meeting["outcome"]!["fieldCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("Hold the second consultations in Rome.", Text(meeting, "outcome.decisions.0"));

        var recorded = await LastEventAsync<MeetingOutcomeRecorded>(FirstConsultations, sentAt);
        Assert.Equal("2026-06-15", recorded.EffectiveOn.ToString());
    }

    [Fact]
    public async Task A_meeting_outcome_without_an_effective_date_takes_effect_on_the_last_day_of_the_meeting()
    {
        await SeedAsync();
        var sentAt = DateTimeOffset.UtcNow;
        await ChangedAsync($"/api/meetings/{FirstConsultations}/outcome", Outcome().Without("effectiveOn"), FirstConsultations);
        var recorded = await LastEventAsync<MeetingOutcomeRecorded>(FirstConsultations, sentAt);
        Assert.Equal("2026-05-29", recorded.EffectiveOn.ToString());
    }

    [Fact]
    public async Task Recording_the_same_meeting_outcome_twice_is_idempotent()
    {
        await SeedAsync();
        await RepeatIsIdempotentAsync($"/api/meetings/{FirstConsultations}/outcome", Outcome(), FirstConsultations);
    }

    [Fact]
    public async Task Recording_the_outcome_of_an_unknown_meeting_answers_404_and_nothing_is_appended()
    {
        await SeedAsync();
        await NotFoundAsync("/api/meetings/no-such-meeting/outcome", Outcome());
    }

    [Fact]
    public async Task Recording_the_outcome_of_a_meeting_not_yet_held_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await ConflictAsync($"/api/meetings/{SecondConsultations}/outcome", Outcome(), "outcome-after-meeting-held");
        Assert.Null((await ReadAsync($"/api/meetings/{SecondConsultations}"))["outcome"]);
    }

    [Fact]
    public async Task Recording_an_outcome_that_takes_effect_before_the_meeting_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync($"/api/meetings/{FirstConsultations}/outcome", Outcome().With("effectiveOn", "2026-05-27"), "outcome-after-meeting-held");
    }

    [Fact]
    public async Task Recording_an_outcome_that_takes_effect_in_the_future_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync($"/api/meetings/{FirstConsultations}/outcome", Outcome().With("effectiveOn", InTwoDays), "effective-date-not-in-future");
    }

    [Fact]
    public async Task Recording_an_outcome_naming_an_unknown_field_is_refused_naming_that_field_code()
    {
        await SeedAsync();
        await InvalidAsync($"/api/meetings/{FirstConsultations}/outcome", Outcome().With("fieldCodes", new JsonArray("JPIT-08", "NOPE")), "fieldCodes[1]");
    }

    [Fact]
    public async Task Recording_an_outcome_naming_a_field_of_another_dialogue_is_refused_naming_that_field_code()
    {
        await SeedAsync();
        await OtherDialogueAsync();
        await InvalidAsync($"/api/meetings/{FirstConsultations}/outcome", Outcome().With("fieldCodes", new JsonArray(OtherField)), "fieldCodes[0]");
    }

    [Theory]
    [InlineData("summary")]
    [InlineData("decisions")]
    [InlineData("fieldCodes")]
    public async Task Recording_an_outcome_without_a_required_field_is_refused_naming_it(string field)
    {
        await SeedAsync();
        await InvalidAsync($"/api/meetings/{FirstConsultations}/outcome", Outcome().Without(field), field);
    }

    [Fact]
    public async Task Recording_an_outcome_with_a_blank_summary_or_decision_is_refused_naming_it()
    {
        await SeedAsync();
        await InvalidAsync($"/api/meetings/{FirstConsultations}/outcome", Outcome().With("summary", " "), "summary");
        await InvalidAsync($"/api/meetings/{FirstConsultations}/outcome", Outcome().With("decisions", new JsonArray("One", "")), "decisions[1]");
        await InvalidAsync($"/api/meetings/{FirstConsultations}/outcome", Outcome().With("fieldCodes", new JsonArray("JPIT-08", "JPIT-08")), "fieldCodes");
    }

    [Fact]
    public async Task Recording_an_outcome_with_an_unknown_property_or_malformed_json_is_refused()
    {
        await SeedAsync();
        await InvalidAsync($"/api/meetings/{FirstConsultations}/outcome", Outcome().With("minutes", "..."), "minutes");
        await RefusedAsync($"/api/meetings/{FirstConsultations}/outcome", """{"summary": "x", "decisions": [}""", 400);
    }

    // --- POST /api/meetings/{id}/cancellation

    [Fact]
    public async Task Cancelling_a_meeting_is_recorded_and_shown()
    {
        await SeedAsync();
        var sentAt = DateTimeOffset.UtcNow;
        await ChangedAsync($"/api/meetings/{SecondConsultations}/cancellation", Cancellation(), SecondConsultations);

        var meeting = await ReadAsync($"/api/meetings/{SecondConsultations}");
        Assert.Equal("cancelled", Text(meeting, "status"));
        Assert.Equal("Postponed sine die.", Text(meeting, "cancellationReason"));

        var cancelled = await LastEventAsync<MeetingCancelled>(SecondConsultations, sentAt);
        Assert.Equal("2026-10-20", cancelled.EffectiveOn.ToString());
    }

    [Fact]
    public async Task Cancelling_a_meeting_twice_is_idempotent()
    {
        await SeedAsync();
        await RepeatIsIdempotentAsync($"/api/meetings/{SecondConsultations}/cancellation", Cancellation(), SecondConsultations);
    }

    [Fact]
    public async Task Cancelling_an_unknown_meeting_answers_404_and_nothing_is_appended()
    {
        await SeedAsync();
        await NotFoundAsync("/api/meetings/no-such-meeting/cancellation", Cancellation());
    }

    [Fact]
    public async Task Cancelling_a_held_meeting_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await ConflictAsync($"/api/meetings/{RomeSummit}/cancellation", Cancellation(), "held-meetings-are-not-cancelled");
        Assert.Equal("held", Text(await ReadAsync($"/api/meetings/{RomeSummit}"), "status"));
    }

    [Fact]
    public async Task Cancelling_a_meeting_in_the_future_is_refused_and_nothing_is_appended()
    {
        await SeedAsync();
        await BreaksRuleAsync($"/api/meetings/{SecondConsultations}/cancellation", Cancellation().With("effectiveOn", InTwoDays), "effective-date-not-in-future");
    }

    [Theory]
    [InlineData("reason")]
    [InlineData("effectiveOn")]
    public async Task Cancelling_a_meeting_without_a_required_field_is_refused_naming_it(string field)
    {
        await SeedAsync();
        await InvalidAsync($"/api/meetings/{SecondConsultations}/cancellation", Cancellation().Without(field), field);
        await InvalidAsync($"/api/meetings/{SecondConsultations}/cancellation", Cancellation().With(field, null), field);
    }

    [Fact]
    public async Task Cancelling_a_meeting_with_a_blank_reason_is_refused_naming_the_reason()
    {
        await SeedAsync();
        await InvalidAsync($"/api/meetings/{SecondConsultations}/cancellation", Cancellation().With("reason", "   "), "reason");
        await InvalidAsync($"/api/meetings/{SecondConsultations}/cancellation", Cancellation().With("reason", new string('x', 2001)), "reason");
    }

    [Fact]
    public async Task Cancelling_a_meeting_whose_id_in_the_route_is_not_an_id_is_refused_naming_the_meeting_id()
    {
        await SeedAsync();
        await InvalidAsync("/api/meetings/NOT_AN_ID/cancellation", Cancellation(), "meetingId");
    }

    [Fact]
    public async Task Cancelling_a_meeting_with_an_unknown_property_or_malformed_json_is_refused()
    {
        await SeedAsync();
        await InvalidAsync($"/api/meetings/{SecondConsultations}/cancellation", Cancellation().With("cancelledBy", "Italy"), "cancelledBy");
        await RefusedAsync($"/api/meetings/{SecondConsultations}/cancellation", """{"reason": "x" "effectiveOn": "2026-10-20"}""", 400);
    }

    [Theory]
    [InlineData("/api/meetings")]
    [InlineData("/api/meetings/space-consultations-2-rome/reschedule")]
    [InlineData("/api/meetings/space-consultations-2-rome/held")]
    [InlineData("/api/meetings/space-consultations-1-tokyo/outcome")]
    [InlineData("/api/meetings/space-consultations-2-rome/cancellation")]
    public async Task Posting_a_null_body_is_refused_with_400_and_nothing_is_appended(string url)
    {
        await SeedAsync();
        await RefusedAsync(url, "null", 400);
    }

    [Theory]
    [InlineData("/api/meetings")]
    [InlineData("/api/meetings/space-consultations-2-rome/reschedule")]
    [InlineData("/api/meetings/space-consultations-2-rome/held")]
    [InlineData("/api/meetings/space-consultations-1-tokyo/outcome")]
    [InlineData("/api/meetings/space-consultations-2-rome/cancellation")]
    public async Task Posting_an_empty_body_is_refused_with_400_and_nothing_is_appended(string url)
    {
        await SeedAsync();
        await RefusedAsync(url, "", 400);
    }
}
