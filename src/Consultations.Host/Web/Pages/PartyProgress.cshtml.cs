using Consultations.Domain.Commitments;
using Consultations.Host.Commitments;

namespace Consultations.Host.Web.Pages;

/// <summary>Records one party's own progress through <see cref="CommitmentEndpoints.Handle(ChangePartyProgress, Recorder, CancellationToken)"/>.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class PartyProgressModel(Recorder recorder, WriteConditions conditions) : CommitmentForm(recorder, conditions)
{
    [BindProperty] public string? Party { get; set; }
    [BindProperty] public PartyProgress? Progress { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? ProgressOn { get; set; }
    [BindProperty] public string? Reason { get; set; }

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        Require("progress", Progress, "Pick the party's progress.");
        var on = RequiredDate("effectiveOn", ProgressOn, "is required: the day the progress was so.");
        return Errors.Count > 0 ? null
            : (r, c) => CommitmentEndpoints.Handle(new ChangePartyProgress(id, Party ?? "", Progress!.Value, on!.Value, Reason ?? ""), r, c);
    }
}
