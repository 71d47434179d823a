using Consultations.Domain.Common;

namespace Consultations.Domain.Commitments;

/// <summary>How far one party has come with its own part of a commitment; the commitment's status is a separate lifecycle.</summary>
public enum PartyProgress { NotStarted, InProgress, Delayed, Completed }

public sealed record CommitmentPartyProgressChanged(string CommitmentId, string DialogueId, string FieldCode, string Party, PartyProgress? From, PartyProgress To,
    PartialDate EffectiveOn, string Reason) : IFieldEvent
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

/// <summary>
/// A compliance score for one party at a dated review, as the G7 Research Group scores: -1 (no compliance), 0 (partial)
/// or +1 (full), with a justification. <see cref="Replaces"/> is the score this one corrects at the same review (with a reason).
/// </summary>
/// <param name="EffectiveOn">The date of the review (named like every event's effective date, so that replays place it).</param>
public sealed record CommitmentComplianceAssessed(string CommitmentId, string DialogueId, string FieldCode, string Party, PartialDate EffectiveOn, int Score,
    string Justification, int? Replaces, string? Reason) : IFieldEvent
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

public sealed record CommitmentLeadSet(string CommitmentId, string DialogueId, string FieldCode, string Party, string Lead, string? Previous,
    PartialDate EffectiveOn, string? Reason) : IFieldEvent
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

public sealed record CommitmentMilestoneAdded(string CommitmentId, string DialogueId, string FieldCode, string MilestoneId, string Title, PartialDate DueOn,
    PartialDate EffectiveOn) : IFieldEvent
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

public sealed record CommitmentMilestoneMet(string CommitmentId, string DialogueId, string FieldCode, string MilestoneId, string? Note, PartialDate EffectiveOn) : IFieldEvent
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

public sealed record CommitmentMilestoneRescheduled(string CommitmentId, string DialogueId, string FieldCode, string MilestoneId, PartialDate WasDueOn, PartialDate DueOn,
    PartialDate EffectiveOn, string Reason) : IFieldEvent
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

public sealed record ChangePartyProgress(string CommitmentId, string Party, PartyProgress Progress, PartialDate EffectiveOn, string Reason) : ICommand
{
    public void Check(Check check) => check
        .Id("commitmentId", CommitmentId)
        .Text("party", Party, 200)
        .Date("effectiveOn", EffectiveOn)
        .Text("reason", Reason, 4000);
}

/// <param name="Reason">Required only to correct the score or justification already recorded for the same review and party.</param>
public sealed record AssessCompliance(string CommitmentId, string Party, PartialDate ReviewedOn, int Score, string Justification, string? Reason) : ICommand
{
    public void Check(Check check) => check
        .Id("commitmentId", CommitmentId)
        .Text("party", Party, 200)
        .Date("reviewedOn", ReviewedOn)
        .Number("score", Score, -1, 1)
        .Text("justification", Justification, 4000)
        .OptionalText("reason", Reason, 4000);
}

/// <param name="Reason">Required only when the party already has another lead.</param>
public sealed record SetCommitmentLead(string CommitmentId, string Party, string Lead, PartialDate EffectiveOn, string? Reason) : ICommand
{
    public void Check(Check check) => check
        .Id("commitmentId", CommitmentId)
        .Text("party", Party, 200)
        .Text("lead", Lead, 200)
        .Date("effectiveOn", EffectiveOn)
        .OptionalText("reason", Reason, 4000);
}

public sealed record AddCommitmentMilestone(string CommitmentId, string MilestoneId, string Title, PartialDate DueOn, PartialDate EffectiveOn) : ICommand
{
    public void Check(Check check) => check
        .Id("commitmentId", CommitmentId)
        .Milestone(MilestoneId, Title, DueOn)
        .Date("effectiveOn", EffectiveOn);
}

public sealed record MeetCommitmentMilestone(string CommitmentId, string MilestoneId, string? Note, PartialDate EffectiveOn) : ICommand
{
    public void Check(Check check) => check
        .Id("commitmentId", CommitmentId)
        .Id("milestoneId", MilestoneId)
        .OptionalText("note", Note, 4000)
        .Date("effectiveOn", EffectiveOn);
}

