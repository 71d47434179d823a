using Consultations.Host.CooperationFields;

namespace Consultations.Host.Web.Pages;

/// <summary>Revises a field's title and scope through <see cref="CooperationFieldEndpoints.Handle(ReviseCooperationFieldScope, Recorder, CancellationToken)"/>, the form filled with what the record reads now.</summary>
public sealed class ReviseFieldScopeModel : FieldForm
{
    public string? Title { get; set; }
    public string? Scope { get; set; }
    public string? Reason { get; set; }

    protected override void Fill() => (Title, Scope) = (Field.Title, Field.Scope);

    protected override object? Command(string id)
    {
        var on = EffectiveDay("is required: the day the new scope took effect.");
        return Errors.Count > 0 ? null
            : new ReviseCooperationFieldScope(id, Title ?? "", Scope ?? "", on!.Value, Reason ?? "");
    }
}
