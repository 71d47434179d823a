using System.Text.RegularExpressions;

namespace Consultations.Domain.Common;

/// <summary>A request that cannot be understood or is incomplete: each field at fault with what is wrong.</summary>
public sealed class InvalidCommand(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The request is invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static InvalidCommand For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>
/// A command states the shape its input must have (ids, lengths, required dates) in <see cref="Check(Check)"/>; the
/// write path runs it (<see cref="Commands.ThrowIfInvalid{T}"/>) before anything is read, so a malformed request is a
/// 400 naming every field at fault, whether it came over HTTP or from a record file.
/// </summary>
public interface ICommand
{
    void Check(Check check);
}

public static class Commands
{
    public static T ThrowIfInvalid<T>(this T command) where T : ICommand
    {
        var check = new Check();
        command.Check(check);
        check.ThrowIfAny();
        return command;
    }
}

/// <summary>Collects every field error of a command before refusing it, so the caller can fix them all at once.</summary>
public sealed partial class Check
{
    private readonly Dictionary<string, List<string>> _errors = [];

    // \z, not $: "$" also matches before a final newline, which let "x\n" through as an id.
    [GeneratedRegex(@"\A[a-z0-9][a-z0-9-]{0,79}\z")]
    private static partial Regex Slug();

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9-]{0,39}\z")]
    private static partial Regex Code();

    public Check Fail(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public Check Id(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Fail(field, "is required.");
        if (!Slug().IsMatch(value)) Fail(field, "must be 1–80 lower-case letters, digits or hyphens, starting with a letter or digit.");
        return this;
    }

    public Check FieldCode(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Fail(field, "is required.");
        if (!Code().IsMatch(value)) Fail(field, "must be 1–40 letters, digits or hyphens.");
        return this;
    }

    public Check Text(string field, string? value, int max = 500)
    {
        if (string.IsNullOrWhiteSpace(value)) return Fail(field, "is required.");
        if (value.Length > max) Fail(field, $"must be at most {max} characters.");
        return Prose(field, value);
    }

    public Check OptionalText(string field, string? value, int max = 500)
    {
        if (value is not null && value.Length > max) Fail(field, $"must be at most {max} characters.");
        return value is null ? this : Prose(field, value);
    }

    /// <summary>Running text: line breaks and tabs are allowed, no other control character (NUL above all) and no broken UTF-16.</summary>
    public Check Prose(string field, string value) =>
        TextRules.FirstUnreadable(value, prose: true) is { } at
            ? Fail(field, $"has a control character or broken Unicode at position {at + 1}: only line breaks and tabs are allowed.")
            : this;

    /// <summary>A name on one line: no control character at all.</summary>
    public Check Line(string field, string value) =>
        TextRules.FirstUnreadable(value, prose: false) is { } at
            ? Fail(field, $"has a control character or broken Unicode at position {at + 1}: a name is one line of text.")
            : this;

    public Check Names(string field, IReadOnlyList<string>? values, int min = 0, int max = 200)
    {
        if (values is null)
        {
            if (min > 0) Fail(field, "is required.");
            return this;
        }

        if (values.Count < min) Fail(field, $"needs at least {min}.");
        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i])) Fail($"{field}[{i}]", "must not be blank.");
            else if (values[i].Length > max) Fail($"{field}[{i}]", $"must be at most {max} characters.");
            else Line($"{field}[{i}]", values[i]);
        }

        if (values.Distinct(StringComparer.OrdinalIgnoreCase).Count() != values.Count) Fail(field, "must not repeat a name.");
        return this;
    }

    public Check Number(string field, int value, int min, int max)
    {
        if (value < min || value > max) Fail(field, $"must be between {min} and {max}.");
        return this;
    }

    public Check When(bool condition, string field, string message) => condition ? Fail(field, message) : this;

    public void ThrowIfAny()
    {
        if (_errors.Count > 0) throw new InvalidCommand(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}

public static class CheckDates
{
    public static Check Date(this Check check, string field, PartialDate value) =>
        check.When(value == default, field, "is required (yyyy, yyyy-MM or yyyy-MM-dd).");

    public static Check Span(this Check check, string field, DateSpan? value, bool required)
    {
        if (value is null) return check.When(required, field, "is required.");
        return check.Date($"{field}.from", value.From);
    }
}
