using Consultations.Host.Reports;
using Consultations.Projections.Timeline;

namespace Consultations.Host.Timeline;

/// <param name="EffectiveOn">The first day the entry can be (yyyy-MM-dd), which orders the timeline; null while its date is not yet fixed.</param>
/// <param name="Date">The date as the record knows it: "2026-06-15", "2026-05-28/2026-05-29", "2024", or "not yet fixed".</param>
/// <param name="Precision">day, month, year, or not-fixed: how much of <paramref name="EffectiveOn"/> is known.</param>
public sealed record TimelineItem(
    string Id,
    string? EffectiveOn,
    string? EffectiveTo,
    string Date,
    string Precision,
    string Kind,
    string Title,
    string? Place,
    string? Status,
    string? Summary,
    string DialogueId,
    string RecordKind,
    string RecordId,
    string Link,
    IReadOnlyList<string> FieldCodes,
    IReadOnlyList<string> Parties);

public static class TimelineQueries
{
    /// <summary>
    /// Meetings, statements, action-plan changes and commitment changes in effective-date order (<see cref="TimelineOrder"/>). Entries known only
    /// to a month or year sit at the start of that period and say so; entries with no date yet come last.
    /// <c>from</c>/<c>to</c> keep the entries that may fall in the range (a two-day meeting overlapping it, a year containing it).
    /// <c>recordedAt</c>/<c>effectiveOn</c> replay the timeline on those time axes.
    /// </summary>
    [WolverineGet("/api/timeline", OperationId = "getTimeline"), Tags("Timeline")]
    public static async Task<Listed<TimelineItem>> Get(string? dialogue, string? from, string? to, string? kind, string? recordedAt, string? effectiveOn,
        IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var fromDate = QueryValues.Date("from", from);
        var toDate = QueryValues.Date("to", to);
        if (fromDate is { } f && toDate is { } t && t.IsCertainlyBefore(f))
            throw InvalidCommand.For("to", $"'to' ({t}) is before 'from' ({f}).");

        var axes = Axes.Read(recordedAt, effectiveOn, clock);
        var query = axes.IsNow
            ? session.Query<TimelineEntry>().AsQueryable()
            : (await RecordAsOf.GatherAsync(session, axes, Subject.Of(dialogue), Named, ct)).AsQueryable();
        if (!string.IsNullOrWhiteSpace(dialogue)) query = query.Where(e => e.DialogueId == dialogue);
        if (!string.IsNullOrWhiteSpace(kind))
        {
            var wanted = QueryValues.OneOf("kind", kind, TimelineVocabulary.Kinds);
            query = query.Where(e => e.Kind == wanted);
        }

        if (fromDate is { } start)
        {
            var earliest = start.Earliest;
            query = query.Where(e => e.EndDate != null && e.EndDate >= earliest);
        }

        if (toDate is { } end)
        {
            var latest = end.Latest;
            query = query.Where(e => e.SortDate != null && e.SortDate <= latest);
        }

        var entries = axes.IsNow ? Named(await query.ToListAsync(ct), await RecordNames.LoadAsync(session, ct)) : [.. query];
        return Listed<TimelineItem>.Of(
        [
            .. TimelineOrder.InOrder(entries).Select(Item),
        ]);
    }

    // Titles name records as a person would (ADR 0033); the stored entries keep ids, which `recordId` and `link` carry.
    private static IEnumerable<TimelineEntry> Named(RecordAsOf replay) => Named(replay.Timeline(), RecordNames.Of(replay));

    public static IReadOnlyList<TimelineEntry> Named(IEnumerable<TimelineEntry> entries, RecordNames names) =>
        [.. entries.Select(e => { e.Title = names.Title(e.Title); return e; })];

    private static TimelineItem Item(TimelineEntry e) => new(
        e.Id,
        e.Dates?.From.Earliest.ToString("yyyy-MM-dd"),
        e.Dates?.To is { } to ? to.Latest.ToString("yyyy-MM-dd") : null,
        e.Dates?.ToString() ?? "not yet fixed",
        e.Dates is null ? "not-fixed" : e.Dates.From.Precision.ToString().ToLowerInvariant(),
        e.Kind,
        e.Title,
        e.Place,
        e.Status,
        e.Summary,
        e.DialogueId,
        e.RecordKind,
        e.RecordId,
        $"/api/{Collection(e.RecordKind)}/{e.RecordId}",
        e.FieldCodes,
        e.Parties);

    public static string Collection(string recordKind) => recordKind switch
    {
        "meeting" => "meetings",
        "statement" => "statements",
        "action-plan" => "action-plans",
        "commitment" => "commitments",
        "milestone" => "milestones",
        _ => recordKind,
    };
}
