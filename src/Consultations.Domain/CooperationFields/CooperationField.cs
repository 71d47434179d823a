using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Consultations.Domain.Common;

namespace Consultations.Domain.CooperationFields;

public sealed record CooperationFieldDefined(string FieldCode, string DialogueId, int Number, string Title, string Scope, PartialDate EffectiveOn) : IFieldEvent
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

public sealed record CooperationFieldScopeRevised(string FieldCode, string Title, string Scope, PartialDate EffectiveOn, string Reason) : IFieldEvent
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

public sealed record DefineCooperationField(string FieldCode, string DialogueId, int Number, string Title, string Scope, PartialDate EffectiveOn) : ICommand
{
    public void Check(Check check) => check
        .FieldCode("fieldCode", FieldCode)
        .Id("dialogueId", DialogueId)
        .Number("number", Number, 1, 999)
        .Text("title", Title, 200)
        .Text("scope", Scope, 4000)
        .Date("effectiveOn", EffectiveOn);

    /// <summary>The other fields of the dialogue, as read from the record (empty: not read): their numbers are taken.</summary>
    [JsonIgnore]
    public IReadOnlyList<CooperationField> DialogueFields { get; init; } = [];

    /// <summary>Fields of other dialogues whose codes share this code's prefix, as read from the record (empty: none, or not read).</summary>
    [JsonIgnore]
    public IReadOnlyList<CooperationField> PrefixFields { get; init; } = [];
}

public sealed record ReviseCooperationFieldScope(string FieldCode, string Title, string Scope, PartialDate EffectiveOn, string Reason) : ICommand
{
    public void Check(Check check) => check
        .FieldCode("fieldCode", FieldCode)
        .Text("title", Title, 200)
        .Text("scope", Scope, 4000)
        .Date("effectiveOn", EffectiveOn)
        .Text("reason", Reason, 2000);
}

/// <summary>A field of cooperation of one dialogue (e.g. "Space Sustainability"); Id is its code.</summary>
public sealed record CooperationField(string Id, string DialogueId, int Number, string Title, string Scope, PartialDate DefinedOn, PartialDate LastRevisedOn);

public static partial class CooperationFieldDecider
{
    public static IReadOnlyList<object> Decide(DefineCooperationField command, CooperationField? state, DateOnly today)
    {
        Rules.NotInFuture(command.EffectiveOn, today);
        if (command.Number < 1)
            throw new RuleBroken("field-number-positive", "A field's number starts at 1.", RuleKind.Invalid);
        if (state is null) NumberedInTurn(command);
        return Rules.StartOnce(state,
            s => s.DialogueId == command.DialogueId && s.Number == command.Number && s.DefinedOn == command.EffectiveOn
                 && s.Title == command.Title && s.Scope == command.Scope,
            new CooperationFieldDefined(command.FieldCode, command.DialogueId, command.Number, command.Title, command.Scope, command.EffectiveOn),
            "field-defined-once", $"Cooperation field '{command.FieldCode}' is already defined with other details; revise its scope instead.");
    }

    // A field's number is its place in the dialogue: no two fields share one, and where the dialogue's codes end in their
    // number ("JPIT-08" is field 8), a new code does too (ADR 0059).
    private static void NumberedInTurn(DefineCooperationField command)
    {
        // A numbered code's prefix is one dialogue's (ADR 0064): another dialogue taking "JPIT-11" would leave Japan–Italy
        // no way to define its field 11.
        if (PrefixOf(command.FieldCode) is { } own
            && command.PrefixFields.FirstOrDefault(f => f.DialogueId != command.DialogueId && string.Equals(PrefixOf(f.Id), own, StringComparison.OrdinalIgnoreCase)) is { } other)
            throw new RuleBroken("field-code-prefix-of-one-dialogue",
                $"Codes '{own}…' are those of dialogue '{other.DialogueId}' ('{other.Id}'); the fields of dialogue '{command.DialogueId}' take a prefix of their own.");
        var others = command.DialogueFields.Where(f => f.DialogueId == command.DialogueId && f.Id != command.FieldCode).ToList();
        if (others.FirstOrDefault(f => f.Number == command.Number) is { } taken)
            throw new RuleBroken("field-numbers-unique", $"Field {command.Number} of dialogue '{command.DialogueId}' is already '{taken.Id}' ({taken.Title}).");
        var prefixes = others.Select(f => NumberedCode().Match(f.Id)).Select((m, i) => m.Success && int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) == others[i].Number
            ? m.Groups[1].Value : null).Distinct().ToList();
        if (prefixes is [{ } prefix])
        {
            var width = others.Max(f => f.Id.Length) - prefix.Length;
            var expected = prefix + command.Number.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
            var given = NumberedCode().Match(command.FieldCode);
            if (!given.Success || given.Groups[1].Value != prefix || int.Parse(given.Groups[2].Value, CultureInfo.InvariantCulture) != command.Number)
                throw new RuleBroken("field-code-follows-number",
                    $"The fields of dialogue '{command.DialogueId}' are coded by their number: field {command.Number} is '{expected}', not '{command.FieldCode}'.", RuleKind.Invalid);
        }
    }

    /// <summary>What a numbered code's number follows ("JPIT-" of "JPIT-08"); null for a code that does not end in a number or is only one.</summary>
    public static string? PrefixOf(string code) =>
        NumberedCode().Match(code) is { Success: true } m && m.Groups[1].Value.Length > 0 ? m.Groups[1].Value : null;

    [GeneratedRegex(@"\A(.*?)([0-9]{1,9})\z")]
    private static partial Regex NumberedCode();

    public static IReadOnlyList<object> Decide(ReviseCooperationFieldScope command, CooperationField? state, DateOnly today)
    {
        var field = Rules.Exists(state, "cooperation field", command.FieldCode);
        Rules.NotInFuture(command.EffectiveOn, today);
        if (command.EffectiveOn.IsCertainlyBefore(field.DefinedOn))
            throw new RuleBroken("revision-after-definition", $"A field cannot be revised before it was defined ({field.DefinedOn}).", RuleKind.Invalid);
        if (field.Title == command.Title && field.Scope == command.Scope) return Rules.None;
        return [new CooperationFieldScopeRevised(command.FieldCode, command.Title, command.Scope, command.EffectiveOn, command.Reason)];
    }

    public static CooperationField? Evolve(CooperationField? state, object @event) => @event switch
    {
        CooperationFieldDefined e => new CooperationField(e.FieldCode, e.DialogueId, e.Number, e.Title, e.Scope, e.EffectiveOn, e.EffectiveOn),
        CooperationFieldScopeRevised e when state is not null => state with { Title = e.Title, Scope = e.Scope, LastRevisedOn = e.EffectiveOn },
        _ => state,
    };
}
