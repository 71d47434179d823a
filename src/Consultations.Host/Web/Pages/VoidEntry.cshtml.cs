using Consultations.Host.Corrections;

namespace Consultations.Host.Web.Pages;

/// <summary>Voids an entry from its history line through <see cref="CorrectionEndpoints.Handle(VoidEntry, Recorder, CancellationToken)"/>.</summary>
public sealed class VoidEntryModel : EntryForm
{
    public string? Reason { get; set; }

    protected override object Command(Guid eventId) => new VoidEntry(eventId, Reason ?? "");
}
