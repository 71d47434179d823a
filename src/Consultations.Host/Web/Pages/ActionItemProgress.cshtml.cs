using Consultations.Host.ActionPlans;

namespace Consultations.Host.Web.Pages;

/// <summary>Records an open item's progress through <see cref="ActionPlanEndpoints.Handle(UpdateActionPlanItemProgress, Recorder, CancellationToken)"/>; the item picked from the plan's.</summary>
public sealed class ActionItemProgressModel : ActionItemForm
{
    public ItemProgress? Progress { get; set; }
    public string? Note { get; set; }

    /// <summary>Not-started, on-track and delayed: completing and dropping are their own steps on the API.</summary>
    public static IReadOnlyList<ItemProgress> Choices { get; } = [ItemProgress.NotStarted, ItemProgress.OnTrack, ItemProgress.Delayed];

    protected override object? Command(string id)
    {
        Require("itemId", ItemId, "Pick the item.");
        Require("progress", Progress, "Pick the item's progress.");
        var on = EffectiveDay("is required: the day the progress was so.");
        return Errors.Count > 0 ? null
            : new UpdateActionPlanItemProgress(id, ItemId!, Progress!.Value, Note ?? "", on!.Value);
    }
}
