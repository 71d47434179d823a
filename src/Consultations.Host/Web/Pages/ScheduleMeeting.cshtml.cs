using Consultations.Host.Meetings;

namespace Consultations.Host.Web.Pages;

/// <summary>
/// Schedules a meeting through <see cref="MeetingEndpoints.Handle(ScheduleMeeting, Recorder, CancellationToken)"/>: the dialogue
/// and its parties are picked from the record; the new meeting's id is made from its title and first planned day.
/// </summary>
public sealed class ScheduleMeetingModel : NewRecordForm
{
    public MeetingKind Kind { get; set; } = MeetingKind.Consultation;
    public string? Title { get; set; }
    public string? Place { get; set; }
    public string? DatesFrom { get; set; }
    public string? DatesTo { get; set; }
    public List<string> Parties { get; set; } = [];
    public Dictionary<string, string?> Heads { get; set; } = [];

    /// <summary>When the day it was arranged is not known: a day by which it had been (the API's <c>knownBy</c>).</summary>
    public string? KnownBy { get; set; }

    protected override void Fill() => Parties = [.. AllParties];

    protected override async Task<(string Page, object? Command)> CommandAsync(CancellationToken ct)
    {
        var dates = Span("plannedDates", DatesFrom, DatesTo);
        var arranged = EffectiveDay();
        var known = Date("knownBy", KnownBy);
        var id = Id(Title, dates);
        if (id.Length == 0) Errors["title"] = "is required: the meeting's name, as it will be known.";
        else if (await Session.LoadAsync<Meeting>(id, ct) is not null && !await FormTokens.RecordedAsync(Session, FormToken, ct)) Errors["title"] = $"A meeting '{id}' is already on record: give this one another title or date.";
        var delegations = Parties.Select(p => (Party: p, Head: Heads.GetValueOrDefault(p)?.Trim()))
            .Where(d => !string.IsNullOrEmpty(d.Head)).Select(d => new Delegation(d.Party, d.Head, [])).ToList();
        return ($"/meetings/{id}", Errors.Count > 0 ? null
            : new ScheduleMeeting(id, DialogueId ?? "", Kind, Title!.Trim(), Place ?? "", dates, Parties, delegations, arranged, known));
    }

    /// <summary>"Space consultations 3, Tokyo" planned from 2027-05 → "space-consultations-3-tokyo-2027-05".</summary>
    private static string Id(string? title, DateSpan? dates) =>
        WebIds.Slug(title) is { Length: > 0 } slug ? WebIds.Slug(dates is null ? slug : $"{slug}-{dates.From}") : "";
}
