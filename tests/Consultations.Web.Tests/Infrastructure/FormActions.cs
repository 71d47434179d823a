namespace Consultations.Web.Tests.Infrastructure;

/// <summary>What the form tests do again and again: submit a form, and see it come back with an error next to a field.</summary>
public static class FormActions
{
    public static Task RecordAsync(this IPage page, string button = "Record") => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();

    /// <summary>Submits a revision of a meeting's outcome (the seeded meetings have one: the form says it replaces it and asks why, ADR 0060).</summary>
    public static async Task ReplaceOutcomeAsync(this IPage page, string reason = "The outcome as now known.")
    {
        await page.GetByLabel("Reason", new() { Exact = true }).FillAsync(reason);
        await page.RecordAsync("Replace the outcome");
    }

    /// <summary>
    /// Submits the form, which must come back with an error next to the input whose id is <paramref name="field"/>, and
    /// checks that page (axe, screenshot <paramref name="screenshot"/>); the caller then checks what the form kept.
    /// </summary>
    public static async Task RecordRefusedAtAsync(this IPage page, string field, string screenshot)
    {
        await page.RecordAsync();
        await Expect(page.Locator($"#{field}-error")).Not.ToBeEmptyAsync();
        await WebApp.CheckAsync(page, screenshot);
    }
}
