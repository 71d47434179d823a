using Consultations.Domain.ActionPlans;
using Consultations.Host.ActionPlans;

namespace Consultations.Host.Web.Pages;

/// <summary>Adopts an action plan through <see cref="ActionPlanEndpoints.Handle(AdoptActionPlan, Recorder, CancellationToken)"/>: the dialogue picked, the id made from the title.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class AdoptActionPlanModel(Recorder recorder, WriteConditions conditions) : NewRecordForm(recorder, conditions)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? PeriodFrom { get; set; }
    [BindProperty] public string? PeriodTo { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? AdoptedOn { get; set; }

    protected override async Task<(string Page, Func<Recorder, CancellationToken, Task<Recorded>>? Handle)> CommandAsync(CancellationToken ct)
    {
        var from = RequiredDate("periodFrom", PeriodFrom, "is required: when the plan's period begins.");
        var to = RequiredDate("periodTo", PeriodTo, "is required: when the plan's period ends.");
        var on = Date("effectiveOn", AdoptedOn);
        var id = await NewIdAsync<ActionPlan>("title", Title, "plan", ct);
        if (Errors.Count > 0) return ("", null);
        return ($"/action-plans/{id}", (r, c) => ActionPlanEndpoints.Handle(new AdoptActionPlan(id, DialogueId ?? "", Title!.Trim(), from!.Value, to!.Value, on), r, c));
    }
}
