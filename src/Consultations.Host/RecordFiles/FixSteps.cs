using Consultations.Host.Corrections;

namespace Consultations.Host.RecordFiles;

/// <summary>
/// The record-file steps that void or correct an entry (ADR 0026). A file names the entry by its record and place
/// (a file is written before its events have ids); the step finds the entry's event id among the entries as this
/// unit sees them (stored, then recorded by earlier steps of the same file) and is then decided exactly as
/// <c>POST /api/voids</c> and <c>POST /api/corrections</c> decide it.
/// </summary>
public static class FixSteps
{
    [Step("void-entry")]
    public static async Task<Recorded> Handle(VoidEntryAt command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        var eventId = EntriesByPlace.Locate(command.Record, command.Version, command.Kind, await recorder.EntriesAsync(command.Record, ct));
        return await CorrectionEndpoints.Handle(new VoidEntry(eventId, command.Reason), recorder, ct);
    }

    [Step("correct-entry")]
    public static async Task<Recorded> Handle(CorrectEntryAt command, Recorder recorder, CancellationToken ct)
    {
        command.ThrowIfInvalid();
        var eventId = EntriesByPlace.Locate(command.Record, command.Version, command.Kind, await recorder.EntriesAsync(command.Record, ct));
        return await CorrectionEndpoints.Handle(command.For(eventId), recorder, ct);
    }
}
