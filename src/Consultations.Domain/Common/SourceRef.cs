namespace Consultations.Domain.Common;

public enum SourceKind { Clause, Meeting, PlanItem, Statement }

/// <summary>
/// Where a commitment comes from: a statement clause (Id = statement, Part = clause number), a meeting,
/// an action-plan item (Id = plan, Part = item id), or a whole statement.
/// </summary>
public sealed record SourceRef(SourceKind Kind, string Id, string? Part = null)
{
    public override string ToString() => Part is null ? $"{Kind}:{Id}" : $"{Kind}:{Id}#{Part}";
}
