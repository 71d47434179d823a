using Consultations.Host.Commitments;

namespace Consultations.Host.Web.Pages;

/// <summary>Sets the office that leads one party's part through <see cref="CommitmentEndpoints.Handle(SetCommitmentLead, Recorder, CancellationToken)"/>.</summary>
public sealed class CommitmentLeadModel : CommitmentForm
{
    public string? Party { get; set; }
    public string? Lead { get; set; }
    public string? Reason { get; set; }

    protected override object? Command(string id)
    {
        var on = EffectiveDay("is required: the day the lead took it on.");
        return Errors.Count > 0 ? null
            : new SetCommitmentLead(id, Party ?? "", Lead ?? "", on!.Value, OrNull(Reason));
    }
}
