using Consultations.Domain.Dialogues;
using Consultations.Domain.Meetings;
using Consultations.Host.Meetings;

namespace Consultations.Host.Web.Pages;

/// <summary>
/// Schedules a meeting through <see cref="MeetingEndpoints.Handle(ScheduleMeeting, Recorder, CancellationToken)"/>: the dialogue
/// and its parties are picked from the record; the new meeting's id is made from its title and first planned day.
/// </summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class ScheduleMeetingModel(Recorder recorder, WriteConditions conditions) : WebForm(recorder, conditions)
{
    [BindProperty] public string? DialogueId { get; set; }
    [BindProperty] public MeetingKind Kind { get; set; } = MeetingKind.Consultation;
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? DatesFrom { get; set; }
    [BindProperty] public string? DatesTo { get; set; }
    [BindProperty] public List<string> Parties { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Heads { get; set; } = [];
    [BindProperty(Name = "effectiveOnDate")] public string? ArrangedOn { get; set; }

    /// <summary>The dialogue picked on the dashboard the form was reached from: the form starts with it and its parties.</summary>
    [BindProperty(SupportsGet = true)] public string? Dialogue { get; set; }

    public IReadOnlyList<Dialogue> Dialogues { get; private set; } = [];

    public IReadOnlyList<string> AllParties => WebDialogues.Parties(Dialogues, Dialogue);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        DialogueId = Dialogues.FirstOrDefault()?.Id;
        Parties = [.. Dialogues.FirstOrDefault()?.Parties ?? []];
        NewToken();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var dates = Span("plannedDates", DatesFrom, DatesTo);
        var arranged = Date("effectiveOn", ArrangedOn);
        var id = Id(Title, dates);
        if (id.Length == 0) Errors["title"] = "is required: the meeting's name, as it will be known.";
        else if (await Session.LoadAsync<Meeting>(id, ct) is not null) Errors["title"] = $"A meeting '{id}' is already on record: give this one another title or date.";
        var delegations = Parties.Select(p => (Party: p, Head: Heads.GetValueOrDefault(p)?.Trim()))
            .Where(d => !string.IsNullOrEmpty(d.Head)).Select(d => new Delegation(d.Party, d.Head, [])).ToList();
        if (Errors.Count == 0
            && await RecordAsync((r, c) => MeetingEndpoints.Handle(
                new ScheduleMeeting(id, DialogueId ?? "", Kind, Title!.Trim(), Place ?? "", dates, Parties, delegations, arranged), r, c), ct))
            return Redirect($"/meetings/{id}");
        if (Errors.Count > 0 && Response.StatusCode == 200) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>"Space consultations 3, Tokyo" planned from 2027-05 → "space-consultations-3-tokyo-2027-05".</summary>
    private static string Id(string? title, DateSpan? dates) =>
        WebIds.Slug(title) is { Length: > 0 } slug ? WebIds.Slug(dates is null ? slug : $"{slug}-{dates.From}") : "";

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var read = HttpContext.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        Dialogues = WebDialogues.PickedFirst(await WebDialogues.InOrderOpenedAsync(read, ct), Dialogue);
    }
}
