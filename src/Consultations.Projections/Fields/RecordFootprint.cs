namespace Consultations.Projections.Fields;

/// <summary>
/// What one record (one event stream) contributes to the dialogue's views: the dialogue it belongs to, every
/// cooperation field it has touched, and its own share of each of those fields' status. Each stream writes only its
/// own footprint, in the same transaction as its events and under the stream's version check, so parallel writers
/// on different records can never overwrite each other's counts; a field's status is the sum of its footprints,
/// computed when it is read (<see cref="FieldStatusFold.Merge"/>). The footprints are also the index that lets a
/// replay read only the streams of one field or one dialogue (ADR 0017).
/// </summary>
public sealed class RecordFootprint
{
    /// <summary>The stream key of the record.</summary>
    public string Id { get; set; } = "";

    public string? DialogueId { get; set; }

    /// <summary>Every field the record's events have named, in the order first named; it only grows.</summary>
    public List<string> FieldCodes { get; set; } = [];

    /// <summary>The record's share of each field's status (counts it added, agencies it named, the latest touch it made).</summary>
    public Dictionary<string, FieldStatus> Fields { get; set; } = [];

    /// <summary>Folds one event of the record into its footprint.</summary>
    public static RecordFootprint Fold(RecordFootprint? footprint, string streamKey, object e)
    {
        footprint ??= new RecordFootprint { Id = streamKey };
        footprint.DialogueId ??= EventDialogue.Of(e);
        foreach (var code in FieldStatusFold.FieldCodes(e))
        {
            if (!footprint.Fields.TryGetValue(code, out var share))
            {
                footprint.Fields[code] = share = new FieldStatus { Id = code };
                footprint.FieldCodes.Add(code);
            }

            FieldStatusFold.Apply(share, e);
        }

        return footprint;
    }
}

/// <summary>The dialogue an event names, when it names one (the first event of every record does).</summary>
public static class EventDialogue
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, System.Reflection.PropertyInfo?> Properties = new();

    public static string? Of(object e) =>
        Properties.GetOrAdd(e.GetType(), t => t.GetProperty("DialogueId"))?.GetValue(e) as string;
}
