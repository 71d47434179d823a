using Consultations.Host.Dialogues;

namespace Consultations.Host.Web.Pages;

/// <summary>Opens a dialogue through <see cref="DialogueEndpoints.Handle(OpenDialogue, Recorder, CancellationToken)"/>; its id made from its title, its parties named one a line.</summary>
public sealed class OpenDialogueModel : NewRecordForm
{
    public string? Title { get; set; }
    [BindProperty(Name = "PartyNames")] public string? PartyNames { get; set; }
    public string? Subject { get; set; }

    protected override async Task<(string Page, object? Command)> CommandAsync(CancellationToken ct)
    {
        var on = EffectiveDay("is required: the day the dialogue was opened.");
        var id = await NewIdAsync<Dialogue>("title", Title, "dialogue", ct);
        if (Errors.Count > 0) return ("", null);
        return ($"/dialogues/{id}", new OpenDialogue(id, Title!.Trim(), Lines(PartyNames), Optional(Subject), on!.Value));
    }
}
