using System.Globalization;
using Consultations.Host.Auditing;
using JasperFx.Events;

namespace Consultations.Tests.Auditing;

/// <summary>
/// <c>/api/changes</c> selects and pages its events in the database and replays only the fields a page concerns (ADR 0051).
/// Its answers are compared with the changes as they were computed before, from two replays of the whole store
/// (<see cref="WholeStore"/>), on the bundled record at the days of its own history; pages list each event once; and writers
/// appending meanwhile never make a total go back nor an event be listed twice.
/// </summary>
public class ChangesPagingTests(AppFixture fixture) : AuditingContext(fixture)
{
    private const string Dialogue = "japan-italy-space";

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TheoryData<string, string, string?, string?> EffectiveWindows => new()
    {
        { "2026-01-15", "2026-01-16", null, null },
        { "2026-01-16", "2026-05-29", null, null },
        { "2026-05-29", "2026-06-15", null, null },
        { "2026-01-16", "2026-06-15", null, Dialogue },
        { "2026-05-29", "2026-06-15", "JPIT-06", null },
        { "2000-01-01", "2026-06-15", null, null },
        { "2026-06-15", "today", null, null },
    };

    [Theory]
    [MemberData(nameof(EffectiveWindows))]
    public async Task On_the_effective_axis_the_bundled_record_changes_as_the_whole_store_replay_says(string from, string to, string? field, string? dialogue)
    {
        await SeedAsync();
        to = to == "today" ? Today : to;

        await AssertSameAsWholeStoreAsync("effective", from, to, field, dialogue);
    }

    [Fact]
    public async Task On_the_recorded_axis_the_changes_are_those_of_the_whole_store_replay_voids_and_corrections_included()
    {
        var beforeSeed = DateTimeOffset.UtcNow.AddSeconds(-1);
        await SeedAsync();
        var seeded = DateTimeOffset.UtcNow;
        await FixSomeEntriesAsync();
        var now = DateTimeOffset.UtcNow;

        foreach (var (from, to) in new[] { (beforeSeed, now), (seeded, now), (beforeSeed, seeded) })
        {
            foreach (var (field, dialogue) in new (string?, string?)[] { (null, null), ("JPIT-06", null), (null, Dialogue), ("JPIT-01", Dialogue) })
                await AssertSameAsWholeStoreAsync("recorded", Instant(from), Instant(to), field, dialogue);
        }

        // The fixes change what took effect, too.
        await AssertSameAsWholeStoreAsync("effective", "2026-05-01", Today, null, null);
        await AssertSameAsWholeStoreAsync("effective", "2026-05-29", "2026-06-15", "JPIT-06", null);
    }