public sealed record RescheduleCommitmentMilestone(string CommitmentId, string MilestoneId, PartialDate DueOn, PartialDate EffectiveOn, string Reason) : ICommand
{
    public void Check(Check check) => check
        .Id("commitmentId", CommitmentId)
        .Id("milestoneId", MilestoneId)
        .Date("dueOn", DueOn)
        .Date("effectiveOn", EffectiveOn)
        .Text("reason", Reason, 4000);
}

/// <summary>One party's own progress on a commitment, since a date.</summary>
public sealed record PartyProgressState(string Party, PartyProgress Progress, PartialDate Since, string Reason);

/// <summary>One party's score at one review; <see cref="Corrections"/> counts the times it was corrected.</summary>
public sealed record ComplianceAssessment(string Party, PartialDate ReviewedOn, int Score, string Justification, int Corrections = 0);

/// <summary>
/// Who does what for a commitment, party by party: each party's own progress, compliance scores at dated reviews, leads and
/// milestones. Kept apart from the commitment's lifecycle, which it never moves.
/// </summary>
public static class CommitmentFollowUp
{
    public static IReadOnlyList<object> Decide(ChangePartyProgress command, Commitment? state, DateOnly today)
    {
        var commitment = Rules.Exists(state, "commitment", command.CommitmentId);
        var party = PartyOf(commitment, command.Party);
        Rules.NotInFuture(command.EffectiveOn, today);
        var current = commitment.PartyProgress.FirstOrDefault(p => p.Party == party);
        if (current?.Progress == command.Progress) return Rules.None;
        var since = current?.Since ?? commitment.MadeOn;
        if (command.EffectiveOn.IsCertainlyBefore(since))
            throw new RuleBroken("party-progress-in-order",
                $"{party}'s progress on '{commitment.Id}' is known from {since}; a later change cannot take effect earlier.", RuleKind.Invalid);
        return [new CommitmentPartyProgressChanged(commitment.Id, commitment.DialogueId, commitment.FieldCode, party, current?.Progress, command.Progress, command.EffectiveOn, command.Reason)];
    }

    public static IReadOnlyList<object> Decide(AssessCompliance command, Commitment? state, DateOnly today)
    {
        var commitment = Rules.Exists(state, "commitment", command.CommitmentId);
        var party = PartyOf(commitment, command.Party);
        Rules.NotInFuture(command.ReviewedOn, today, "review date");
        if (command.ReviewedOn.IsCertainlyBefore(commitment.MadeOn))
            throw new RuleBroken("review-after-commitment", $"A review cannot come before the commitment was made ({commitment.MadeOn}).", RuleKind.Invalid);
        var existing = commitment.Assessments.FirstOrDefault(a => a.Party == party && a.ReviewedOn == command.ReviewedOn);
        if (existing is not null)
        {
            if (existing.Score == command.Score && existing.Justification == command.Justification) return Rules.None;
            if (string.IsNullOrWhiteSpace(command.Reason))
                throw new RuleBroken("assessment-corrected-with-reason",
                    $"{party} was already scored {existing.Score:+0;-0;0} at the review of {command.ReviewedOn}; a different score or justification is a correction and needs a reason.");
        }

        return [new CommitmentComplianceAssessed(commitment.Id, commitment.DialogueId, commitment.FieldCode, party, command.ReviewedOn, command.Score,
            command.Justification, existing?.Score, existing is null ? null : command.Reason)];
    }

    public static IReadOnlyList<object> Decide(SetCommitmentLead command, Commitment? state, DateOnly today)
    {
        var commitment = Rules.Exists(state, "commitment", command.CommitmentId);
        var party = PartyOf(commitment, command.Party);
        Rules.NotInFuture(command.EffectiveOn, today);
        if (!FollowUpRules.IsNewLead(commitment.Leads, party, command.Lead, command.Reason, out var previous)) return Rules.None;
        if (command.EffectiveOn.IsCertainlyBefore(commitment.MadeOn))
            throw new RuleBroken("follow-up-after-start", $"A lead cannot be set before the commitment was made ({commitment.MadeOn}).", RuleKind.Invalid);
        return [new CommitmentLeadSet(commitment.Id, commitment.DialogueId, commitment.FieldCode, party, command.Lead, previous, command.EffectiveOn, command.Reason)];
    }

