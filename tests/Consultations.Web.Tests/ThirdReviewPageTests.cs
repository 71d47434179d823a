using System.Text;
using Consultations.Domain.Commitments;
using Consultations.Domain.Common;
using Consultations.Host.Infrastructure;
using Marten;

namespace Consultations.Web.Tests;

/// <summary>
/// Issue 11's second review, findings 16 and 23, and the pages' query strings: the reports page offers every format of the
/// status report and every CSV (the search's too), each downloadable on the replay's axes; a replay before a field was
/// defined shows no phantom field; and every page refuses a parameter it does not read.
/// </summary>
[Collection("web")]
public sealed class ThirdReviewPageTests(WebApp app)
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>What each status report format must start with.</summary>
    private static readonly Dictionary<string, (string ContentType, byte[] Start)> Formats = new()
    {
        ["html"] = ("text/html", "<!DOCTYPE html"u8.ToArray()),
        ["md"] = ("text/markdown", "# "u8.ToArray()),
        ["pdf"] = ("application/pdf", "%PDF-"u8.ToArray()),
        ["docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"u8.ToArray()),
    };

    private static bool StartsWith(byte[] body, byte[] start) => body.Length >= start.Length && body.AsSpan(0, start.Length).SequenceEqual(start);

    [Fact]
    public async Task The_reports_page_offers_every_status_report_format_and_every_csv_and_each_downloads_on_the_replays_axes()
    {
        var page = await app.SignInAsync("Ada Auditor", "auditor", "reporter");
        await page.GotoAsync("/reports?effectiveOn=2026-07-01");
        await WebApp.CheckAsync(page, "reports-downloads");

        var reports = page.Locator("#status-report-downloads a");
        Assert.Equal(Formats.Keys.Order(), (await reports.EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.format)")).Order());
        var links = (await reports.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Concat(await page.Locator("#csv-downloads a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).ToList();
        Assert.True(links.Count >= 10, string.Join(" ", links));

        foreach (var link in links)
        {
            Assert.Contains("effectiveOn=2026-07-01", link);
            var answer = await page.APIRequest.GetAsync(link, new() { Timeout = 120_000 });
            Assert.True(answer.Status == 200, $"{link}: {answer.Status} {await answer.TextAsync()}");
            var body = await answer.BodyAsync();
            var type = answer.Headers["content-type"];
            var format = System.Web.HttpUtility.ParseQueryString(new Uri(app.BaseUrl + link).Query)["format"]!;
            var (expectedType, start) = format == "csv" ? ("text/csv", Bom) : Formats[format];
            Assert.True(type.StartsWith(expectedType, StringComparison.Ordinal), $"{link}: {type}");
            Assert.True(StartsWith(body, start) && body.Length > start.Length + 10, $"{link}: starts {Convert.ToHexString(body.AsSpan(0, Math.Min(16, body.Length)))}");
            Assert.Contains("effectiveOn=2026-07-01", answer.Headers.GetValueOrDefault("x-record-axes") ?? "");
        }

        // The search's CSV: its words typed, the replay's axes kept.
        await page.GetByLabel("Search results with these words (CSV)").FillAsync("LiteBIRD");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#search-csv button[type=submit]").ClickAsync());
        Assert.Contains("effectiveOn=2026-07-01", download.Url);
        var csv = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.True(StartsWith(csv, Bom));
        Assert.Contains("LiteBIRD", Encoding.UTF8.GetString(csv));
    }

    [Fact]
    public async Task A_replay_before_a_field_was_defined_shows_no_phantom_field_even_with_entries_dated_earlier()
    {
        var unique = Unique;
        var dialogue = "zz-phantom-" + unique;
        var field = $"PH{unique}-01";
        Assert.True((await app.Host.Client.PostAsJsonAsync("api/dialogues", new { dialogueId = dialogue, title = "Zz phantom dialogue " + unique, parties = new[] { "Japan", "Norway" }, effectiveOn = "2026-01-01" })).IsSuccessStatusCode);
        Assert.True((await app.Host.Client.PostAsJsonAsync("api/fields", new { fieldCode = field, dialogueId = dialogue, number = 1, title = "Ice cores " + unique, scope = "Ice core exchange.", effectiveOn = "2026-06-15" })).IsSuccessStatusCode);

        // A commitment made in the field three months before it was defined, as the record could hold one before ADR 0053's rules: appended directly.
        await using (var store = DocumentStore.For(o =>
                     {
                         StoreSetup.Configure(o, app.Connection, app.Schema);
                         o.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
                     }))
        {
            await using var session = store.LightweightSession();
            session.Events.StartStream("early-" + unique, new CommitmentMade("early-" + unique, dialogue, field, "Early ice core commitment " + unique,
                ["Japan", "Norway"], [], [], new SourceRef(SourceKind.Statement, "none-" + unique), CommitmentStatus.Agreed, PartialDate.Parse("2026-03-01")));
            await session.SaveChangesAsync();
        }

        var page = await app.SignInAsync("Aldo Auditor", "auditor");
        var answer = await page.GotoAsync($"/fields/{field}?effectiveOn=2026-05-01");
        Assert.Equal(404, answer!.Status);
        await Expect(page.Locator("#error-explanation")).ToContainTextAsync("on record as in effect on 2026-05-01");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Cooperation field 0");

        // The dialogue's dashboard on that day lists no field and counts no commitment.
        await page.GotoAsync($"/?dialogue={dialogue}&effectiveOn=2026-05-01");
        await Expect(page.Locator($"main a[href^='/fields/{field}']")).ToHaveCountAsync(0);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Cooperation field 0");

        // Once defined, the field is there with the commitment on file.
        await page.GotoAsync($"/fields/{field}?effectiveOn=2026-07-01");
        await Expect(page.Locator("h1")).ToContainTextAsync("Ice cores " + unique);
        await Expect(page.Locator("#field-commitments")).ToContainTextAsync("Early ice core commitment " + unique);
    }

    [Fact]
    public async Task Every_page_refuses_a_parameter_it_does_not_read_naming_it()
    {
        var page = await app.SignInAsync("Ada All-roles", "secretariat", "auditor", "reporter");
        string[] paths =
        [
            "/", "/timeline", "/reports", "/search?q=japan", "/audit", "/ledger", "/fields/JPIT-01", "/meetings/rome-summit-2026-06-15",
            "/commitments/jpit-01-mutual-access", "/statements/jp-it-joint-statement-space-2026-06-15", "/action-plans/action-plan-2024-2027",
            "/documents/japan-italy-joint-statement-2026-06-15", "/meetings/new", "/commitments/new", "/commitments/jpit-01-mutual-access/status",
            "/fields/new", "/dialogues/new",
        ];
        foreach (var path in paths)
        {
            var answer = await page.GotoAsync(path + (path.Contains('?') ? "&" : "?") + "colour=blue");
            Assert.True(answer!.Status == 400, $"{path}: {answer.Status}");
            await Expect(page.Locator("#error-explanation")).ToContainTextAsync("colour: is not a parameter of this page");
        }

        // The sign-in page too, signed out; and a form's dialogue that is not on record is not quietly replaced by another.
        var signedOut = await (await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl })).NewPageAsync();
        Assert.Equal(400, (await signedOut.GotoAsync("/signin?colour=blue"))!.Status);
        await Expect(signedOut.Locator("#error-explanation")).ToContainTextAsync("colour: is not a parameter of this page");
        Assert.Equal(200, (await signedOut.GotoAsync("/signin?ReturnUrl=%2Ftimeline"))!.Status);
        Assert.Equal(404, (await page.GotoAsync("/commitments/new?dialogue=no-such-dialogue"))!.Status);
    }
}
