using Consultations.Domain.Commitments;
using Consultations.Host.Commitments;
using Consultations.Host.Infrastructure;
using Consultations.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

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
        if (Score is null) Errors["score"] = "Pick the score.";
        if (string.IsNullOrWhiteSpace(ReviewedOn)) Errors["reviewedOn"] = "is required: the date of the review.";
        var on = Date("reviewedOn", ReviewedOn);
        return Errors.Count > 0 ? null
            : (r, c) => CommitmentEndpoints.Handle(new AssessCompliance(id, Party ?? "", on!.Value, Score!.Value, Justification ?? "",
                string.IsNullOrWhiteSpace(Reason) ? null : Reason), r, c);
    }
}
