using Consultations.Host.Commitments;

namespace Consultations.Host.Web.Pages;

/// <summary>Moves an open milestone's due date, picked from the commitment's, through <see cref="CommitmentEndpoints.Handle(RescheduleCommitmentMilestone, Recorder, CancellationToken)"/>.</summary>
public sealed class CommitmentMilestoneRescheduleModel : CommitmentForm
{
    public string? MilestoneId { get; set; }
    public string? DueOn { get; set; }
    public string? Reason { get; set; }

    protected override object? Command(string id)
    {
        Require("milestoneId", MilestoneId, "Pick the milestone.");
        var due = RequiredDate("dueOn", DueOn, "is required: when it now falls due.");
        var on = EffectiveDay("is required: the day the new date was agreed.");
        return Errors.Count > 0 ? null
            : new RescheduleCommitmentMilestone(id, MilestoneId!, due!.Value, on!.Value, Reason ?? "");
    }
}
