using Consultations.Domain.Commitments;
using Consultations.Host.Commitments;

namespace Consultations.Host.Web.Pages;

/// <summary>
/// Adds a dated milestone through <see cref="CommitmentEndpoints.Handle(AddCommitmentMilestone, Recorder, CancellationToken)"/>;
/// its id is made from its title (the person never types one).
/// </summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class CommitmentMilestoneModel(Recorder recorder, WriteConditions conditions) : CommitmentForm(recorder, conditions)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? DueOn { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? AddedOn { get; set; }

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        var due = RequiredDate("dueOn", DueOn, "is required: when it falls due.");
        var on = RequiredDate("effectiveOn", AddedOn, "is required: the day it was agreed.");
        var milestoneId = WebIds.Slug(Title);
        if (milestoneId.Length > 0 && Commitment.Milestones.Any(m => m.MilestoneId == milestoneId))
            Errors["title"] = "This commitment already has a milestone of that title.";
        return Errors.Count > 0 ? null
            : (r, c) => CommitmentEndpoints.Handle(new AddCommitmentMilestone(id, milestoneId, Title ?? "", due!.Value, on!.Value), r, c);
    }
}
