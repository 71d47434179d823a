using System.Collections.Concurrent;
using Consultations.Tests.Infrastructure;
using Consultations.Tests.Processes;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Consultations.Web.Tests.Infrastructure;

/// <summary>
/// One service per browser-test collection (<see cref="WebCollection"/>): the real host (the API tests' <see cref="HostProcess"/>) on a free port over
/// the test PostgreSQL, in a schema of its own, seeded with the bundled record; and one headless Debian Chromium (never a
/// downloaded browser).
/// </summary>
public sealed class WebApp : IAsyncLifetime
{
    private HostProcess? _host;
    private IPlaywright? _playwright;
    private readonly ConcurrentDictionary<string, string> _signedIn = new();

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public HostProcess Host => _host!;

    /// <summary>The host's database and schema, for a test that must do what no page can (take a sequence position as a rolled-back write does).</summary>
    public string Connection { get; private set; } = "";

    public string Schema { get; private set; } = "";

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        var connection = await PostgresServer.ConnectionStringAsync();
        Connection = connection;
        Schema = "w_" + Guid.NewGuid().ToString("N")[..12];
        _host = await HostProcess.StartAsync("web", connection, Schema);
        BaseUrl = $"http://127.0.0.1:{_host.Port}";
        await CaughtUpAsync();

        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Waits until the reporting projections (which the dashboard reads) have caught up with the record.</summary>
    /// <summary>Records something through the API, as a test's arrangement; anything but a success fails the test.</summary>
    public async Task PostOkAsync(string path, object body)
    {
        var answer = await Host.Client.PostAsJsonAsync(path, body);
        Assert.True(answer.IsSuccessStatusCode, path + ": " + await answer.Content.ReadAsStringAsync());
    }

    public Task CaughtUpAsync() => Poll.UntilAsync("the projections to catch up", TimeSpan.FromSeconds(90), () => Host.ProjectionsCurrentAsync());

    /// <summary>
    /// A fresh browser context signed in with the given roles, on the dashboard. The first time for a name and roles it
    /// signs in through the local sign-in page; after that it starts from the cookies that sign-in left (Playwright's
    /// storage state), which saves the sign-in page and its post on every test. Each call still gets a context of its
    /// own, so a language picked or a route set in one test is not seen by another.
    /// </summary>
    public async Task<IPage> SignInAsync(string name, params string[] roles)
    {
        var key = name + "|" + string.Join(",", roles);
        if (_signedIn.TryGetValue(key, out var state))
        {
            var page = await (await NewContextAsync(state)).NewPageAsync();
            await page.GotoAsync("/");
            return page;
        }

        var first = await (await NewContextAsync(null)).NewPageAsync();
        await first.GotoAsync("/signin");
        await first.GetByLabel("Your name").FillAsync(name);
        foreach (var role in roles) await first.Locator($"#role-{role}").CheckAsync();
        await first.Locator("main form button[type=submit]").ClickAsync();
        await first.WaitForURLAsync(BaseUrl + "/");
        _signedIn[key] = await first.Context.StorageStateAsync();
        return first;
    }

    private async Task<IBrowserContext> NewContextAsync(string? storageState)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, StorageState = storageState,
        });
        // The CI machine has two cores shared by the host, PostgreSQL and Chromium: a minute, not Playwright's 30 s.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    /// <summary>No serious or critical axe violation on the page, and a full-page screenshot saved under the test output.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{name}: " + string.Join("; ", bad.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))}")));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
    }
}

/// <summary>
/// The browser tests run in two collections side by side, each on a service, schema and browser of its own: one
/// collection ran for about four minutes, one page at a time, while the machine had room for a second. A class joins
/// <c>[Collection("web")]</c> (or <see cref="Second"/>); neither sees what the other's tests write.
/// </summary>
[CollectionDefinition("web")]
public sealed class WebCollection : ICollectionFixture<WebApp>
{
    public const string Second = "web-second";
}

[CollectionDefinition(WebCollection.Second)]
public sealed class SecondWebCollection : ICollectionFixture<WebApp>;