    [Theory]
    [InlineData("recorded")]
    [InlineData("effective")]
    public async Task Paging_through_the_changes_lists_each_event_once_in_order(string axis)
    {
        await SeedAsync();
        await FixSomeEntriesAsync();
        var url = axis == "effective" ? $"/api/changes?axis=effective&from=2000-01-01&to={Today}" : $"/api/changes?from=2000-01-01&to={Instant(DateTimeOffset.UtcNow)}";
        var (whole, total) = await ChangesAsync(url + "&pageSize=1000");
        Assert.True(total > 20, $"Only {total} events in between.");
        Assert.Equal(total, whole["events"]!.AsArray().Count);

        var listed = new List<string>();
        for (var page = 1; page <= (total + 6) / 7; page++)
        {
            var (answer, pageTotal) = await ChangesAsync($"{url}&page={page}&pageSize=7");
            Assert.Equal(total, pageTotal);
            listed.AddRange(answer["events"]!.AsArray().Select(e => e!["eventId"]!.GetValue<string>()));
        }

        Assert.Equal(whole["events"]!.AsArray().Select(e => e!["eventId"]!.GetValue<string>()), listed);
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    [Fact]
    public async Task Writers_appending_meanwhile_never_make_a_total_go_back_nor_list_an_event_twice()
    {
        await SeedAsync();
        var from = Instant(DateTimeOffset.UtcNow);
        string[] commitments = ["jpit-06-solar-c", "jpit-06-solar-physics", "jpit-01-space-access", "jpit-02-artemis"];
        var open = new List<string>();
        foreach (var id in commitments)
        {
            if ((await GetAsync($"/api/commitments/{id}")).Status == 200) open.Add(id);
        }

        Assert.NotEmpty(open);
        var appended = 0;
        var writers = open.Select(async (id, w) =>
        {
            for (var i = 0; i < 6; i++)
            {
                var (status, body) = await PostAsync($"/api/commitments/{id}/party-progress",
                    new { party = "Japan", progress = i % 2 == 0 ? "delayed" : "in-progress", effectiveOn = "2026-07-01", reason = $"Writer {w}, step {i}." });
                Assert.Equal(200, status);
                Interlocked.Add(ref appended, body!["appended"]!.GetValue<int>());
            }
        }).ToList();

        var totals = new List<int>();
        var reading = Task.Run(async () =>
        {
            while (!writers.All(w => w.IsCompleted))
            {
                var (answer, total) = await ChangesAsync($"/api/changes?from={from}&pageSize=1000");
                var ids = answer["events"]!.AsArray().Select(e => e!["eventId"]!.GetValue<string>()).ToList();
                Assert.Equal(ids.Count, ids.Distinct().Count());
                Assert.Equal(total, ids.Count);
                totals.Add(total);
                var (trail, trailTotal) = await ChangesAsync($"/api/audit?from={from}&pageSize=1000");
                Assert.Equal(trailTotal, trail.AsArray().Count);
            }
        });
        await Task.WhenAll(writers);
        await reading;

        var (_, final) = await ChangesAsync($"/api/changes?from={from}&pageSize=1000");
        Assert.Equal(appended, final);
        Assert.True(appended > 0);
        Assert.Equal(totals.Order(), totals);
    }

    [Theory]
    [InlineData("/api/changes")]
    [InlineData("/api/audit")]
    public async Task Paging_through_a_window_while_writers_append_lists_each_event_once_in_order(string route)
    {
        await SeedAsync();
        var from = Instant(DateTimeOffset.UtcNow.AddDays(-1));
        var open = new List<string>();
        foreach (var id in new[] { "jpit-06-solar-c", "jpit-06-solar-physics", "jpit-01-space-access", "jpit-02-artemis" })
        {
            if ((await GetAsync($"/api/commitments/{id}")).Status == 200) open.Add(id);
        }

        Assert.NotEmpty(open);
        var firstWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = open.Select(async (id, w) =>
        {
            for (var i = 0; i < 8; i++)
            {
                var (status, _) = await PostAsync($"/api/commitments/{id}/party-progress",
                    new { party = "Italy", progress = i % 2 == 0 ? "delayed" : "in-progress", effectiveOn = "2026-07-01", reason = $"Writer {w}, step {i}." });
                Assert.Equal(200, status);
                firstWrite.TrySetResult();
            }
        }).ToList();

        // The window ends while the writers are writing: the walk starts with the record's own events, and the writers'
        // events, before and after that end, are appended meanwhile.
        await firstWrite.Task;
        var to = Instant(DateTimeOffset.UtcNow);
        var url = $"{route}?from={from}&to={to}&pageSize=7";
        var listed = new List<(string Id, long Sequence)>();
        var totals = new List<int>();
        for (var page = 1; page == 1 || (page - 1) * 7 < totals[^1]; page++)
        {
            var (answer, total) = await ChangesAsync($"{url}&page={page}");
            totals.Add(total);
            listed.AddRange(Events(answer));
        }

        await Task.WhenAll(writers);
        var (whole, wholeTotal) = await ChangesAsync($"{route}?from={from}&to={to}&pageSize=1000");
        Assert.True(wholeTotal > 20, $"Only {wholeTotal} events in the window.");
        Assert.Equal(Events(whole).Select(e => e.Id), listed.Select(e => e.Id));
        Assert.Equal(listed.Count, listed.Select(e => e.Id).Distinct().Count());
        Assert.Equal(listed.Select(e => e.Sequence).Order(), listed.Select(e => e.Sequence));
        Assert.Equal(totals.Order(), totals);
        Assert.Equal(wholeTotal, totals[^1]);

        static IEnumerable<(string Id, long Sequence)> Events(JsonNode answer) =>
            (answer is JsonArray trail ? trail : answer["events"]!.AsArray()).Select(e => (e!["eventId"]!.GetValue<string>(), e["sequence"]!.GetValue<long>()));
    }

    [Fact]
    public async Task The_indexes_a_page_is_read_by_are_in_the_schema()
    {
        foreach (var index in new[] { EventIndexes.RecordedName, EventIndexes.FixesName, EventIndexes.SequenceName })
            Assert.Equal(1L, await ScalarAsync<long>($"select count(*) from pg_indexes where schemaname = '{Schema}' and tablename = 'mt_events' and indexname = '{index}'"));
    }

    // ADR 0063: the footprints of the fields a page concerns are found through the index on their field codes, all codes in
    // one statement (Marten's FieldCodes.Contains tests the whole body, which that index cannot serve: a scan per code).
    [Fact]
    public async Task The_footprints_of_a_pages_fields_are_found_through_the_field_codes_index()
    {
        await SeedAsync();
        await using var session = Store.QuerySession();
        var query = Subject.FootprintsNaming(session, ["JPIT-06", "JPIT-01"]);
        Assert.Equal(
            (await Subject.Of(field: "JPIT-06").StreamsAsync(session, CancellationToken.None))!.Union((await Subject.Of(field: "JPIT-01").StreamsAsync(session, CancellationToken.None))!).Order(),
            (await query.Select(f => f.Id).ToListAsync()).Order());

        var command = query.ToCommand(Marten.Linq.FetchType.FetchMany);
        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var off = new Npgsql.NpgsqlCommand("set local enable_seqscan = off", connection, transaction)) await off.ExecuteNonQueryAsync();
        await using var explain = new Npgsql.NpgsqlCommand("explain " + command.CommandText, connection, transaction);
        foreach (Npgsql.NpgsqlParameter parameter in command.Parameters) explain.Parameters.Add(parameter.Clone());
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        Assert.Contains(plan, line => line.Contains("Bitmap Index Scan on mt_doc_recordfootprint_idx_fieldcodes_gin", StringComparison.Ordinal));
    }

