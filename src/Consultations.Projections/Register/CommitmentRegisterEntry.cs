namespace Consultations.Projections.Register;

/// <summary>One step of a commitment's life: the status it took and when that took effect.</summary>
public sealed record RegisterStatusStep(CommitmentStatus Status, PartialDate On, string? Reason);

/// <summary>
/// One row of the commitment register: where the commitment comes from, its status now, and the date of each status it
/// has had (the first step is the status it was made with). Days in the current status depend on today, so readers
/// compute them.
/// </summary>
public sealed class CommitmentRegisterEntry
{
    public string Id { get; set; } = "";
    public string DialogueId { get; set; } = "";
    public string FieldCode { get; set; } = "";
    public string Text { get; set; } = "";
    public List<string> Parties { get; set; } = [];
    public List<string> Agencies { get; set; } = [];
    public List<string> Programmes { get; set; } = [];
    public List<string> Fora { get; set; } = [];
    public List<string> Agreements { get; set; } = [];
    public SourceKind SourceKind { get; set; }
    public string SourceId { get; set; } = "";
    public string? SourcePart { get; set; }
    public CommitmentStatus Status { get; set; }
    public PartialDate MadeOn { get; set; }
    public PartialDate StatusSince { get; set; }
    public string? SupersededBy { get; set; }
    public List<RegisterStatusStep> Steps { get; set; } = [];
    public int Amendments { get; set; }
    public bool IsFinal { get; set; }

    /// <summary>When the last fact about this commitment was recorded (not when it took effect).</summary>
    public DateTimeOffset LastRecordedAt { get; set; }

    public List<PartyProgressState> PartyProgress { get; set; } = [];

    /// <summary>Every compliance score on record, corrections applied (one per party and review).</summary>
    public List<ComplianceAssessment> Assessments { get; set; } = [];

    public List<PartyLead> Leads { get; set; } = [];

    public List<DueMilestone> Milestones { get; set; } = [];

    public PartialDate? DateOf(CommitmentStatus status) => Steps.LastOrDefault(s => s.Status == status)?.On;

    /// <summary>
    /// Whole days from the earliest day the current status can have begun to <paramref name="today"/>. The count stops at a
    /// final status: then it is the days the commitment spent in the status before, up to the day the final one took effect.
    /// </summary>
    public int DaysInStatus(DateOnly today)
    {
        if (!IsFinal || Steps.Count < 2) return Math.Max(0, today.DayNumber - StatusSince.Earliest.DayNumber);
        var end = Math.Min(today.DayNumber, StatusSince.Earliest.DayNumber);
        return Math.Max(0, end - Steps[^2].On.Earliest.DayNumber);
    }
}
