namespace Consultations.Domain.Common;

/// <summary>Who leads the work for one party: an agency or an office, from a date.</summary>
public sealed record PartyLead(string Party, string Lead, PartialDate Since);

/// <summary>A dated step of a commitment or an action item; open until it is met.</summary>
public sealed record DueMilestone(string MilestoneId, string Title, PartialDate DueOn, PartialDate AddedOn, PartialDate? MetOn = null, string? Note = null, int Reschedules = 0)
{
    public bool IsMet => MetOn is not null;
}

/// <summary>The rules milestones and leads share between commitments and action items.</summary>
public static class FollowUpRules
{
    /// <summary>True when the milestone is new; false when the record already has it alike (a repeat).</summary>
    public static bool IsNewMilestone(IReadOnlyList<DueMilestone> milestones, string id, string title, PartialDate dueOn, PartialDate effectiveOn, PartialDate since, string owner)
    {
        var existing = milestones.FirstOrDefault(m => m.MilestoneId == id);
        if (existing is not null)
        {
            return existing.Title == title && existing.AddedOn == effectiveOn
                ? false
                : throw new RuleBroken("milestone-ids-unique", $"Milestone '{id}' of {owner} already exists with other details; reschedule it instead.");
        }

        if (effectiveOn.IsCertainlyBefore(since))
            throw new RuleBroken("follow-up-after-start", $"Nothing can be added to {owner} before it began ({since}).", RuleKind.Invalid);
        if (dueOn.IsCertainlyBefore(effectiveOn))
            throw new RuleBroken("milestone-due-after-it-is-set", $"Milestone '{id}' cannot fall due ({dueOn}) before it was set ({effectiveOn}).", RuleKind.Invalid);
        return true;
    }

    public static DueMilestone Existing(IReadOnlyList<DueMilestone> milestones, string id, string owner) =>
        milestones.FirstOrDefault(m => m.MilestoneId == id) ?? throw new RecordNotFound("milestone", $"{owner}/{id}");

    /// <summary>True when the milestone is met by this; false when the record already says it was met.</summary>
    public static bool IsMetNow(DueMilestone milestone, PartialDate effectiveOn)
    {
        if (milestone.IsMet) return false;
        if (effectiveOn.IsCertainlyBefore(milestone.AddedOn))
            throw new RuleBroken("milestone-met-after-it-is-set", $"Milestone '{milestone.MilestoneId}' was set on {milestone.AddedOn}; it cannot have been met earlier.", RuleKind.Invalid);
        return true;
    }

    /// <summary>True when the due date moves; false when it is already the one asked for.</summary>
    public static bool IsRescheduled(DueMilestone milestone, PartialDate dueOn, PartialDate effectiveOn)
    {
        if (milestone.DueOn == dueOn) return false;
        if (milestone.IsMet)
            throw new RuleBroken("met-milestones-stay-met", $"Milestone '{milestone.MilestoneId}' was met on {milestone.MetOn}; it can no longer be rescheduled.");
        if (effectiveOn.IsCertainlyBefore(milestone.AddedOn))
            throw new RuleBroken("milestone-met-after-it-is-set", $"Milestone '{milestone.MilestoneId}' was set on {milestone.AddedOn}; it cannot have been rescheduled earlier.", RuleKind.Invalid);
        if (dueOn.IsCertainlyBefore(effectiveOn))
            throw new RuleBroken("milestone-due-after-it-is-set", $"Milestone '{milestone.MilestoneId}' cannot fall due ({dueOn}) before it was rescheduled ({effectiveOn}).", RuleKind.Invalid);
        return true;
    }

    /// <summary>The lead's previous holder when it changes (null when the party had none), or no change when the lead is the same.</summary>
    public static bool IsNewLead(IReadOnlyList<PartyLead> leads, string party, string lead, string? reason, out string? previous)
    {
        var current = leads.FirstOrDefault(l => l.Party == party);
        previous = current?.Lead;
        if (current?.Lead == lead) return false;
        if (current is not null && string.IsNullOrWhiteSpace(reason))
            throw InvalidCommand.For("reason", $"is required to change the lead of {party} from '{current.Lead}'.");
        return true;
    }

    public static IReadOnlyList<PartyLead> WithLead(this IReadOnlyList<PartyLead> leads, string party, string lead, PartialDate since) =>
        [.. leads.Where(l => l.Party != party), new PartyLead(party, lead, since)];

    public static IReadOnlyList<DueMilestone> Change(this IReadOnlyList<DueMilestone> milestones, string id, Func<DueMilestone, DueMilestone> change) =>
        milestones.Replace(m => m.MilestoneId == id, change);

    public static Check Milestone(this Check check, string milestoneId, string? title, PartialDate dueOn) => check
        .Id("milestoneId", milestoneId)
        .Text("title", title, 500)
        .Date("dueOn", dueOn);
}
