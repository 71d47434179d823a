using Consultations.Domain.Commitments;
using Consultations.Host.Commitments;

namespace Consultations.Host.Web.Pages;

/// <summary>Moves an open milestone's due date, picked from the commitment's, through <see cref="CommitmentEndpoints.Handle(RescheduleCommitmentMilestone, Recorder, CancellationToken)"/>.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class CommitmentMilestoneRescheduleModel(Recorder recorder, WriteConditions conditions) : CommitmentForm(recorder, conditions)
{
    [BindProperty] public string? MilestoneId { get; set; }
    [BindProperty] public string? DueOn { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? AgreedOn { get; set; }
    [BindProperty] public string? Reason { get; set; }

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        Require("milestoneId", MilestoneId, "Pick the milestone.");
        var due = RequiredDate("dueOn", DueOn, "is required: when it now falls due.");
        var on = RequiredDate("effectiveOn", AgreedOn, "is required: the day the new date was agreed.");
        return Errors.Count > 0 ? null
            : (r, c) => CommitmentEndpoints.Handle(new RescheduleCommitmentMilestone(id, MilestoneId!, due!.Value, on!.Value, Reason ?? ""), r, c);
    }
}
