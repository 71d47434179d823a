using Consultations.Projections.Rebuilding;
using Consultations.Projections.Records;
using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events.Aggregation;

namespace Consultations.Projections.Fields;

/// <summary>Keeps each record's footprint inline, one document per stream; see <see cref="RecordFootprint"/>.</summary>
public sealed partial class RecordFootprintProjection : SingleStreamProjection<RecordFootprint, string>, IStreamFold
{
    public Type DocumentType => typeof(RecordFootprint);

    public object? Fold(string streamKey, IReadOnlyList<IEvent> live)
    {
        RecordFootprint? footprint = null;
        foreach (var e in live) footprint = RecordFootprint.Fold(footprint, streamKey, e.Data);
        return footprint;
    }

    public override ValueTask<(RecordFootprint?, ActionType)> DetermineActionAsync(IQuerySession session, RecordFootprint? snapshot, string identity,
        IIdentitySetter<RecordFootprint, string> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
        Refolding.StreamAsync(session, snapshot, identity, events, (s, e) => RecordFootprint.Fold(s, identity, e.Data), cancellation);
}
