using Consultations.Domain.Commitments;
using Consultations.Host.Commitments;

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
        var on = RequiredDate("effectiveOn", LeadSince, "is required: the day the lead took it on.");
        return Errors.Count > 0 ? null
            : (r, c) => CommitmentEndpoints.Handle(new SetCommitmentLead(id, Party ?? "", Lead ?? "", on!.Value, OrNull(Reason)), r, c);
    }
}
