using Consultations.Host.Cli;
using Consultations.Host.Security;
using Spectre.Console;

namespace Consultations.Tests.Search;

/// <summary>
/// Searches that only read the bundled Japan–Italy record, imported once for the class: names match as a person types
/// them, the match is marked, anything typed is searched for, bad parameters are named. Searches after a change are in
/// <see cref="SearchTests"/>.
/// </summary>
public class SearchReadTests(AppFixture fixture, ITestOutputHelper output) : SearchContext(fixture)
{
    protected override bool SharesRecord => true;

    protected override Task ArrangeSharedAsync() => SeedAndCatchUpAsync();

    [Fact]
    public async Task LiteBIRD_is_found_however_it_is_typed_with_the_match_marked()
    {
        var exact = await SearchAsync("q=LiteBIRD");
        foreach (var r in exact) output.WriteLine(r!.ToJsonString());
        Assert.NotEmpty(exact);
        Assert.Contains("clause", Kinds(exact));
        Assert.Contains("commitment", Kinds(exact));
        Assert.All(exact, r => Assert.Contains("«LiteBIRD»", r!["snippet"]!.GetValue<string>()));

        var clause = exact.First(r => r!["kind"]!.GetValue<string>() == "clause")!;
        Assert.Equal("statement", clause["recordKind"]!.GetValue<string>());
        Assert.Equal(StatementId, clause["recordId"]!.GetValue<string>());
        Assert.Equal($"/api/statements/{StatementId}", clause["link"]!.GetValue<string>());
        Assert.Equal(DialogueId, clause["dialogueId"]!.GetValue<string>());
        Assert.Equal(["Japan", "Italy"], clause["parties"]!.AsArray().Select(p => p!.GetValue<string>()).Order().Reverse());

        var keys = exact.Select(Key).ToList();
        Assert.Equal(keys, (await SearchAsync("q=litebird")).Select(Key));
        Assert.Equal(keys, (await SearchAsync("q=LITEBIRD")).Select(Key));
        // As a person types: the start of a word is enough.
        Assert.Equal(keys, (await SearchAsync("q=liteb")).Select(Key));
    }
    [Theory]
    [InlineData("special", "outcome", "«Special»")]      // the Tokyo summit's “Special Strategic Partnership”
    [InlineData("piano", "clause", "«Piano»")]           // clause 10's “Piano Mattei”
    public async Task A_word_after_a_typographic_quote_is_a_word_of_its_own(string typed, string kind, string marked)
    {
        var results = await SearchAsync($"q={typed}");

        var hit = Assert.Single(results, r => r!["kind"]!.GetValue<string>() == kind)!;
        Assert.Contains(marked, hit["snippet"]!.GetValue<string>());
    }
    [Theory]
    [InlineData("Meloni")]
    [InlineData("takaichi")]
    [InlineData("COPUOS")]
    [InlineData("jaxa")]
    public async Task Names_match_as_typed(string name)
    {
        var results = await SearchAsync($"q={name}");

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Contains(name, r!["snippet"]!.GetValue<string>() + r["title"], StringComparison.OrdinalIgnoreCase));
    }
    [Theory]
    [InlineData("/api/search", "q")]
    [InlineData("/api/search?q=", "q")]
    [InlineData("/api/search?q=%20%20", "q")]
    [InlineData("/api/search?q=--", "q")]
    [InlineData("/api/search?q=space&kind=minutes", "kind")]
    [InlineData("/api/search?q=space&kind=clause,commitment", "kind")]
    [InlineData("/api/search?q=space&q=moon", "q")]
    [InlineData("/api/search?q=space&limit=5", "limit")]
    [InlineData("/api/search?q=space&effectiveOn=2026-13-01", "effectiveOn")]
    [InlineData("/api/search?q=space&recordedAt=yesterday", "recordedAt")]
    [InlineData("/api/search?q=space&pageSize=1001", "pageSize")]
    [InlineData("/api/search?q=space&format=xml", "format")]
    public async Task Bad_parameters_are_a_400_naming_the_parameter(string url, string parameter)
    {
        var answer = await FetchAsync(url);

        Assert.Equal(400, answer.Status);
        Assert.StartsWith("application/problem+json", answer.ContentType);
        Assert.NotNull(answer.Json["errors"]?[parameter]);
    }
    [Theory]
    [InlineData("'")]
    [InlineData("lite'bird")]
    [InlineData("a & b | !c")]
    [InlineData("moon:* <-> (mars")]
    [InlineData("\\ \" ; drop table x; --")]
    [InlineData("宇宙")]
    [InlineData("e\u0301")]
    [InlineData("2026-2027")]
    public async Task Anything_typed_is_searched_for_never_read_as_query_syntax(string typed)
    {
        var answer = await FetchAsync($"/api/search?q={Uri.EscapeDataString(typed)}");

        Assert.True(answer.Status is 200 or 400, $"{typed}: {answer.Status} {answer.Text}");
        if (answer.Status == 400) Assert.NotNull(answer.Json["errors"]?["q"]);
    }
    [Fact]
    public async Task The_search_command_prints_the_same_results()
    {
        await CaughtUpAsync();
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 400;

        Assert.True(await SearchCommand.PrintAsync(console, Store, TimeProvider.System, new SearchInput { Query = "LiteBIRD", KindFlag = "clause" }, catchUp: false, CancellationToken.None));
        Assert.Contains("«LiteBIRD»", output.ToString());
        Assert.Contains("1 results", output.ToString());
        Assert.False(await SearchCommand.PrintAsync(console, Store, TimeProvider.System, new SearchInput { Query = "LiteBIRD", KindFlag = "minutes" }, catchUp: false, CancellationToken.None));
        Assert.Contains("kind:", output.ToString());
    }
    [Fact]
    public async Task Searching_is_a_read_and_searching_another_date_is_an_audit()
    {
        foreach (var (role, url, status) in new[]
                 {
                     (Roles.Reporter, "/api/search?q=moon", 200), (Roles.Secretariat, "/api/search?q=moon", 200),
                     (Roles.Reporter, "/api/search?q=moon&effectiveOn=2026-06-30", 403), (Roles.Auditor, "/api/search?q=moon&effectiveOn=2026-06-30", 200),
                 })
        {
            var result = await Host.Scenario(x =>
            {
                x.Get.Url(url);
                x.WithRequestHeader("Authorization", TestTokens.Bearer("someone", role));
                x.IgnoreStatusCode();
            });
            Assert.True(result.Context.Response.StatusCode == status, $"{role} {url}: {result.Context.Response.StatusCode}");
        }
    }}
