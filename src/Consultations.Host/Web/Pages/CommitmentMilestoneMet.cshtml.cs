using Consultations.Domain.Commitments;
using Consultations.Host.Commitments;
using Consultations.Host.Infrastructure;
using Consultations.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

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
        if (string.IsNullOrWhiteSpace(MilestoneId)) Errors["milestoneId"] = "Pick the milestone.";
        if (string.IsNullOrWhiteSpace(MetOn)) Errors["effectiveOn"] = "is required: the day it was met.";
        var on = Date("effectiveOn", MetOn);
        return Errors.Count > 0 ? null
            : (r, c) => CommitmentEndpoints.Handle(new MeetCommitmentMilestone(id, MilestoneId!, string.IsNullOrWhiteSpace(Note) ? null : Note, on!.Value), r, c);
    }
}
