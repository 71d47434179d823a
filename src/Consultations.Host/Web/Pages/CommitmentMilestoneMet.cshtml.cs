using Consultations.Domain.Commitments;
using Consultations.Host.Commitments;

namespace Consultations.Host.Web.Pages;

/// <summary>Records that a milestone, picked from the commitment's open ones, was met through <see cref="CommitmentEndpoints.Handle(MeetCommitmentMilestone, Recorder, CancellationToken)"/>.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class CommitmentMilestoneMetModel(Recorder recorder, WriteConditions conditions) : CommitmentForm(recorder, conditions)
{
    [BindProperty] public string? MilestoneId { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? MetOn { get; set; }

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        Require("milestoneId", MilestoneId, "Pick the milestone.");
        var on = RequiredDate("effectiveOn", MetOn, "is required: the day it was met.");
        return Errors.Count > 0 ? null
            : (r, c) => CommitmentEndpoints.Handle(new MeetCommitmentMilestone(id, MilestoneId!, OrNull(Note), on!.Value), r, c);
    }
}
