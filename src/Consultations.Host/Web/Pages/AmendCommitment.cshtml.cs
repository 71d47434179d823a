using Consultations.Domain.Commitments;
using Consultations.Host.Commitments;

namespace Consultations.Host.Web.Pages;

/// <summary>Amends a commitment's text through <see cref="CommitmentEndpoints.Handle(AmendCommitment, Recorder, CancellationToken)"/>.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class AmendCommitmentModel(Recorder recorder, WriteConditions conditions) : CommitmentForm(recorder, conditions)
{
    [BindProperty] public string? Text { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? AmendedOn { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Wording? TextIs { get; set; }

    protected override void Fill() => Text = Commitment.Text;

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        var on = RequiredDate("effectiveOn", AmendedOn, "is required: the day the new text took effect.");
        return Errors.Count > 0 ? null : (r, c) => CommitmentEndpoints.Handle(new AmendCommitment(id, Text ?? "", on!.Value, Reason ?? "", TextIs), r, c);
    }
}
