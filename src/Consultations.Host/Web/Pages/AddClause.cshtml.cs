using Consultations.Host.JointStatements;
using Consultations.Projections.Fields;

namespace Consultations.Host.Web.Pages;

/// <summary>Adds a clause to a draft statement through <see cref="JointStatementEndpoints.Handle(AddClause, Recorder, CancellationToken)"/>; its field picked from the dialogue's.</summary>
public sealed class AddClauseModel : StatementForm
{
    public int? Number { get; set; }
    public string? FieldCode { get; set; }
    public string? Heading { get; set; }
    public string? Text { get; set; }

    public IReadOnlyList<FieldStatus> Fields { get; private set; } = [];

    protected override void Fill() => Number = Statement.Clauses.Count == 0 ? 1 : Statement.Clauses.Max(c => c.Number) + 1;

    protected override async Task LoadChoicesAsync(IQuerySession read, CancellationToken ct) =>
        Fields = await Auditing.FieldStatuses.ListAsync(read, Auditing.Subject.Of(Record.DialogueId), ct);

    protected override object? Command(string id)
    {
        if (Number is null) Errors["number"] = ModelState[nameof(Number)]?.AttemptedValue is { Length: > 0 } typed ? $"'{typed}' is not a number: give the clause's number, such as 3." : "is required: the clause's number in the statement.";
        var on = EffectiveDay("is required: the day the clause was written.");
        return Errors.Count > 0 ? null
            : new AddClause(id, Number!.Value, FieldCode ?? "", Heading ?? "", Text ?? "", on!.Value);
    }
}
