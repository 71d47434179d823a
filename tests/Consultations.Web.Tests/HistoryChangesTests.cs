using System.Reflection;
using Consultations.Domain.Commitments;
using Consultations.Domain.Common;
using Consultations.Domain.Meetings;
using Consultations.Host.Auditing;
using JasperFx.Events;

namespace Consultations.Web.Tests;

/// <summary>
/// Every kind of entry the record stores says, on its history line, what it changed: the "What changed" cell of a record's
/// page shows each of these changes, so none may be empty. The kinds are read from the domain itself (every
/// <see cref="IRecordEvent"/>), so a new kind without its changes fails here.
/// </summary>
public sealed class HistoryChangesTests
{
    private static readonly Guid Target = Guid.Parse("00000000-0000-0000-0000-00000000000a");

    public static TheoryData<string> Kinds() =>
        [.. typeof(IRecordEvent).Assembly.GetTypes()
            .Where(t => typeof(IRecordEvent).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .Select(t => t.FullName!).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_domain_has_the_kinds_of_entry_the_record_keeps() => Assert.True(Kinds().Count >= 30, $"{Kinds().Count} kinds");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_of_entry_shows_what_it_changed(string typeName)
    {
        var type = typeof(IRecordEvent).Assembly.GetType(typeName)!;
        var data = Sample(type);
        // A void or a correction is shown with the entry it fixes, which comes first in its record.
        var stream = data is IEntryFix or ICorrection
            ? [Entry(new CommitmentStatusChanged("c", "d", "F-1", CommitmentStatus.Agreed, CommitmentStatus.InProgress, PartialDate.Parse("2026-06-15"), "r", null), 1, Target), Entry(data, 2)]
            : new List<IEvent> { Entry(data, 1) };

        var line = RecordHistory.Of(stream).Last();

        Assert.Equal(Entries.Kind(data), line.Kind);
        Assert.NotEmpty(line.Changes);
        Assert.All(line.Changes, c => Assert.False(string.IsNullOrWhiteSpace(c.Now) && string.IsNullOrWhiteSpace(c.Was), $"{line.Kind}: '{c.Field}' has no value"));
        if (data is IEntryFix or ICorrection) Assert.Equal(1, line.FixesVersion);
    }

    [Fact]
    public void A_held_meeting_shows_where_and_when_it_was_held_and_a_void_takes_back_what_the_voided_entry_changed()
    {
        var scheduled = new MeetingScheduled("m", "d", MeetingKind.Summit, "Summit", "Rome", new DateSpan(PartialDate.Parse("2026-06-15")), ["Japan", "Italy"], [], null);
        var held = new MeetingHeld("m", new DateSpan(PartialDate.Parse("2026-06-15")), "Rome", [], PartialDate.Parse("2026-06-15"));
        var cancelled = new MeetingCancelled("m", PartialDate.Parse("2026-06-01"), "Postponed.");
        var heldId = Guid.NewGuid();
        var history = RecordHistory.Of([Entry(scheduled, 1), Entry(cancelled, 2, heldId), Entry(new EntryVoided("m", new EventRef("m", 2, heldId), "meeting-cancelled", "Wrong meeting."), 3), Entry(held, 4)]);

        Assert.Equal([("status", "scheduled", "cancelled")], history[1].Changes.Select(c => (c.Field, c.Was, c.Now)));
        Assert.Equal([("status", "cancelled", "scheduled")], history[2].Changes.Select(c => (c.Field, c.Was, c.Now)));
        Assert.Equal([("place", "Rome", "Rome"), ("heldDates", "2026-06-15", "2026-06-15")], history[3].Changes.Select(c => (c.Field, c.Was, c.Now)));
    }

    private static IEvent Entry(object data, long version, Guid? id = null)
    {
        var e = Event.For(data);
        e.Id = id ?? Guid.NewGuid();
        e.Version = version;
        e.Timestamp = DateTimeOffset.Parse("2026-11-30T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        return e;
    }

    // An entry of the type with a plain value in every member: its first constructor, each parameter made from its type.
    private static object Sample(Type type)
    {
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return ctor.Invoke([.. ctor.GetParameters().Select(p => Value(p.ParameterType, p.Name!))]);
    }

    private static object? Value(Type type, string name)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (inner == typeof(string)) return name.EndsWith("Kind", StringComparison.Ordinal) ? "commitment-status-changed" : $"{name} value";
        if (inner == typeof(int)) return 1;
        if (inner == typeof(PartialDate)) return PartialDate.Parse("2026-06-15");
        if (inner == typeof(DateSpan)) return new DateSpan(PartialDate.Parse("2026-06-15"), PartialDate.Parse("2026-06-16"));
        if (inner == typeof(EventRef)) return new EventRef("c", 1, Target);
        if (inner == typeof(SourceRef)) return new SourceRef(SourceKind.Clause, "statement", "1");
        if (inner == typeof(Delegation)) return new Delegation("Japan", "Head", []);
        if (inner.IsEnum) return Enum.GetValues(inner).GetValue(name.StartsWith("Was", StringComparison.Ordinal) || name == "From" ? 0 : 1);
        if (inner.IsGenericType && inner.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = inner.GetGenericArguments()[0];
            var list = Array.CreateInstance(element, 1);
            list.SetValue(Value(element, name), 0);
            return list;
        }

        throw new InvalidOperationException($"No sample value for {type} {name}: add one.");
    }
}
