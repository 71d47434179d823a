using System.Reflection;
using Consultations.Host.Web;
using Microsoft.AspNetCore.Razor.Hosting;

namespace Consultations.Web.Tests;

/// <summary>
/// Every form's closed lists (a select or radio group bound to a list of values: a kind, a status, a certainty) refuse a
/// value outside the list next to the input, with 400 (a form records only with no error) (third review, finding 13). The forms and
/// their lists are read from the app (its compiled pages, each form's route and its model's list-typed inputs), so a
/// form or a list added later is walked too.
/// </summary>
[Collection("web")]
public sealed class ClosedListTests(WebApp app)
{
    private const string Outside = "zz-not-a-choice";

    /// <summary>Each recording form of the app: its route and its model's inputs that take a value from a closed list.</summary>
    private static IEnumerable<(string Route, Type Model, PropertyInfo[] Lists)> Forms() =>
        from item in typeof(WebForm).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
        let route = item.Type.GetCustomAttributes<RazorCompiledItemMetadataAttribute>().FirstOrDefault(m => m.Key == "RouteTemplate")?.Value
        let model = item.Type.GetProperty("Model")?.PropertyType
        where route is not null && model is not null && typeof(WebForm).IsAssignableFrom(model)
        select (route, model, model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic && (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType).IsEnum).ToArray());

    [Fact]
    public async Task Every_forms_closed_list_refuses_a_value_outside_it_next_to_its_input()
    {
        var forms = Forms().ToList();
        Assert.True(forms.Count > 30, $"only {forms.Count} forms found");
        var page = await app.SignInAsync("Sachiko Secretariat", "secretariat");
        var candidates = await CandidatesAsync();
        var wrong = new List<string>();
        var checkedLists = 0;
        foreach (var (route, model, lists) in forms.Where(f => f.Lists.Length > 0))
        {
            var path = await OpenableAsync(page, route, candidates);
            if (path is null)
            {
                wrong.Add($"{route}: no record opens the form");
                continue;
            }

            foreach (var list in lists)
            {
                await page.GotoAsync(path);
                var form = page.Locator("main form[method=post]");
                var input = form.Locator($"select[name={list.Name}], input[type=radio][name={list.Name}]");
                // A list the form shows only in some states (a correction's target, for a status change only) is not on this one.
                if (await input.CountAsync() == 0) continue;
                var describedBy = await input.First.EvaluateAsync<string?>(
                    "i => i.getAttribute('aria-describedby') ?? i.closest('fieldset')?.getAttribute('aria-describedby') ?? null");
                var fields = await form.EvaluateAsync<string[][]>("f => [...new FormData(f)].map(([k, v]) => [k, String(v)])");
                var data = page.Context.APIRequest.CreateFormData();
                foreach (var pair in fields.Where(p => p[0] != list.Name)) data.Append(pair[0], pair[1]);
                data.Append(list.Name, Outside);
                var answer = await page.Context.APIRequest.PostAsync(path, new() { Form = data, MaxRedirects = 0 });
                checkedLists++;
                if (answer.Status != 400)
                {
                    wrong.Add($"{path} {list.Name}: {answer.Status}");
                    continue;
                }

                await page.SetContentAsync(await answer.TextAsync());
                var error = describedBy is null ? "" : await page.Locator($"[id='{describedBy.Split(' ')[0]}']").InnerTextAsync();
                if (!error.Contains($"'{Outside}' is not one of the choices", StringComparison.Ordinal))
                    wrong.Add($"{path} {list.Name}: next to it \"{error}\"");
            }
        }

        Assert.True(checkedLists >= 5, $"only {checkedLists} closed lists walked");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>Records to open the forms on, per kind of record (the first that opens a form is used).</summary>
    private async Task<Dictionary<string, string[]>> CandidatesAsync()
    {
        var meeting = "closed-lists-" + Unique;
        await app.PostOkAsync("api/meetings", new
        {
            meetingId = meeting, dialogueId = "japan-italy-space", kind = "working-group", title = "Closed lists " + meeting, place = "Osaka",
            plannedDates = new { from = Day(30) }, parties = new[] { "Japan", "Italy" }, delegations = Array.Empty<object>(), effectiveOn = Day(-5),
        });
        var statement = "closed-lists-statement-" + Unique;
        await app.PostOkAsync("api/statements", new { statementId = statement, dialogueId = "japan-italy-space", title = "Closed lists " + statement, effectiveOn = Day(-5) });
        var commitment = "closed-lists-commitment-" + Unique;
        await app.PostOkAsync("api/commitments", new
        {
            commitmentId = commitment, dialogueId = "japan-italy-space", fieldCode = "JPIT-08", text = "Closed lists " + commitment, parties = new[] { "Japan", "Italy" },
            agencies = Array.Empty<string>(), programmes = Array.Empty<string>(), source = new { kind = "meeting", id = "rome-summit-2026-06-15" },
            status = "agreed", effectiveOn = "2026-06-15",
        });
        await app.PostOkAsync($"api/commitments/{commitment}/status", new { to = "in-progress", effectiveOn = Day(-3), reason = "Started." });
        var status = (await app.Host.GetJsonAsync($"api/commitments/{commitment}"))["history"]!.AsArray()
            .Last(h => h!["kind"]!.GetValue<string>() == "commitment-status-changed")!["eventId"]!.GetValue<string>();

        return new()
        {
            ["meetings"] = [meeting, "rome-summit-2026-06-15"],
            ["statements"] = [statement, "jp-it-joint-statement-space-2026-06-15"],
            ["commitments"] = [commitment],
            ["action-plans"] = ["action-plan-2024-2027"],
            ["documents"] = ["japan-italy-joint-statement-2026-06-15"],
            ["fields"] = ["JPIT-01"],
            ["entries"] = [status],
        };
    }

    /// <summary>The form's address on the first candidate record it opens on (200); null when none does.</summary>
    private static async Task<string?> OpenableAsync(IPage page, string route, Dictionary<string, string[]> candidates)
    {
        var segments = route.Trim('/').Split('/');
        if (!route.Contains('{', StringComparison.Ordinal)) return (await page.GotoAsync(route))!.Status == 200 ? route : null;
        foreach (var id in candidates.GetValueOrDefault(segments[0]) ?? [])
        {
            var path = "/" + string.Join('/', segments.Select(s => s.StartsWith('{') ? Uri.EscapeDataString(id) : s));
            if ((await page.GotoAsync(path))!.Status == 200) return path;
        }

        return null;
    }
}
