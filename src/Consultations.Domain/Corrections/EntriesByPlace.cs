using Consultations.Domain.Commitments;
using Consultations.Domain.Common;

namespace Consultations.Domain.Corrections;

/// <summary>
/// Void an entry named by its place in its record, as a record file names it (a file is written before its events have
/// ids): the record's id, the entry's <c>version</c> in that record (as the record's history shows it; in a file that
/// writes the record from its start, the entry's position among that record's steps) and its <c>kind</c>, which must
/// match, so a miscounted position is refused rather than voiding another entry (ADR 0026).
/// </summary>
public sealed record VoidEntryAt(string Record, long Version, string Kind, string Reason) : ICommand
{
    public void Check(Check check)
    {
        EntriesByPlace.CheckPlace(check, Record, Version, Kind);
        check.Text("reason", Reason, 4000);
    }
}

/// <summary>Correct values of an entry named by its place in its record (see <see cref="VoidEntryAt"/>); the values are those of <see cref="CorrectEntry"/>.</summary>
public sealed record CorrectEntryAt(string Record, long Version, string Kind, string Reason, CommitmentStatus? To = null,
    PartialDate? EffectiveOn = null, string? Place = null, DateSpan? Dates = null, string? Summary = null,
    IReadOnlyList<string>? Decisions = null) : ICommand
{
    public void Check(Check check)
    {
        EntriesByPlace.CheckPlace(check, Record, Version, Kind);
        For(Guid.AllBitsSet).Check(check);
    }

    public CorrectEntry For(Guid eventId) => new(eventId, Reason, To, EffectiveOn, Place, Dates, Summary, Decisions);
}

public static class EntriesByPlace
{
    internal static void CheckPlace(Check check, string record, long version, string kind) => check
        .Text("record", record, 80)
        .When(version < 1, "version", "must be 1 or more: the entry's version in its record, as the record's history shows it.")
        .Text("kind", kind, 80);

    /// <summary>The event id of the entry at <paramref name="version"/> of <paramref name="record"/>, refused (naming the field) when the record has no such entry or it is of another kind.</summary>
    public static Guid Locate(string record, long version, string kind, IReadOnlyList<Entry> entries)
    {
        if (entries.Count == 0) throw InvalidCommand.For("record", $"No record '{record}' is on record.");
        var entry = entries.FirstOrDefault(e => e.Version == version)
                    ?? throw InvalidCommand.For("version", $"Record '{record}' has no entry at version {version}; it has {entries.Count} entries.");
        var actual = Entries.Kind(entry.Data);
        if (actual != kind)
            throw InvalidCommand.For("kind", $"The entry at version {version} of '{record}' is {Words.WithArticle(actual)}, not {Words.WithArticle(kind)}.");
        return entry.EventId;
    }
}
