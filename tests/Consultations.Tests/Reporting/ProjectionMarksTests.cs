using System.Reflection;
using System.Runtime.CompilerServices;
using Consultations.Domain.Common;
using Consultations.Domain.Meetings;
using Consultations.Projections.Meetings;
using Consultations.Projections.Timeline;

namespace Consultations.Tests.Reporting;

/// <summary>
/// The multi-stream views route the events that carry their mark (ADR 0058): a fold that reads an event the mark does not
/// name would never see it, and a marked event the fold has no case for would be routed nowhere. Both fail here.
/// </summary>
public sealed class ProjectionMarksTests
{
    // The event types a fold has a Create or Apply method for (its event is the last parameter).
    private static IEnumerable<Type> FoldedBy(Type fold) =>
        fold.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name is "Create" or "Apply")
            .Select(m => m.GetParameters()[^1].ParameterType)
            .Where(t => t.IsAssignableTo(typeof(IRecordEvent)))
            .Distinct();

    private static string[] Names(IEnumerable<Type> types) => [.. types.Select(t => t.Name).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_timeline_folds_exactly_the_events_marked_to_be_on_it() =>
        Assert.Equal(Names(RecordEvents.Marked<IOnTimeline>()), Names(FoldedBy(typeof(TimelineFold))));

    [Fact]
    public void The_meeting_records_fold_exactly_the_events_marked_as_touching_a_meeting() =>
        Assert.Equal(Names(RecordEvents.Marked<ITouchesMeeting>()), Names(FoldedBy(typeof(MeetingRecordFold))));

    // An event with its values unset: enough to see whether an identity rule has a case for its type.
    private static bool HasCase(Type type, Func<object, bool> routed)
    {
        try
        {
            return routed(RuntimeHelpers.GetUninitializedObject(type));
        }
        catch (NullReferenceException)
        {
            return true; // the case for the type was reached and read a value left unset
        }
    }

    [Fact]
    public void Every_event_marked_for_the_timeline_has_its_entry() =>
        Assert.Empty(Names(RecordEvents.Marked<IOnTimeline>().Where(t => !HasCase(t, e => TimelineFold.EntryId(e) is not null))));

    [Fact]
    public void Every_event_marked_as_touching_a_meeting_names_its_meetings() =>
        Assert.Empty(Names(RecordEvents.Marked<ITouchesMeeting>().Where(t => !HasCase(t, e => MeetingRecordFold.Ids(e).Count > 0))));

    [Fact]
    public void Every_event_and_fix_is_one_of_the_record_types_the_store_registers()
    {
        Assert.Contains(typeof(MeetingScheduled), RecordEvents.All);
        Assert.Contains(typeof(EntryVoided), RecordEvents.Marked<IEntryFix>());
        Assert.Equal(RecordEvents.All, Consultations.Host.Infrastructure.StoreSetup.EventTypes);
    }
}
