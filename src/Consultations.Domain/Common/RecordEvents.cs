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
