using Consultations.Host.Commitments;

namespace Consultations.Host.Web.Pages;

/// <summary>Amends a commitment's text through <see cref="CommitmentEndpoints.Handle(AmendCommitment, Recorder, CancellationToken)"/>.</summary>
public sealed class AmendCommitmentModel : CommitmentForm
{
    public string? Text { get; set; }
    public string? Reason { get; set; }
    public Wording? TextIs { get; set; }

    protected override void Fill() => Text = Commitment.Text;

    protected override object? Command(string id)
    {
        var on = EffectiveDay("is required: the day the new text took effect.");
        return Errors.Count > 0 ? null : new AmendCommitment(id, Text ?? "", on!.Value, Reason ?? "", TextIs);
    }
}
