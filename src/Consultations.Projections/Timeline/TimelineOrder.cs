namespace Consultations.Projections.Timeline;

/// <summary>
/// The one order of the timeline, for the API's list, the page's picture and list, and the status report: by the first
/// day an entry can be, undated entries last; within one day, the meeting, then the statement adopted there, then what it
/// produced (a plan's reaffirmation, then the commitments drawn from it by field number and text), then the rest
/// (ADR 0056: a commitment is never listed before the statement it comes from on the same day).
/// </summary>
public static class TimelineOrder
{
    public static IEnumerable<TimelineEntry> InOrder(IEnumerable<TimelineEntry> entries) =>
        entries
            .OrderBy(e => e.SortDate is null)
            .ThenBy(e => e.SortDate)
            .ThenBy(e => Rank(e.Kind))
            .ThenBy(e => e.Kind == TimelineVocabulary.CommitmentMade ? FieldNumber(e) : 0)
            .ThenBy(e => e.Kind == TimelineVocabulary.CommitmentMade ? e.Summary ?? e.Title : e.Title, StringComparer.Ordinal)
            .ThenBy(e => e.Id, StringComparer.Ordinal);

    private static int Rank(string kind) => kind switch
    {
        TimelineVocabulary.Meeting => 0,
        TimelineVocabulary.Statement => 1,
        TimelineVocabulary.ActionPlan => 2,
        TimelineVocabulary.ActionPlanReaffirmed => 3,
        TimelineVocabulary.CommitmentMade => 4,
        _ => 5,
    };

    // "JPIT-04" → 4: fields in their number's order (JPIT-10 after JPIT-09), whatever the code's padding.
    private static int FieldNumber(TimelineEntry e)
    {
        var code = e.FieldCodes.FirstOrDefault() ?? "";
        var digits = code.Length - code.Reverse().TakeWhile(char.IsAsciiDigit).Count();
        return int.TryParse(code.AsSpan(digits), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
    }
}
