namespace Consultations.Domain.Common;

/// <summary>An event on record: the stream it belongs to, its version in that stream, and its id.</summary>
public sealed record EventRef(string StreamId, long Version, Guid EventId);

/// <summary>
/// A correction never edits what was recorded: it is a later event, in the same record, that names the event it
/// corrects and says why. Replays recorded before it show the old fact; replays after it show the corrected one.
/// </summary>
public interface ICorrection
{
    EventRef Corrects { get; }

    /// <summary>The effective date the corrected event has once corrected.</summary>
    PartialDate EffectiveOn { get; }

    string Reason { get; }
}
