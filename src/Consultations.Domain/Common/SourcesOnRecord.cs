using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;

namespace Consultations.Domain.Common;

/// <summary>
/// What an entry comes from must have happened (ADR 0059): a meeting held — not cancelled, not still to come — and, for
/// a plan's reaffirmation, a statement adopted; the entry is not dated before it. The records are passed as read by
/// whoever asks for the decision; one not read (null, or read for another id) is not checked here.
/// </summary>
public static class SourcesOnRecord
{
    public static void MeetingHeld(SourceRef source, Meeting? meeting, PartialDate effectiveOn, string entry)
    {
        if (source.Kind != SourceKind.Meeting || meeting is null || meeting.Id != source.Id) return;
        if (meeting is not { Status: MeetingStatus.Held, HeldDates: { } held })
            throw new RuleBroken("source-held-or-adopted",
                $"Meeting '{meeting.Id}' is {Words.Spoken(meeting.Status)}; {entry} only a meeting recorded as held.");
        NotBefore(effectiveOn, held.From, $"meeting '{meeting.Id}' was held");
    }

    public static void StatementAdopted(SourceRef source, JointStatement? statement, PartialDate effectiveOn, string entry)
    {
        if (source.Kind != SourceKind.Statement || statement is null || statement.Id != source.Id) return;
        if (statement.Adoption is not { } adoption)
            throw new RuleBroken("source-held-or-adopted",
                $"Statement '{statement.Id}' is drafted, not adopted; {entry} only a statement adopted.");
        NotBefore(effectiveOn, adoption.AdoptedOn, $"statement '{statement.Id}' was adopted");
    }

    private static void NotBefore(PartialDate effectiveOn, PartialDate since, string what)
    {
        if (effectiveOn.IsCertainlyBefore(since))
            throw new RuleBroken("entry-after-its-source", $"The {what} on {since}; what comes from it cannot be dated before that ({effectiveOn}).", RuleKind.Invalid);
    }
}
