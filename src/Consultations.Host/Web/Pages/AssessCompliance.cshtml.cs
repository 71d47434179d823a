using Consultations.Host.Commitments;

namespace Consultations.Host.Web.Pages;

/// <summary>Scores one party's compliance at a review through <see cref="CommitmentEndpoints.Handle(AssessCompliance, Recorder, CancellationToken)"/>.</summary>
public sealed class AssessComplianceModel : CommitmentForm
{
    public string? Party { get; set; }
    public string? ReviewedOn { get; set; }
    public int? Score { get; set; }
    public string? Justification { get; set; }
    public string? Reason { get; set; }

    protected override object? Command(string id)
    {
        Require("score", Score, "Pick the score.");
        var on = RequiredDate("reviewedOn", ReviewedOn, "is required: the date of the review.");
        return Errors.Count > 0 ? null
            : new AssessCompliance(id, Party ?? "", on!.Value, Score!.Value, Justification ?? "",
                OrNull(Reason));
    }
}
