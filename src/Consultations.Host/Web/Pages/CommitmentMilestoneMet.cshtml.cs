using Consultations.Host.Commitments;

namespace Consultations.Host.Web.Pages;

/// <summary>Records that a milestone, picked from the commitment's open ones, was met through <see cref="CommitmentEndpoints.Handle(MeetCommitmentMilestone, Recorder, CancellationToken)"/>.</summary>
public sealed class CommitmentMilestoneMetModel : CommitmentForm
{
    public string? MilestoneId { get; set; }
    public string? Note { get; set; }

    protected override object? Command(string id)
    {
        Require("milestoneId", MilestoneId, "Pick the milestone.");
        var on = EffectiveDay("is required: the day it was met.");
        return Errors.Count > 0 ? null
            : new MeetCommitmentMilestone(id, MilestoneId!, OrNull(Note), on!.Value);
    }
}
