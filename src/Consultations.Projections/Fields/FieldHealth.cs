namespace Consultations.Projections.Fields;

/// <summary>
/// Active: something is open (a commitment not final or an action item) and happened within the stalled period.
/// Stalled: nothing happened for longer than that. NothingOpen: every commitment is final and no action item open; the
/// dialogue goes on, so the field is not "concluded" (a new commitment may come), it just has nothing open (ADR 0033).
/// </summary>
public enum FieldHealth { Active, Stalled, NothingOpen }

/// <summary>
/// A field's overall health, judged at read time because it depends on today: nothing-open when it has commitments and
/// every one is final with no action item open; stalled when nothing happened for <c>stalledAfterDays</c>; else active.
/// </summary>
public static class FieldHealthRule
{
    public static FieldHealth Of(FieldStatus field, DateOnly today, int stalledAfterDays)
    {
        if (field.Commitments.Total > 0 && field.Commitments.Open == 0 && field.OpenActionItems == 0) return FieldHealth.NothingOpen;
        // The last day the last activity can have been: "2026-06" counts from 30 June, so a field is never called stalled early.
        var last = field.LastActivityOn?.Latest;
        return last is null || today.DayNumber - last.Value.DayNumber > stalledAfterDays ? FieldHealth.Stalled : FieldHealth.Active;
    }
}
