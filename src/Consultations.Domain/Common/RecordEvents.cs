namespace Consultations.Domain.Common;

/// <summary>A fact the record stores. The store registers every type that carries this mark, so a new event is declared once.</summary>
public interface IRecordEvent;

/// <summary>
/// An event that may not know its own effective date (it is null) but knows a day by which it had taken effect: a
/// meeting whose arrangement date is unknown but which a statement of that day announced, a plan known only by its
/// period. On the effective axis it counts from that day at the latest (ADR 0006, 0024).
/// </summary>
public interface IInEffectBy
{
    DateOnly? InEffectBy { get; }
}

/// <summary>An event that moves the status of the cooperation fields it names.</summary>
public interface IFieldEvent : IRecordEvent
{
    IReadOnlyList<string> FieldCodes { get; }
}

/// <summary>An event the dialogue's timeline shows: it starts or changes a timeline entry. The timeline routes every type that carries it.</summary>
public interface IOnTimeline : IRecordEvent;

/// <summary>
/// An event a meeting's record gathers: one of the meeting's own, or one that names the meeting it came of (a statement
/// adopted, a commitment made, a plan reaffirmed there). The meeting records route every type that carries it.
/// </summary>
public interface ITouchesMeeting : IRecordEvent;

/// <summary>Every event type of the record, read once from this assembly: the store, the views and the tests all take it from here.</summary>
public static class RecordEvents
{
    /// <summary>The types marked <see cref="IRecordEvent"/>. Their type names are stored with each event: renaming one needs an upcaster.</summary>
    public static IReadOnlyList<Type> All { get; } =
    [
        .. typeof(IRecordEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IRecordEvent)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal),
    ];

    /// <summary>The event types that carry <typeparamref name="TMark"/>.</summary>
    public static IEnumerable<Type> Marked<TMark>() => All.Where(t => t.IsAssignableTo(typeof(TMark)));
}