    private async Task<(JsonNode Answer, int Total)> ChangesAsync(string url)
    {
        var result = await Host.Scenario(x =>
        {
            x.Get.Url(url);
            x.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        Assert.True(result.Context.Response.StatusCode == 200, $"{url} answered {result.Context.Response.StatusCode}: {text}");
        return (JsonNode.Parse(text)!, int.Parse(result.Context.Response.Headers["X-Total-Count"]!, CultureInfo.InvariantCulture));
    }

    // A status change voided, one corrected in its date, a meeting's place corrected: fixes recorded after the entries they fix.
    private async Task FixSomeEntriesAsync()
    {
        var (status, _) = await PostAsync("/api/commitments/jpit-06-solar-c/status", new { to = "fulfilled", effectiveOn = "2026-06-20", reason = "By mistake." });
        Assert.Equal(200, status);
        var (_, commitment) = await GetAsync("/api/commitments/jpit-06-solar-c");
        var mistake = commitment!["history"]!.AsArray().Last(h => h!["kind"]!.GetValue<string>() == "commitment-status-changed")!["eventId"]!.GetValue<string>();
        Assert.Equal(200, (await PostAsync("/api/voids", new { eventId = mistake, reason = "Recorded in error." })).Status);

        var (_, meeting) = await GetAsync("/api/meetings/space-consultations-1-tokyo");
        var held = meeting!["history"]!.AsArray().Single(h => h!["kind"]!.GetValue<string>() == "meeting-held")!["eventId"]!.GetValue<string>();
        Assert.Equal(200, (await PostAsync("/api/corrections", new { eventId = held, reason = "The place was recorded wrongly.", place = "Tokyo, JAXA" })).Status);

        var (_, physics) = await GetAsync("/api/commitments/jpit-06-solar-physics");
        var agreed = physics!["history"]!.AsArray().FirstOrDefault(h => h!["kind"]!.GetValue<string>() == "commitment-status-changed");
        if (agreed is not null)
            Assert.Equal(200, (await PostAsync("/api/corrections", new { eventId = agreed["eventId"]!.GetValue<string>(), reason = "A day later.", effectiveOn = "2026-06-16" })).Status);
    }

    private async Task AssertSameAsWholeStoreAsync(string axis, string from, string to, string? field, string? dialogue)
    {
        var url = $"/api/changes?axis={axis}&from={from}&to={to}&pageSize=1000" + (field is null ? "" : $"&field={field}") + (dialogue is null ? "" : $"&dialogue={dialogue}");
        var (answer, total) = await ChangesAsync(url);

        var expected = await WholeStore.ChangesAsync(Store, axis, Uri.UnescapeDataString(from), Uri.UnescapeDataString(to), field, dialogue);
        var json = System.Text.Json.JsonSerializer.SerializeToNode(expected, Json)!;
        Assert.Equal(expected.Events.Count, total);
        Assert.True(JsonNode.DeepEquals(json["events"], answer["events"]), $"{url}: events differ.\nexpected {json["events"]!.ToJsonString()}\nanswered {answer["events"]!.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(json["fields"], answer["fields"]), $"{url}: fields differ.\nexpected {json["fields"]!.ToJsonString()}\nanswered {answer["fields"]!.ToJsonString()}");
    }

    private static string Instant(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));

    /// <summary>The changes as computed before ADR 0051: the subject replayed whole at both points, every event in between listed.</summary>
    private static class WholeStore
    {
        public static async Task<ChangeReport> ChangesAsync(IDocumentStore store, string axis, string from, string to, string? field, string? dialogue)
        {
            await using var session = store.QuerySession();
            var byEffect = axis == "effective";
            var (before, after) = byEffect
                ? (new Axes(null, DateOnly.Parse(from, CultureInfo.InvariantCulture)), new Axes(null, DateOnly.Parse(to, CultureInfo.InvariantCulture)))
                : (new Axes(AuditTrail.Bound("from", from, true), null), new Axes(AuditTrail.Bound("to", to, true), null));
            var subject = Subject.Of(dialogue, field);
            var then = await RecordAsOf.LoadAsync(session, before, subject, CancellationToken.None);
            var now = await RecordAsOf.LoadAsync(session, after, subject, CancellationToken.None);
            var (thenEvents, nowEvents) = byEffect ? (then.Events, now.Events) : (then.Recorded, now.Recorded);
            var known = thenEvents.Select(e => e.Id).ToHashSet();
            var between = nowEvents.Where(e => !known.Contains(e.Id)).ToList();
            var byId = now.Recorded.ToDictionary(e => e.Id);
            IReadOnlyList<string> ConcernsOf(IEvent e) =>
                EventFacts.Corrects(e.Data) is { } fixes && byId.TryGetValue(fixes.EventId, out var fixedEntry)
                    ? Concerns(fixedEntry.Data, fixedEntry.StreamKey!)
                    : Concerns(e.Data, e.StreamKey!);

            var fieldsBefore = then.Fields();
            var fieldsAfter = now.Fields();
            var relevant = between.Where(e => field is null || ConcernsOf(e).Contains(field)).ToList();
            var codes = field is not null ? [field] : relevant.SelectMany(ConcernsOf).Distinct().Order(StringComparer.Ordinal).ToList();
            var diffs = new List<FieldDiff>();
            foreach (var code in codes)
            {
                var b = fieldsBefore.GetValueOrDefault(code);
                var a = fieldsAfter.GetValueOrDefault(code);
                if (a is null && b is null) continue;
                var dialogueId = (a ?? b)!.DialogueId;
                if (dialogue is not null && dialogueId != dialogue) continue;
                diffs.Add(new FieldDiff(code, dialogueId, b, a, Changes.Compare(b, a)));
            }

            var corrections = AuditTrail.CorrectionsByEntry(now.Recorded);
            var days = byEffect ? now.CountsFrom : EventFacts.EffectiveDays(now.Recorded);
            return new ChangeReport(axis, from, to, [.. relevant.Select(e => AuditTrail.Entry(e, corrections, days[e]))], diffs);
        }

        private static IReadOnlyList<string> Concerns(object data, string stream)
        {
            var codes = Consultations.Projections.Fields.FieldStatusFold.FieldCodes(data);
            return codes.Count > 0 ? codes : [stream];
        }
    }
}
