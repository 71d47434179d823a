using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Consultations.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Consultations.Web.Tests;

/// <summary>
/// Wrong answers the second outside review of issue 11 found in what the record accepted (findings 1, 2, 20, 21 and 24,
/// ADR 0053): a form under replay axes, a party not of the dialogue, a far-future date, entries dated before what they
/// follow from. Each test works on records of its own.
/// </summary>
[Collection(WebCollection.Second)]
public sealed class SecondReviewRuleTests(WebApp app)
{
    private static string Unique => Guid.NewGuid().ToString("N")[..6];

    private async Task<string> CommitmentAsync()
    {
        var id = "replay-form-" + Unique;
        var answer = await app.Host.Client.PostAsJsonAsync("api/commitments", new
        {
            commitmentId = id, dialogueId = "japan-italy-space", fieldCode = "JPIT-06", text = "Replay form " + id, parties = new[] { "Japan", "Italy" },
            agencies = Array.Empty<string>(), programmes = Array.Empty<string>(), source = new { kind = "meeting", id = "rome-summit-2026-06-15" },
            status = "agreed", effectiveOn = "2026-06-15",
        });
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        return id;
    }

    private async Task<JsonNode> ApiAsync(string path) => (await app.Host.Client.GetFromJsonAsync<JsonNode>(path))!;

    [Fact]
    public async Task A_write_form_under_replay_axes_is_refused_and_a_post_with_them_records_nothing()
    {
        var id = await CommitmentAsync();
        var page = await app.SignInAsync("Ada All-roles", "secretariat", "auditor");

        // Opened with the axes: refused as a parameter a form does not take, saying why.
        var opened = await page.GotoAsync($"/commitments/{id}/status?effectiveOn=2026-06-20");
        Assert.Equal(400, opened!.Status);
        await Expect(page.Locator("#error-explanation")).ToContainTextAsync("Nothing can be recorded in a replay.");
        await Expect(page.Locator("form select[name=To]")).ToHaveCountAsync(0);

        // Sent with the axes (the form's address edited, or kept from a replay): refused, nothing recorded.
        await page.GotoAsync($"/commitments/{id}/status");
        await page.GetByLabel("New status").SelectOptionAsync("Fulfilled");
        await page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync("2026-11-20");
        await page.GetByLabel("Reason").FillAsync("posted from a replay");
        await page.EvaluateAsync("() => document.querySelector('main form[method=post]').setAttribute('action', location.pathname + '?effectiveOn=2026-06-20')");
        var sent = await page.RunAndWaitForResponseAsync(() => page.RecordAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, sent.Status);
        await Expect(page.Locator("#error-explanation")).ToContainTextAsync("Nothing can be recorded in a replay.");
        Assert.Equal("agreed", (string?)(await ApiAsync($"api/commitments/{id}"))["status"]);
    }

    [Fact]
    public async Task A_meeting_with_a_party_not_of_its_dialogue_is_refused_next_to_the_parties_and_a_far_future_arrangement_day_is_after_today()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync("/meetings/new");
        var title = "Test meeting with France " + Unique;
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Place").FillAsync("Osaka");
        await page.Locator("#plannedDates-from").FillAsync("2027-03-10");
        await page.Locator("#effectiveOn").FillAsync("2999-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(page.Locator("#effectiveOn-error")).ToContainTextAsync("'2999-01-01' is after today");
        await Expect(page.Locator("#effectiveOn-error")).Not.ToContainTextAsync("is not a date");

        // The form offers the dialogue's parties; a party posted that is not one of them is refused, not recorded.
        await page.Locator("#effectiveOn").FillAsync("2026-11-01");
        await page.EvaluateAsync("() => { const italy = document.getElementById('party-Italy'); italy.value = 'France'; italy.checked = true; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(page.Locator("#parties-error")).ToContainTextAsync("'France' is not a party to dialogue 'japan-italy-space'");
        var meetings = await ApiAsync("api/meetings?dialogue=japan-italy-space");
        Assert.DoesNotContain(meetings.AsArray(), m => (string?)m!["title"] == title);
    }

    [Fact]
    public async Task An_action_item_dated_before_its_field_was_defined_or_before_the_plans_period_is_refused_next_to_its_day()
    {
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        await page.GotoAsync("/action-plans/action-plan-2024-2027/item");
        await page.GetByLabel("Cooperation field").SelectOptionAsync("JPIT-08");
        await page.GetByLabel("Text").FillAsync("Joint SSA workshop " + Unique);
        foreach (var (day, said) in new[] { ("2023-05-01", "period of plan 'action-plan-2024-2027' starts on 2024"), ("2026-01-10", "cooperation field 'JPIT-08' was defined on 2026-06-15") })
        {
            await page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)").FillAsync(day);
            await page.RecordAsync();
            await Expect(page.Locator("#effectiveOn-error")).ToContainTextAsync(said);
            await Expect(page.GetByLabel("In effect on (yyyy-MM-dd, yyyy-MM or yyyy)")).ToHaveValueAsync(day);
        }
    }

    [Theory]
    [InlineData("2025-01-01", "dialogue 'japan-italy-space' was opened on 2026-01-16")]
    [InlineData("2026-03-01", "cooperation field 'JPIT-08' was defined on 2026-06-15")]
    public async Task A_commitment_made_before_its_dialogue_its_field_or_its_source_is_refused_naming_its_day(string on, string said)
    {
        var answer = await app.Host.Client.PostAsJsonAsync("api/commitments", new
        {
            commitmentId = "early-" + Unique, dialogueId = "japan-italy-space", fieldCode = "JPIT-08", text = "Early commitment test", parties = new[] { "Japan", "Italy" },
            agencies = Array.Empty<string>(), programmes = Array.Empty<string>(), source = new { kind = "meeting", id = "tokyo-summit-2026-01-16" }, status = "proposed", effectiveOn = on,
        });
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.UnprocessableEntity, body);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal("commitment-made-after-its-sources", (string?)problem["rule"]);
        Assert.Contains(said, (string?)problem["detail"]);
    }
}
