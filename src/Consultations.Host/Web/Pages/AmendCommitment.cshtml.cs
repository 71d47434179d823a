using Consultations.Domain.Commitments;
using Consultations.Host.Commitments;
using Consultations.Host.Infrastructure;
using Consultations.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consultations.Host.Web.Pages;

/// <summary>Amends a commitment's text through <see cref="CommitmentEndpoints.Handle(AmendCommitment, Recorder, CancellationToken)"/>.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class AmendCommitmentModel(Recorder recorder, WriteConditions conditions) : CommitmentForm(recorder, conditions)
{
    [BindProperty] public string? Text { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? AmendedOn { get; set; }
    [BindProperty] public string? Reason { get; set; }

    protected override void Fill() => Text = Commitment.Text;

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        if (string.IsNullOrWhiteSpace(AmendedOn)) Errors["effectiveOn"] = "is required: the day the new text took effect.";
        var on = Date("effectiveOn", AmendedOn);
        return Errors.Count > 0 ? null : (r, c) => CommitmentEndpoints.Handle(new AmendCommitment(id, Text ?? "", on!.Value, Reason ?? ""), r, c);
    }
}
