namespace Consultations.Web.Tests;

/// <summary>
/// The search page (issue 11's second review, finding 8): the API's snippet with the matched words marked and the record's
/// markup shown as text, the API's filters as labelled choices from the record, kept on every page of the results and in
/// their CSV, and a filter value the record does not offer refused as a 400 page naming it.
/// </summary>
[Collection("web")]
public sealed class SearchPageTests(WebApp app)
{
    private const string Rome = "rome-summit-2026-06-15";

    /// <summary>A commitment in JPIT-06 whose text holds a script and a word of its own; the search index (async) caught up.</summary>
    private async Task<string> GivenCommitmentWithMarkupAsync()
    {
        var word = "zqx" + Unique;
        var made = await app.Host.Client.PostAsJsonAsync("api/commitments", new
        {
            commitmentId = "search-" + word, dialogueId = "japan-italy-space", fieldCode = "JPIT-06",
            text = $"Debris <script>window.zqxRan = 1</script> <b>bold</b> if a < b && c > d coordination {word}",
            parties = new[] { "Japan", "Italy" }, agencies = Array.Empty<string>(), programmes = Array.Empty<string>(),
            source = new { kind = "meeting", id = Rome }, status = "agreed", effectiveOn = "2026-06-15",
        });
        Assert.True(made.IsSuccessStatusCode, await made.Content.ReadAsStringAsync());
        await app.CaughtUpAsync();
        return word;
    }

    [Fact]
    public async Task A_result_shows_the_snippet_with_the_words_marked_and_recorded_markup_as_text()
    {
        var word = await GivenCommitmentWithMarkupAsync();
        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync($"/search?q={word}");

        await Expect(page.Locator("#result-count")).ToHaveTextAsync($"1 result for “{word}”");
        var snippet = page.Locator("ol.results .snippet");
        await Expect(snippet.Locator("mark")).ToHaveTextAsync(word);
        // PostgreSQL's headline leaves whole tags out of the snippet; what it keeps of the markup is shown as text.
        await Expect(snippet).ToContainTextAsync("window.zqxRan = 1");
        await Expect(snippet).ToContainTextAsync("if a < b && c > d");
        await Expect(page.Locator("ol.results script, ol.results b")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.zqxRan === undefined"));
        await WebApp.CheckAsync(page, "search-snippet");
    }

    [Fact]
    public async Task The_filters_are_labelled_choices_from_the_record_and_narrow_the_results()
    {
        var word = await GivenCommitmentWithMarkupAsync();
        var page = await app.SignInAsync("Rita Reader", "reporter");
        await page.GotoAsync($"/search?q={word}");

        await page.GetByLabel("Kind of entry").SelectOptionAsync("commitment");
        await page.GetByLabel("Cooperation field").SelectOptionAsync("JPIT-06");
        await page.GetByLabel("Dialogue").SelectOptionAsync("japan-italy-space");
        await page.GetByLabel("Party").SelectOptionAsync("Japan");
        await page.Locator("#search-filters button[type=submit]").ClickAsync();
        await Expect(page.Locator("#result-count")).ToHaveTextAsync($"1 result for “{word}”");
        foreach (var kept in new[] { "kind=commitment", "field=JPIT-06", "dialogue=japan-italy-space", "party=Japan" }) Assert.Contains(kept, page.Url);
        await Expect(page.GetByLabel("Cooperation field")).ToHaveValueAsync("JPIT-06");
        // The field's choices name the field; the kinds are in words.
        await Expect(page.GetByLabel("Cooperation field").Locator("option[value='JPIT-06']")).ToContainTextAsync("Solar");
        await Expect(page.GetByLabel("Kind of entry").Locator("option[value='action-item']")).ToHaveTextAsync("Action item");

        await page.GetByLabel("Kind of entry").SelectOptionAsync("clause");
        await page.Locator("#search-filters button[type=submit]").ClickAsync();
        await Expect(page.Locator("#result-count")).ToHaveTextAsync($"0 results for “{word}”");

        // The CSV of these results is the API's, with the same words and filters.
        await page.GotoAsync($"/search?q={word}&party=Italy");
        var csv = await page.APIRequest.GetAsync(await page.Locator("#search-csv").GetAttributeAsync("href") ?? "");
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"]);
        Assert.Contains("party=Italy", csv.Url);
        Assert.Contains(word, await csv.TextAsync());

        await page.GetByLabel("Language").SelectOptionAsync("it");
        await page.Locator("form.language button").ClickAsync();
        await Expect(page.GetByLabel("Tipo di voce")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Parole da cercare")).ToHaveValueAsync(word);
    }

    [Theory]
    [InlineData("kind=meetings", "kind:")]
    [InlineData("field=JPIT-99", "field:")]
    [InlineData("dialogue=no-such-dialogue", "dialogue:")]
    [InlineData("party=France", "party:")]
    [InlineData("page=999", "page:")]
    [InlineData("page=0", "page:")]
    public async Task A_filter_value_the_record_does_not_offer_is_a_400_page_naming_the_filter(string filter, string named)
    {
        var page = await app.SignInAsync("Rita Reader", "reporter");
        var answer = await page.GotoAsync($"/search?q=japan&{filter}");
        Assert.Equal(400, answer!.Status);
        await Expect(page.Locator("#error-explanation")).ToContainTextAsync(named);
        await Expect(page.Locator("#result-count")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Results_come_in_pages_that_keep_the_words_the_filters_and_the_replay()
    {
        var page = await app.SignInAsync("Aldo Auditor", "auditor");
        await page.GotoAsync("/search?q=japan&dialogue=japan-italy-space&effectiveOn=2026-11-01");
        await Expect(page.Locator("#result-count")).ToContainTextAsync("page 1 of");
        var first = await page.Locator("ol.results > li a").First.TextContentAsync();
        Assert.Equal(20, await page.Locator("ol.results > li").CountAsync());

        await page.Locator("#result-pages a[rel=next]").ClickAsync();
        await Expect(page.Locator("#result-count")).ToContainTextAsync("page 2 of");
        foreach (var kept in new[] { "q=japan", "dialogue=japan-italy-space", "effectiveOn=2026-11-01", "page=2" }) Assert.Contains(kept, page.Url);
        await Expect(page.Locator("ol.results")).ToHaveAttributeAsync("start", "21");
        Assert.NotEqual(first, await page.Locator("ol.results > li a").First.TextContentAsync());
        await Expect(page.Locator(".replay-banner")).ToContainTextAsync("2026-11-01");
        await WebApp.CheckAsync(page, "search-page-2");

        await page.Locator("#result-pages a[rel=prev]").ClickAsync();
        await Expect(page.Locator("#result-count")).ToContainTextAsync("page 1 of");
    }
}
