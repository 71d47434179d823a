using Consultations.Host.Commitments;

namespace Consultations.Host.Web.Pages;

/// <summary>
/// Adds a dated milestone through <see cref="CommitmentEndpoints.Handle(AddCommitmentMilestone, Recorder, CancellationToken)"/>;
/// its id is made from its title (the person never types one).
/// </summary>
public sealed class CommitmentMilestoneModel : CommitmentForm
{
    public string? Title { get; set; }
    public string? DueOn { get; set; }

    protected override object? Command(string id)
    {
        var due = RequiredDate("dueOn", DueOn, "is required: when it falls due.");
        var on = EffectiveDay("is required: the day it was agreed.");
        var milestoneId = WebIds.Slug(Title);
        if (milestoneId.Length > 0 && Commitment.Milestones.Any(m => m.MilestoneId == milestoneId))
            Errors["title"] = "This commitment already has a milestone of that title.";
        return Errors.Count > 0 ? null
            : new AddCommitmentMilestone(id, milestoneId, Title ?? "", due!.Value, on!.Value);
    }
}
