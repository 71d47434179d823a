namespace Consultations.Web.Tests;

/// <summary>
/// Every error shown next to an input begins with that input's label ("Place is required.", "Dates held: Give the first
/// day too."), on every form: submitted empty, then with each date typed wrongly (so nothing is recorded).
/// </summary>
[Collection("web")]
public sealed class FormErrorLabelTests(WebApp app)
{
    private const string Plan = "action-plan-2024-2027";

    private async Task PostAsync(string url, object body)
    {
        var answer = await app.Host.Client.PostAsJsonAsync(url, body);
        Assert.True(answer.IsSuccessStatusCode, $"POST {url}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Every_error_next_to_an_input_begins_with_its_label_on_every_form()
    {
        var unique = Unique;
        var commitment = "labels-" + unique;
        await PostAsync("api/commitments", JsonNode.Parse(
            $$"""{"commitmentId":"{{commitment}}","dialogueId":"japan-italy-space","fieldCode":"JPIT-02","text":"Labels {{commitment}}","parties":["Japan","Italy"],"agencies":[],"programmes":[],"source":{"kind":"meeting","id":"rome-summit-2026-06-15"},"status":"agreed","effectiveOn":"2026-06-15"}""")!);
        await PostAsync($"api/commitments/{commitment}/milestones", new { milestoneId = "m1", title = "Workshop", dueOn = "2027-03", effectiveOn = "2026-11-04" });
        await PostAsync($"api/commitments/{commitment}/status", new { to = "in-progress", effectiveOn = "2026-07-01", reason = "Started." });
        var entry = (await app.Host.GetJsonAsync($"api/commitments/{commitment}"))["history"]!.AsArray().Last()!["eventId"]!.GetValue<string>();
        var statement = "labels-statement-" + unique;
        await PostAsync("api/statements", new { statementId = statement, dialogueId = "japan-italy-space", title = "Labels statement " + unique, effectiveOn = "2026-06-15" });
        var meeting = "labels-meeting-" + unique;
        await PostAsync("api/meetings", new { meetingId = meeting, dialogueId = "japan-italy-space", kind = "consultation", title = "Labels meeting " + unique, place = "Rome",
            plannedDates = (object?)null, parties = new[] { "Japan", "Italy" }, delegations = Array.Empty<object>(), effectiveOn = "2026-06-15" });
        var document = "labels-doc-" + unique;
        await PostAsync("api/documents", new { documentId = document, dialogueId = "japan-italy-space", title = "Labels document", kind = "report", date = "2026-06-15", parties = new[] { "Japan", "Italy" }, language = "en" });

        string[] forms =
        [
            "/meetings/new", "/statements/new", "/commitments/new", "/action-plans/new", "/documents/new", "/milestones/new", "/fields/new", "/dialogues/new",
            $"/meetings/{meeting}/held", $"/meetings/{meeting}/reschedule", $"/meetings/{meeting}/cancel", "/meetings/rome-summit-2026-06-15/outcome",
            $"/commitments/{commitment}/status", $"/commitments/{commitment}/amend", $"/commitments/{commitment}/party-progress", $"/commitments/{commitment}/assessment",
            $"/commitments/{commitment}/lead", $"/commitments/{commitment}/milestone", $"/commitments/{commitment}/milestone-met", $"/commitments/{commitment}/milestone-reschedule",
            $"/statements/{statement}/clause", $"/statements/{statement}/adopt",
            $"/action-plans/{Plan}/item", $"/action-plans/{Plan}/item-progress", $"/action-plans/{Plan}/item-complete", $"/action-plans/{Plan}/item-drop",
            $"/action-plans/{Plan}/item-lead", $"/action-plans/{Plan}/item-milestone", $"/action-plans/{Plan}/item-milestone-met",
            $"/action-plans/{Plan}/item-milestone-reschedule", $"/action-plans/{Plan}/reaffirm",
            $"/documents/{document}/amend", "/fields/JPIT-01/scope", $"/entries/{entry}/void", $"/entries/{entry}/correct",
        ];

        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        var wrong = new List<string>();
        var seen = 0;
        foreach (var form in forms)
        {
            await page.GotoAsync(form);
            var submit = page.Locator("main form[method=post] button[type=submit]");
            if (await submit.CountAsync() == 0) continue;
            // Empty: what a form shows already (a record's current values) is cleared first.
            await page.EvaluateAsync("""() => document.querySelectorAll("main form[method=post] input:not([type=hidden]):not([type=checkbox]), main form[method=post] textarea").forEach(i => i.value = "")""");
            await submit.First.ClickAsync();
            seen += await CheckAsync(page, form, wrong);

            // Each date typed wrongly: the date's own errors, and nothing can be recorded.
            await page.EvaluateAsync("""
                () => [...document.querySelectorAll("main form label")].filter(l => l.innerText.includes("yyyy"))
                    .forEach(l => { const input = document.getElementById(l.htmlFor); if (input) input.value = "zz"; })
                """);
            await page.Locator("main form[method=post] button[type=submit]").First.ClickAsync();
            seen += await CheckAsync(page, form, wrong);
        }

        var signIn = await (await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl })).NewPageAsync();
        await signIn.GotoAsync("/signin");
        await signIn.Locator("main form button[type=submit]").ClickAsync();
        seen += await CheckAsync(signIn, "/signin", wrong);

        Assert.True(seen > 40, $"only {seen} errors were shown");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    // The errors shown, each beside the label of its input (or the legend of its group); those not beginning with it are added to wrong.
    private static async Task<int> CheckAsync(IPage page, string form, List<string> wrong)
    {
        Assert.True(new Uri(page.Url).AbsolutePath == form, $"{form}: the form was recorded (now at {page.Url})");
        var shown = await page.EvaluateAsync<string[][]>("""
            () => [...document.querySelectorAll("main p.error[id$='-error']")].filter(p => p.innerText.trim().length > 0).map(p => {
                const id = p.id.slice(0, -"-error".length);
                const label = document.querySelector(`label[for="${CSS.escape(id)}"]`) ?? p.closest("fieldset")?.querySelector("legend");
                return [p.id, p.innerText.trim(), label ? label.innerText.trim() : ""];
            })
            """);
        foreach (var line in shown)
        {
            var (id, error, label) = (line[0], line[1], line[2]);
            var cut = label.IndexOfAny(['(', '（']);
            var subject = (cut > 0 ? label[..cut] : label).Trim();
            if (subject.Length == 0 || !error.StartsWith(subject, StringComparison.Ordinal)) wrong.Add($"{form} #{id}: '{error}' does not begin with '{subject}'");
        }

        return shown.Length;
    }
}
