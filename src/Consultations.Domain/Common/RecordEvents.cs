namespace Consultations.Domain.Common;

/// <summary>A fact the record stores. The store registers every type that carries this mark, so a new event is declared once.</summary>
public interface IRecordEvent;

/// <summary>An event that moves the status of the cooperation fields it names.</summary>
public interface IFieldEvent : IRecordEvent
{
    IReadOnlyList<string> FieldCodes { get; }
}
