using Consultations.Domain.Dialogues;
using Consultations.Host.Dialogues;

namespace Consultations.Host.Web.Pages;

/// <summary>Opens a dialogue through <see cref="DialogueEndpoints.Handle(OpenDialogue, Recorder, CancellationToken)"/>; its id made from its title, its parties named one a line.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class OpenDialogueModel(Recorder recorder, WriteConditions conditions) : NewRecordForm(recorder, conditions)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty(Name = "PartyNames")] public string? PartyNames { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? OpenedOn { get; set; }

    protected override async Task<(string Page, Func<Recorder, CancellationToken, Task<Recorded>>? Handle)> CommandAsync(CancellationToken ct)
    {
        var on = RequiredDate("effectiveOn", OpenedOn, "is required: the day the dialogue was opened.");
        var id = await NewIdAsync<Dialogue>("title", Title, "dialogue", ct);
        if (Errors.Count > 0) return ("", null);
        return ($"/dialogues/{id}", (r, c) => DialogueEndpoints.Handle(new OpenDialogue(id, Title!.Trim(), Lines(PartyNames), Optional(Subject), on!.Value), r, c));
    }
}
