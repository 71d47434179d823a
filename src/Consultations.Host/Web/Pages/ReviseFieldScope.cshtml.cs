using Consultations.Domain.CooperationFields;
using Consultations.Host.CooperationFields;

namespace Consultations.Host.Web.Pages;

/// <summary>Revises a field's title and scope through <see cref="CooperationFieldEndpoints.Handle(ReviseCooperationFieldScope, Recorder, CancellationToken)"/>, the form filled with what the record reads now.</summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class ReviseFieldScopeModel(Recorder recorder, WriteConditions conditions) : FieldForm(recorder, conditions)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Scope { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? RevisedOn { get; set; }
    [BindProperty] public string? Reason { get; set; }

    protected override void Fill() => (Title, Scope) = (Field.Title, Field.Scope);

    protected override Func<Recorder, CancellationToken, Task<Recorded>>? Command(string id)
    {
        var on = RequiredDate("effectiveOn", RevisedOn, "is required: the day the new scope took effect.");
        return Errors.Count > 0 ? null
            : (r, c) => CooperationFieldEndpoints.Handle(new ReviseCooperationFieldScope(id, Title ?? "", Scope ?? "", on!.Value, Reason ?? ""), r, c);
    }
}
