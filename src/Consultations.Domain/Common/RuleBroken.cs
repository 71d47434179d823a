namespace Consultations.Domain.Common;

public enum RuleKind
{
    /// <summary>The command can never be right, whatever the record holds (an end before its start).</summary>
    Invalid,

    /// <summary>The command contradicts what the record already holds (adopting a statement twice).</summary>
    Conflict,
}

/// <summary>A decision refused because it would break a named rule of the record.</summary>
public sealed class RuleBroken(string rule, string message, RuleKind kind = RuleKind.Conflict) : Exception(message)
{
    public string Rule { get; } = rule;
    public RuleKind Kind { get; } = kind;
}

/// <summary>The record a command is about does not exist.</summary>
/// <param name="When">For a replay, the axes it was asked on ("as in effect on 2026-06-14"): the record may exist today.</param>
public sealed class RecordNotFound(string recordKind, string id, string? When = null)
    : Exception($"No {recordKind} '{id}' is on record{(When is null ? "" : " " + When)}.")
{
    public string RecordKind { get; } = recordKind;
    public string Id { get; } = id;
}

public static class Rules
{
    public static void NotInFuture(PartialDate effectiveOn, DateOnly today, string what = "effective date")
    {
        if (effectiveOn.IsCertainlyAfter(today))
            throw new RuleBroken("effective-date-not-in-future",
                $"The {what} {effectiveOn} is after today ({today:yyyy-MM-dd}); the record holds what has happened.", RuleKind.Invalid);
    }

    public static void InOrder(DateSpan span, string what)
    {
        if (!span.IsInOrder)
            throw new RuleBroken("end-not-before-start",
                $"The {what} end ({span.To}) is before its start ({span.From}).", RuleKind.Invalid);
    }

    public static T Exists<T>(T? state, string recordKind, string id) where T : class =>
        state ?? throw new RecordNotFound(recordKind, id);

    public static IReadOnlyList<object> None { get; } = [];

    /// <summary>
    /// A record started once: its starting event while there is none; nothing when the command repeats what the record
    /// holds (the idempotent repeat); otherwise the named rule that it starts only once.
    /// </summary>
    public static IReadOnlyList<object> StartOnce<T>(T? state, Func<T, bool> repeats, object started, string rule, string message) where T : class =>
        state is null ? [started] : repeats(state) ? None : throw new RuleBroken(rule, message);
}
