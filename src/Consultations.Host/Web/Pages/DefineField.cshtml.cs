using System.Text.RegularExpressions;
using Consultations.Host.CooperationFields;

namespace Consultations.Host.Web.Pages;

/// <summary>
/// Defines a cooperation field through <see cref="CooperationFieldEndpoints.Handle(DefineCooperationField, Recorder, CancellationToken)"/>.
/// A field's code is a new name, not a pick: the form proposes the next one after the dialogue's fields ("JPIT-11" after "JPIT-10").
/// </summary>
public sealed partial class DefineFieldModel : NewRecordForm
{
    public string? Code { get; set; }
    public int? Number { get; set; }
    public string? Title { get; set; }
    public string? Scope { get; set; }

    public IReadOnlyList<CooperationField> Fields { get; private set; } = [];

    protected override async Task LoadChoicesAsync(IQuerySession read, CancellationToken ct) => Fields = await DialogueChoices.FieldsAsync(read, DialogueId, ct);

    protected override void Fill() => (Number, Code) = Next(DialogueId);

    /// <summary>The next number and code after the dialogue's fields ("JPIT-11" after "JPIT-10"); no code when it has none to follow.</summary>
    private (int Number, string? Code) Next(string? dialogueId)
    {
        var ours = Fields.Where(f => f.DialogueId == dialogueId).OrderBy(f => f.Number).ToList();
        var number = ours.Count == 0 ? 1 : ours[^1].Number + 1;
        var code = ours.Count > 0 && CodeNumber().Match(ours[^1].Id) is { Success: true } m
            ? $"{m.Groups[1].Value}{number.ToString("D" + m.Groups[2].Length, System.Globalization.CultureInfo.InvariantCulture)}"
            : null;
        return (number, code);
    }

    protected override async Task<(string Page, object? Command)> CommandAsync(CancellationToken ct)
    {
        // Left empty, the code (and the number) follow the fields of the dialogue picked, as the form proposes for the first one.
        var (nextNumber, nextCode) = Next(DialogueId);
        if (string.IsNullOrWhiteSpace(Code)) Code = nextCode;
        // A number typed that is not one is refused, never silently replaced by the proposed one.
        if (Number is null && ModelState[nameof(Number)]?.AttemptedValue is { Length: > 0 } typed) Errors["number"] = $"'{typed}' is not a number: give the field's number, such as 11.";
        else Number ??= nextNumber;
        if (string.IsNullOrWhiteSpace(Code)) Errors["fieldCode"] = "is required: this dialogue has no field yet whose code the next one could follow.";
        else if (await Session.LoadAsync<CooperationField>(Code.Trim(), ct) is not null && !await FormTokens.RecordedAsync(Session, FormToken, ct)) Errors["fieldCode"] = $"A field '{Code.Trim()}' is already on record: give this one another code.";
        if (Number is null && !Errors.ContainsKey("number")) Errors["number"] = "is required: the field's number in its dialogue.";
        var on = EffectiveDay("is required: the day the field was defined.");
        if (Errors.Count > 0) return ("", null);
        var code = Code!.Trim();
        return ($"/fields/{code}", new DefineCooperationField(code, DialogueId ?? "", Number!.Value, Title ?? "", Scope ?? "", on!.Value));
    }

    [GeneratedRegex("^(.*?)([0-9]+)$")]
    private static partial Regex CodeNumber();
}
