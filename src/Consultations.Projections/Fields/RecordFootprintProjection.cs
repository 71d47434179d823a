using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Consultations.Projections.Fields;

/// <summary>Keeps each record's footprint inline, one document per stream; see <see cref="RecordFootprint"/>.</summary>
public sealed partial class RecordFootprintProjection : SingleStreamProjection<RecordFootprint, string>
{
    public override RecordFootprint? Evolve(RecordFootprint? snapshot, string id, IEvent e) => RecordFootprint.Fold(snapshot, id, e.Data);
}
