using System.Text.Json.Serialization;
using Consultations.Domain.Common;

namespace Consultations.Domain.Commitments;

public sealed record StatusChange(CommitmentStatus From, CommitmentStatus To, PartialDate EffectiveOn, string Reason)
{
    /// <summary>The documents the change cites.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>The target first recorded, when a correction changed it to <see cref="To"/>; null otherwise.</summary>
    public CommitmentStatus? CorrectedFrom { get; init; }
}

public sealed record Commitment(string Id, string DialogueId, string FieldCode, string Text,
    IReadOnlyList<string> Parties, IReadOnlyList<string> Agencies, IReadOnlyList<string> Programmes,
    SourceRef Source, CommitmentStatus Status, PartialDate MadeOn, PartialDate StatusSince, string? SupersededBy,
    IReadOnlyList<StatusChange> StatusHistory, int Amendments)
{
    public IReadOnlyList<string> Fora { get; init; } = [];
    public IReadOnlyList<string> Agreements { get; init; } = [];

    /// <summary>The registered document the commitment is drawn from.</summary>
    public string? DocumentId { get; init; }

    /// <summary>Whether the text quotes its source or paraphrases it; null when the record does not say.</summary>
    public Wording? TextIs { get; init; }

    /// <summary>The source's exact passage the text quotes or paraphrases.</summary>
    public string? Quote { get; init; }

    /// <summary>The text as the commitment was made, before any amendment: what names it in titles (null in snapshots older than it).</summary>
    public string? MadeText { get; init; }

    /// <summary>Whether the text as made quoted its source or paraphrased it (an amendment may change <see cref="TextIs"/>, not this).</summary>
    public Wording? MadeTextIs { get; init; }

    /// <summary>Each party's own progress, for the parties the record has one for; unknown for the others (see <see cref="CommitmentFollowUp"/>).</summary>
    public IReadOnlyList<PartyProgressState> PartyProgress { get; init; } = [];

    public IReadOnlyList<ComplianceAssessment> Assessments { get; init; } = [];

    public IReadOnlyList<PartyLead> Leads { get; init; } = [];

    public IReadOnlyList<DueMilestone> Milestones { get; init; } = [];
}

/// <summary>The legal moves of a commitment: proposed → agreed → in progress → fulfilled, or lapsed, withdrawn, superseded.</summary>
public static class CommitmentLifecycle
{
    private static readonly Dictionary<CommitmentStatus, CommitmentStatus[]> Moves = new()
    {
        [CommitmentStatus.Proposed] = [CommitmentStatus.Agreed, CommitmentStatus.Lapsed, CommitmentStatus.Withdrawn],
        [CommitmentStatus.Agreed] = [CommitmentStatus.InProgress, CommitmentStatus.Fulfilled, CommitmentStatus.Lapsed, CommitmentStatus.Withdrawn, CommitmentStatus.Superseded],
        [CommitmentStatus.InProgress] = [CommitmentStatus.Fulfilled, CommitmentStatus.Lapsed, CommitmentStatus.Withdrawn, CommitmentStatus.Superseded],
        [CommitmentStatus.Fulfilled] = [],
        [CommitmentStatus.Lapsed] = [],
        [CommitmentStatus.Withdrawn] = [],
        [CommitmentStatus.Superseded] = [],
    };

    public static IReadOnlyList<CommitmentStatus> InitialStatuses { get; } =
        [CommitmentStatus.Proposed, CommitmentStatus.Agreed, CommitmentStatus.InProgress];

    public static bool Allows(CommitmentStatus from, CommitmentStatus to) => Moves[from].Contains(to);

    public static IReadOnlyList<CommitmentStatus> NextFrom(CommitmentStatus from) => Moves[from];

    public static bool IsFinal(CommitmentStatus status) => Moves[status].Length == 0;
}
