using Consultations.Host.Commitments;

namespace Consultations.Host.Web.Pages;

/// <summary>Records one party's own progress through <see cref="CommitmentEndpoints.Handle(ChangePartyProgress, Recorder, CancellationToken)"/>.</summary>
public sealed class PartyProgressModel : CommitmentForm
{
    public string? Party { get; set; }
    public PartyProgress? Progress { get; set; }
    public string? Reason { get; set; }

    protected override object? Command(string id)
    {
        Require("progress", Progress, "Pick the party's progress.");
        var on = EffectiveDay("is required: the day the progress was so.");
        return Errors.Count > 0 ? null
            : new ChangePartyProgress(id, Party ?? "", Progress!.Value, on!.Value, Reason ?? "");
    }
}
