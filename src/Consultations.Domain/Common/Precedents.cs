namespace Consultations.Domain.Common;

/// <summary>
/// A fact on record that a new entry follows from (its dialogue opened, its field defined, the meeting it comes from held),
/// as read by whoever asks for the decision: <see cref="What"/> says it ("cooperation field 'JPIT-08' was defined"),
/// <see cref="Since"/> is the day it took effect.
/// </summary>
public sealed record Precedent(string What, PartialDate Since);

public static class Precedents
{
    /// <summary>Refuses an entry dated certainly before a fact it follows from (ADR 0053): <paramref name="entry"/> says what cannot be earlier.</summary>
    public static void NotBefore(PartialDate effectiveOn, IEnumerable<Precedent> precedents, string rule, string entry)
    {
        foreach (var precedent in precedents)
        {
            if (effectiveOn.IsCertainlyBefore(precedent.Since))
                throw new RuleBroken(rule, $"The {precedent.What} on {precedent.Since}; {entry} before that ({effectiveOn}).", RuleKind.Invalid);
        }
    }
}
