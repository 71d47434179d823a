using Consultations.Domain.Commitments;
using Consultations.Host.Commitments;
using Consultations.Host.Infrastructure;
using Consultations.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consultations.Host.Web.Pages;

/// <summary>Sets the office that leads one party's part through <see cref="CommitmentEndpoints.Handle(SetCommitmentLead, Recorder, CancellationToken)"/>.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class CommitmentLeadModel(Recorder recorder, WriteConditions conditions) : CommitmentForm(recorder, conditions)
{
    [BindProperty] public string? Party { get; set; }
    [BindProperty] public string? Lead { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? LeadSince { get; set; }
    [BindProperty] public string? Reason { get; set; }

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        if (string.IsNullOrWhiteSpace(LeadSince)) Errors["effectiveOn"] = "is required: the day the lead took it on.";
        var on = Date("effectiveOn", LeadSince);
        return Errors.Count > 0 ? null
            : (r, c) => CommitmentEndpoints.Handle(new SetCommitmentLead(id, Party ?? "", Lead ?? "", on!.Value, string.IsNullOrWhiteSpace(Reason) ? null : Reason), r, c);
    }
}