    public static IReadOnlyList<object> Decide(AddCommitmentMilestone command, Commitment? state, DateOnly today)
    {
        var commitment = Rules.Exists(state, "commitment", command.CommitmentId);
        Rules.NotInFuture(command.EffectiveOn, today);
        if (!FollowUpRules.IsNewMilestone(commitment.Milestones, command.MilestoneId, command.Title, command.DueOn, command.EffectiveOn, commitment.MadeOn,
                $"commitment '{commitment.Id}'")) return Rules.None;
        if (CommitmentLifecycle.IsFinal(commitment.Status))
            throw new RuleBroken("final-commitments-are-not-amended", $"{Words.Before(commitment.Status, capital: true)} commitment takes no new milestones.");
        return [new CommitmentMilestoneAdded(commitment.Id, commitment.DialogueId, commitment.FieldCode, command.MilestoneId, command.Title, command.DueOn, command.EffectiveOn)];
    }

    public static IReadOnlyList<object> Decide(MeetCommitmentMilestone command, Commitment? state, DateOnly today)
    {
        var commitment = Rules.Exists(state, "commitment", command.CommitmentId);
        var milestone = FollowUpRules.Existing(commitment.Milestones, command.MilestoneId, commitment.Id);
        Rules.NotInFuture(command.EffectiveOn, today);
        if (!FollowUpRules.IsMetNow(milestone, command.EffectiveOn)) return Rules.None;
        return [new CommitmentMilestoneMet(commitment.Id, commitment.DialogueId, commitment.FieldCode, milestone.MilestoneId, command.Note, command.EffectiveOn)];
    }

    public static IReadOnlyList<object> Decide(RescheduleCommitmentMilestone command, Commitment? state, DateOnly today)
    {
        var commitment = Rules.Exists(state, "commitment", command.CommitmentId);
        var milestone = FollowUpRules.Existing(commitment.Milestones, command.MilestoneId, commitment.Id);
        Rules.NotInFuture(command.EffectiveOn, today);
        if (!FollowUpRules.IsRescheduled(milestone, command.DueOn, command.EffectiveOn)) return Rules.None;
        return [new CommitmentMilestoneRescheduled(commitment.Id, commitment.DialogueId, commitment.FieldCode, milestone.MilestoneId, milestone.DueOn, command.DueOn,
            command.EffectiveOn, command.Reason)];
    }

    /// <summary>The party as the commitment names it (case aside); any other is a 400 naming <c>party</c>.</summary>
    private static string PartyOf(Commitment commitment, string party) =>
        commitment.Parties.FirstOrDefault(p => string.Equals(p, party.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw InvalidCommand.For("party", $"'{party}' is not a party to commitment '{commitment.Id}'; its parties are {string.Join(", ", commitment.Parties)}.");

    public static Commitment? Evolve(Commitment? state, object @event) => (state, @event) switch
    {
        (null, _) => state,
        (_, CommitmentPartyProgressChanged e) => state with
        {
            PartyProgress = [.. state.PartyProgress.Where(p => p.Party != e.Party), new PartyProgressState(e.Party, e.To, e.EffectiveOn, e.Reason)],
        },
        (_, CommitmentComplianceAssessed e) => state with
        {
            Assessments = e.Replaces is null
                ? state.Assessments.With(new ComplianceAssessment(e.Party, e.EffectiveOn, e.Score, e.Justification))
                : state.Assessments.Replace(a => a.Party == e.Party && a.ReviewedOn == e.EffectiveOn,
                    a => a with { Score = e.Score, Justification = e.Justification, Corrections = a.Corrections + 1 }),
        },
        (_, CommitmentLeadSet e) => state with { Leads = state.Leads.WithLead(e.Party, e.Lead, e.EffectiveOn) },
        (_, CommitmentMilestoneAdded e) => state with { Milestones = state.Milestones.With(new DueMilestone(e.MilestoneId, e.Title, e.DueOn, e.EffectiveOn)) },
        (_, CommitmentMilestoneMet e) => state with { Milestones = state.Milestones.Change(e.MilestoneId, m => m with { MetOn = e.EffectiveOn, Note = e.Note }) },
        (_, CommitmentMilestoneRescheduled e) => state with
        {
            Milestones = state.Milestones.Change(e.MilestoneId, m => m with { DueOn = e.DueOn, Reschedules = m.Reschedules + 1 }),
        },
        _ => state,
    };
}
