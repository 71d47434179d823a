namespace Consultations.Projections.Meetings;

public sealed record AdoptedStatement(string StatementId, PartialDate AdoptedOn, IReadOnlyList<string> Signatories);

public sealed record MadeCommitment(string CommitmentId, string FieldCode, string Text);

public sealed record ReaffirmedPlan(string PlanId, PartialDate On);

/// <summary>
/// What one meeting was and what came of it: when and where it was held, its outcome, the statements adopted at it, the
/// commitments made at it (source: the meeting) and the action plans it reaffirmed. Commitments drawn from its statements'
/// clauses, and plans its statements reaffirmed, are joined by readers through <see cref="StatementsAdopted"/>: those events
/// name the statement, not the meeting, and a projection that looked the statement up would fold differently live and on rebuild.
/// </summary>
public sealed class MeetingRecord
{
    public string Id { get; set; } = "";
    public string DialogueId { get; set; } = "";
    public MeetingKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Place { get; set; } = "";
    public MeetingStatus Status { get; set; }
    public DateSpan? Dates { get; set; }
    public List<string> Parties { get; set; } = [];
    public List<string> Participants { get; set; } = [];
    public string? OutcomeSummary { get; set; }
    public List<string> Decisions { get; set; } = [];
    public List<string> FieldCodes { get; set; } = [];
    public string? CancellationReason { get; set; }
    public List<AdoptedStatement> StatementsAdopted { get; set; } = [];
    public List<MadeCommitment> CommitmentsMade { get; set; } = [];
    public List<ReaffirmedPlan> PlansReaffirmed { get; set; } = [];
}
