using Consultations.Projections.Register;

namespace Consultations.Host.Reports;

/// <param name="Overdue">Not met, and even the latest day of its due date is before the day viewed.</param>
/// <param name="DueSoon">Not met, not overdue, and it can fall due within <c>dueSoonDays</c> of the day viewed.</param>
public sealed record MilestoneView(string MilestoneId, string Title, string DueOn, string AddedOn, string? MetOn, string? Note, int Reschedules, bool Overdue, bool DueSoon);

/// <param name="Progress">The party's own progress; null when the record does not know it.</param>
public sealed record PartyProgressView(string Party, PartyProgress? Progress, string? Since, string? Reason);

public sealed record LeadView(string Party, string Lead, string Since);

public sealed record AssessmentView(string Party, string ReviewedOn, int Score, string Justification, int Corrections);

/// <param name="Average">The mean of each party's latest score (-1 to +1, two decimals); null when nothing was assessed.</param>
/// <param name="Latest">Each party's latest review.</param>
public sealed record ComplianceView(double? Average, int Reviews, IReadOnlyList<AssessmentView> Latest);

/// <summary>
/// Deadlines are judged when read, against the day being viewed (today, or the replay's day; ADR 0025), never stored: a
/// stored "overdue" would be wrong the next morning and wrong in every replay.
/// </summary>
public static class Deadlines
{
    /// <param name="closed">The commitment or item is final: its open milestones are no longer owed.</param>
    public static MilestoneView View(DueMilestone m, DateOnly day, int dueSoonDays, bool closed)
    {
        var open = !closed && m.MetOn is null;
        var overdue = open && m.DueOn.Latest < day;
        var dueSoon = open && !overdue && m.DueOn.Earliest <= day.AddDays(dueSoonDays);
        return new MilestoneView(m.MilestoneId, m.Title, m.DueOn.ToString(), m.AddedOn.ToString(), m.MetOn?.ToString(), m.Note, m.Reschedules, overdue, dueSoon);
    }

    public static IReadOnlyList<MilestoneView> Views(IEnumerable<DueMilestone> milestones, DateOnly day, int dueSoonDays, bool closed) =>
        [.. milestones.OrderBy(m => m.DueOn.Earliest).ThenBy(m => m.MilestoneId, StringComparer.Ordinal).Select(m => View(m, day, dueSoonDays, closed))];

    public static IReadOnlyList<PartyProgressView> Progress(IReadOnlyList<string> parties, IReadOnlyList<PartyProgressState> known) =>
    [
        .. parties.Select(p => known.FirstOrDefault(k => k.Party == p) is { } k
            ? new PartyProgressView(p, k.Progress, k.Since.ToString(), k.Reason)
            : new PartyProgressView(p, null, null, null)),
    ];

    public static IReadOnlyList<LeadView> Leads(IEnumerable<PartyLead> leads) =>
        [.. leads.OrderBy(l => l.Party, StringComparer.Ordinal).Select(l => new LeadView(l.Party, l.Lead, l.Since.ToString()))];

    /// <summary>The latest review of each party and their mean: the same rule as a field's average (<c>ComplianceTally</c>).</summary>
    public static ComplianceView Compliance(IEnumerable<ComplianceAssessment> assessments)
    {
        var latest = assessments.GroupBy(a => a.Party)
            .Select(g => g.OrderByDescending(a => a.ReviewedOn).First())
            .OrderBy(a => a.Party, StringComparer.Ordinal)
            .Select(a => new AssessmentView(a.Party, a.ReviewedOn.ToString(), a.Score, a.Justification, a.Corrections))
            .ToList();
        return new ComplianceView(latest.Count == 0 ? null : Math.Round(latest.Average(a => a.Score), 2, MidpointRounding.AwayFromZero), latest.Count, latest);
    }

    public static bool IsFinal(CommitmentRegisterEntry e) => e.IsFinal;
}
