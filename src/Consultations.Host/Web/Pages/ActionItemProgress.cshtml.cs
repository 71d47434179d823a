using Consultations.Domain.ActionPlans;
using Consultations.Host.ActionPlans;
using Consultations.Host.Infrastructure;
using Consultations.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consultations.Host.Web.Pages;

/// <summary>Records an open item's progress through <see cref="ActionPlanEndpoints.Handle(UpdateActionPlanItemProgress, Recorder, CancellationToken)"/>; the item picked from the plan's.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class ActionItemProgressModel(Recorder recorder, WriteConditions conditions) : ActionPlanForm(recorder, conditions)
{
    [BindProperty] public string? ItemId { get; set; }
    [BindProperty] public ItemProgress? Progress { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? ProgressOn { get; set; }

    /// <summary>Not-started, on-track and delayed: completing and dropping are their own steps on the API.</summary>
    public static IReadOnlyList<ItemProgress> Choices { get; } = [ItemProgress.NotStarted, ItemProgress.OnTrack, ItemProgress.Delayed];

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        if (string.IsNullOrWhiteSpace(ItemId)) Errors["itemId"] = "Pick the item.";
        if (Progress is null) Errors["progress"] = "Pick the item's progress.";
        if (string.IsNullOrWhiteSpace(ProgressOn)) Errors["effectiveOn"] = "is required: the day the progress was so.";
        var on = Date("effectiveOn", ProgressOn);
        return Errors.Count > 0 ? null
            : (r, c) => ActionPlanEndpoints.Handle(new UpdateActionPlanItemProgress(id, ItemId!, Progress!.Value, Note ?? "", on!.Value), r, c);
    }
}
