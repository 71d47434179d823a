using Consultations.Domain.Commitments;
using Consultations.Host.Commitments;

namespace Consultations.Host.Web.Pages;

/// <summary>Scores one party's compliance at a review through <see cref="CommitmentEndpoints.Handle(AssessCompliance, Recorder, CancellationToken)"/>.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class AssessComplianceModel(Recorder recorder, WriteConditions conditions) : CommitmentForm(recorder, conditions)
{
    [BindProperty] public string? Party { get; set; }
    [BindProperty] public string? ReviewedOn { get; set; }
    [BindProperty] public int? Score { get; set; }
    [BindProperty] public string? Justification { get; set; }
    [BindProperty] public string? Reason { get; set; }

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        Require("score", Score, "Pick the score.");
        var on = RequiredDate("reviewedOn", ReviewedOn, "is required: the date of the review.");
        return Errors.Count > 0 ? null
            : (r, c) => CommitmentEndpoints.Handle(new AssessCompliance(id, Party ?? "", on!.Value, Score!.Value, Justification ?? "",
                OrNull(Reason)), r, c);
    }
}
