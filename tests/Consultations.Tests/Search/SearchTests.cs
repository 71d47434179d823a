namespace Consultations.Tests.Search;

/// <summary>
/// Full-text search over the bundled Japan–Italy record: names match as a person types them, the best match comes first
/// with the match marked, the filters narrow, and the auditors' axes search what the record said then.
/// </summary>
public class SearchTests(AppFixture fixture, ITestOutputHelper output) : SearchContext(fixture)
{
    [Fact]
    public async Task Accents_need_not_be_typed_and_are_kept_in_the_answer()
    {
        await SeedAsync();
        await SendAsync("/api/commitments", new
        {
            commitmentId = "jpit-09-padova", dialogueId = DialogueId, fieldCode = "JPIT-09", text = "Corsi comuni con l'Università di Padova e la città di Tsukuba.",
            parties = new[] { "Italy" }, agencies = new[] { "ASI" }, programmes = Array.Empty<string>(), source = new { kind = "meeting", id = RomeSummit },
            status = "agreed", effectiveOn = "2026-06-15",
        });

        foreach (var typed in new[] { "universita", "Università", "UNIVERSITA", "citta padova" })
        {
            var results = await SearchAsync($"q={Uri.EscapeDataString(typed)}");
            var found = Assert.Single(results);
            Assert.Equal("jpit-09-padova", found!["id"]!.GetValue<string>());
            Assert.Contains(typed == "citta padova" ? "«città»" : "«Università»", found["snippet"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Results_come_best_first_a_match_in_a_title_before_one_in_the_text()
    {
        await SeedAsync();

        var results = await SearchAsync("q=debris");
        foreach (var r in results) output.WriteLine($"{r!["rank"]} {Key(r)} {r["title"]}");

        Assert.True(results.Count >= 2);
        var ranks = results.Select(r => r!["rank"]!.GetValue<float>()).ToList();
        Assert.Equal(ranks.OrderDescending(), ranks);
        var sustainability = results.Single(r => r!["kind"]!.GetValue<string>() == "clause")!;
        Assert.Contains("Space Sustainability", sustainability["title"]!.GetValue<string>());

        // The word in the title (heading) outranks the same word only in the text.
        await SendAsync($"/api/action-plans/{PlanId}/items", new { itemId = "debris", fieldCode = "JPIT-08", text = "Space debris: share debris catalogues.", effectiveOn = "2026-07-01" });
        await SendAsync($"/api/action-plans/{PlanId}/items", new { itemId = "sharing", fieldCode = "JPIT-08", text = "Share catalogues of debris.", effectiveOn = "2026-07-01" });
        var items = (await SearchAsync("q=debris&kind=action-item")).Select(r => r!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(["debris", "sharing"], items);
    }

    [Fact]
    public async Task The_preamble_is_searched_and_a_range_of_numbers_is_found_by_either_end()
    {
        await SeedAsync();

        var preamble = Assert.Single(await SearchAsync("q=Takaichi&kind=preamble"))!;
        Assert.Equal(StatementId, preamble["recordId"]!.GetValue<string>());
        Assert.Contains("«TAKAICHI»", preamble["snippet"]!.GetValue<string>());

        // The statement's closing paragraph, the only source for the second consultations in Rome, is kept and found.
        var closing = Assert.Single(await SearchAsync("q=looking%20forward%20second%20consultations&kind=preamble"))!;
        Assert.Equal(StatementId, closing["recordId"]!.GetValue<string>());
        Assert.Equal("closing", closing["id"]!.GetValue<string>());

        // "28–29 May" is two numbers: a search for either finds it, with the match marked.
        await SendAsync($"/api/action-plans/{PlanId}/items", new { itemId = "tokyo", fieldCode = "JPIT-08", text = "Report to the consultations of 28–29 May.", effectiveOn = "2026-07-01" });
        foreach (var day in new[] { "28", "29" })
        {
            var item = Assert.Single(await SearchAsync($"q={day}%20may&kind=action-item"))!;
            Assert.Equal("tokyo", item["id"]!.GetValue<string>());
            Assert.Contains($"«{day}»", item["snippet"]!.GetValue<string>());
        }

        // And the plan's period in every item's title: 2024–2027.
        Assert.NotEmpty(await SearchAsync("q=2027&kind=action-item"));
    }

    [Fact]
    public async Task Kind_field_dialogue_and_party_narrow_the_results()
    {
        await SeedAsync();
        await OtherDialogueAsync();
        await SendAsync($"/api/action-plans/{OtherPlan}/items", new { itemId = "sat", fieldCode = OtherField, text = "Satellite data sharing.", effectiveOn = "2026-07-01" });

        var all = await SearchAsync("q=satellite");
        Assert.Contains(OtherDialogue, all.Select(r => r!["dialogueId"]!.GetValue<string>()));
        Assert.Contains(DialogueId, all.Select(r => r!["dialogueId"]!.GetValue<string>()));

        Assert.All(await SearchAsync("q=satellite&kind=clause"), r => Assert.Equal("clause", r!["kind"]!.GetValue<string>()));
        Assert.All(await SearchAsync("q=satellite&kind=commitment"), r => Assert.Equal("commitment", r!["kind"]!.GetValue<string>()));
        Assert.All(await SearchAsync("q=satellite&field=JPIT-08"), r => Assert.Contains("JPIT-08", r!["fieldCodes"]!.AsArray().Select(f => f!.GetValue<string>())));
        var other = await SearchAsync($"q=satellite&dialogue={OtherDialogue}");
        Assert.Equal([$"action-item {OtherPlan} sat"], other.Select(Key));
        Assert.All(await SearchAsync($"q=satellite&dialogue={DialogueId}"), r => Assert.Equal(DialogueId, r!["dialogueId"]!.GetValue<string>()));

        var france = await SearchAsync("q=satellite&party=france");
        Assert.Equal([$"action-item {OtherPlan} sat"], france.Select(Key));
        Assert.Equal(all.Count - 1, (await SearchAsync("q=satellite&party=Italy")).Count);

        Assert.Empty(await SearchAsync("q=satellite&kind=decision&field=JPIT-01"));
    }

    [Fact]
    public async Task Documents_are_found_by_title_kind_and_party_with_the_same_filters()
    {
        await SeedAsync();
        await OtherDialogueAsync();
        await SendAsync("/api/documents", new
        {
            documentId = "fr-minutes", dialogueId = OtherDialogue, title = "Minutes of the satellite working group", kind = "minutes",
            date = "2026-06-20", parties = new[] { "France" }, language = "fr",
        });
        const string statement = "document japan-italy-joint-statement-2026-06-15 japan-italy-joint-statement-2026-06-15";

        var joint = Assert.Single(await SearchAsync("q=joint%20statement&kind=document"))!;
        Assert.Equal(statement, Key(joint));
        Assert.Equal("document", joint["recordKind"]!.GetValue<string>());
        Assert.Equal("Japan–Italy Joint Statement on Space Collaboration", joint["title"]!.GetValue<string>());
        Assert.Equal("/api/documents/japan-italy-joint-statement-2026-06-15", joint["link"]!.GetValue<string>());
        Assert.Equal(["Italy", "Japan"], joint["parties"]!.AsArray().Select(p => p!.GetValue<string>()).Order());
        Assert.Contains(statement, (await SearchAsync("q=joint%20statement")).Select(Key));

        // A phrase of its title, as typed, marked in the snippet.
        var phrase = await SearchAsync("q=statement%20on%20space%20collab");
        Assert.Equal(statement, Key(phrase[0]));
        Assert.Contains("«Space» «Collaboration»", phrase[0]!["snippet"]!.GetValue<string>());

        // Kind, party, dialogue and field narrow documents as they narrow every entry; a document is filed under no field.
        Assert.Equal(["document fr-minutes fr-minutes"], (await SearchAsync("q=minutes&kind=document")).Select(Key));
        Assert.Equal(["document fr-minutes fr-minutes"], (await SearchAsync("q=satellite&party=france&kind=document")).Select(Key));
        Assert.Empty(await SearchAsync("q=satellite&party=Italy&kind=document"));
        Assert.Empty(await SearchAsync($"q=joint%20statement&kind=document&dialogue={OtherDialogue}"));
        Assert.Single(await SearchAsync($"q=joint%20statement&kind=document&dialogue={DialogueId}"));
        Assert.Empty(await SearchAsync("q=joint%20statement&kind=document&field=JPIT-07"));
        Assert.Single(await SearchAsync("q=italy%20japan%20en&kind=document"));

        // On the time axes: the statement is a document from its own date.
        Assert.Empty(await SearchAsync("q=joint%20statement&kind=document&effectiveOn=2026-06-14"));
        Assert.Equal([statement], (await SearchAsync("q=joint%20statement&kind=document&effectiveOn=2026-06-15")).Select(Key));
    }

    [Fact]
    public async Task Results_are_paged_like_every_list()
    {
        await SeedAsync();
        await CaughtUpAsync();

        var all = await SearchAsync("q=space");
        var page = await FetchAsync("/api/search?q=space&page=2&pageSize=3");

        Assert.Equal(200, page.Status);
        Assert.Equal(all.Count.ToString(), page.Header("X-Total-Count"));
        Assert.Equal(all.Skip(3).Take(3).Select(Key), page.Json.AsArray().Select(Key));
        Assert.Contains("rel=\"next\"", page.Header("Link"));
    }

    [Fact]
    public async Task On_the_time_axes_a_search_finds_what_the_record_said_then()
    {
        await SeedAsync();
        var beforeAmendment = DateTimeOffset.UtcNow;
        await SendAsync("/api/commitments/jpit-08-collision-avoidance/amendments",
            new { text = "Share conjunction data and a zanzibar protocol.", effectiveOn = "2026-09-01", reason = "Clarified." });
        await CaughtUpAsync();

        // The commitments and the statement took effect on 15 June: the day before, LiteBIRD is nowhere.
        Assert.Empty(await SearchAsync("q=LiteBIRD&effectiveOn=2026-06-14"));
        var onTheDay = await SearchAsync("q=LiteBIRD&effectiveOn=2026-06-15");
        Assert.Contains("commitment", Kinds(onTheDay));

        Assert.Single(await SearchAsync("q=zanzibar"));
        Assert.Empty(await SearchAsync($"q=zanzibar&recordedAt={Uri.EscapeDataString(beforeAmendment.ToString("O"))}"));
        Assert.Empty(await SearchAsync("q=zanzibar&effectiveOn=2026-08-31"));
        Assert.Single(await SearchAsync("q=zanzibar&effectiveOn=2026-09-01"));

        // Replayed at now, a search answers exactly what the index answers: same entries, ranks and snippets.
        var now = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"));
        foreach (var q in new[] { "q=space", "q=debris&kind=clause", "q=moon&field=JPIT-04", "q=Meloni", "q=satellite&party=Italy" })
        {
            var live = await FetchAsync($"/api/search?{q}");
            var replayed = await FetchAsync($"/api/search?{q}&recordedAt={now}");
            Assert.Equal(live.Json.ToJsonString(), replayed.Json.ToJsonString());
            Assert.Equal("true", replayed.Header("X-Projection-Current"));
            Assert.StartsWith("recordedAt=", replayed.Header("X-Record-Axes"));
        }
    }

    [Fact]
    public async Task A_rebuild_leaves_the_search_answering_the_same()
    {
        await SeedAsync();
        await SendAsync("/api/commitments/jpit-08-collision-avoidance/amendments", new { text = "Share conjunction data, too.", effectiveOn = "2026-09-01", reason = "Clarified." });
        var queries = new[] { "q=space", "q=litebird", "q=debris&kind=clause", "q=conjunction", "q=Meloni", "q=moon&page=1&pageSize=2" };
        var before = new List<string>();
        foreach (var q in queries) before.Add((await SearchAsync(q)).ToJsonString());

        using (var daemon = await Store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync("SearchIndex", TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        var after = new List<string>();
        foreach (var q in queries) after.Add((await SearchAsync(q)).ToJsonString());
        Assert.Equal(before, after);
        Assert.DoesNotContain("[]", before);
    }
}
