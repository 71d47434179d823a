using JasperFx.Events;

namespace Consultations.Projections.Rebuilding;

/// <summary>
/// A single-stream view folded outside Marten's runtime, for the bulk rebuild (ADR 0049): from one stream's live entries
/// (<see cref="Records.Refolding.Live"/>, in version order) to the document the projection would store for it, or null.
/// The projection's own fold, with the same event types it reads.
/// </summary>
public interface IStreamFold
{
    Type DocumentType { get; }

    object? Fold(string streamKey, IReadOnlyList<IEvent> live);
}
