using Consultations.Domain.ActionPlans;
using Consultations.Host.ActionPlans;

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
        Require("itemId", ItemId, "Pick the item.");
        Require("progress", Progress, "Pick the item's progress.");
        var on = RequiredDate("effectiveOn", ProgressOn, "is required: the day the progress was so.");
        return Errors.Count > 0 ? null
            : (r, c) => ActionPlanEndpoints.Handle(new UpdateActionPlanItemProgress(id, ItemId!, Progress!.Value, Note ?? "", on!.Value), r, c);
    }
}
