using Consultations.Host.ActionPlans;

namespace Consultations.Host.Web.Pages;

/// <summary>Adopts an action plan through <see cref="ActionPlanEndpoints.Handle(AdoptActionPlan, Recorder, CancellationToken)"/>: the dialogue picked, the id made from the title.</summary>
public sealed class AdoptActionPlanModel : NewRecordForm
{
    public string? Title { get; set; }
    public string? PeriodFrom { get; set; }
    public string? PeriodTo { get; set; }

    protected override async Task<(string Page, object? Command)> CommandAsync(CancellationToken ct)
    {
        var from = RequiredDate("periodFrom", PeriodFrom, "is required: when the plan's period begins.");
        var to = RequiredDate("periodTo", PeriodTo, "is required: when the plan's period ends.");
        var on = EffectiveDay();
        var id = await NewIdAsync<ActionPlan>("title", Title, "plan", ct);
        if (Errors.Count > 0) return ("", null);
        return ($"/action-plans/{id}", new AdoptActionPlan(id, DialogueId ?? "", Title!.Trim(), from!.Value, to!.Value, on));
    }
}
