using Consultations.Domain.JointStatements;
using Consultations.Host.JointStatements;
using Consultations.Projections.Fields;

namespace Consultations.Host.Web.Pages;

/// <summary>Adds a clause to a draft statement through <see cref="JointStatementEndpoints.Handle(AddClause, Recorder, CancellationToken)"/>; its field picked from the dialogue's.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class AddClauseModel(Recorder recorder, WriteConditions conditions) : StatementForm(recorder, conditions)
{
    [BindProperty] public int? Number { get; set; }
    [BindProperty] public string? FieldCode { get; set; }
    [BindProperty] public string? Heading { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? AddedOn { get; set; }

    public IReadOnlyList<FieldStatus> Fields { get; private set; } = [];

    protected override void Fill() => Number = Statement.Clauses.Count == 0 ? 1 : Statement.Clauses.Max(c => c.Number) + 1;

    protected override async Task LoadChoicesAsync(IQuerySession read, CancellationToken ct) =>
        Fields = await Auditing.FieldStatuses.ListAsync(read, Auditing.Subject.Of(Record.DialogueId), ct);

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        if (Number is null) Errors["number"] = ModelState[nameof(Number)]?.AttemptedValue is { Length: > 0 } typed ? $"'{typed}' is not a number: give the clause's number, such as 3." : "is required: the clause's number in the statement.";
        var on = RequiredDate("effectiveOn", AddedOn, "is required: the day the clause was written.");
        return Errors.Count > 0 ? null
            : (r, c) => JointStatementEndpoints.Handle(new AddClause(id, Number!.Value, FieldCode ?? "", Heading ?? "", Text ?? "", on!.Value), r, c);
    }
}
