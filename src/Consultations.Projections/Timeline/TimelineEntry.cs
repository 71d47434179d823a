namespace Consultations.Projections.Timeline;

/// <summary>
/// One happening on the dialogue's timeline. Dates keep their precision: an entry known only to a year
/// sorts at the start of that year and says so; an entry with no date yet (a meeting "in the near future")
/// has no <see cref="SortDate"/> and is listed after every dated entry.
/// </summary>
public sealed class TimelineEntry
{
    public string Id { get; set; } = "";
    public string DialogueId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Place { get; set; }
    public string? Status { get; set; }
    public string? Summary { get; set; }
    public DateSpan? Dates { get; set; }
    public DateOnly? SortDate { get; set; }

    /// <summary>The last day the entry can be (the end of a multi-day meeting, or of the year a date is known to).</summary>
    public DateOnly? EndDate { get; set; }
    public string RecordKind { get; set; } = "";
    public string RecordId { get; set; } = "";
    public List<string> FieldCodes { get; set; } = [];
    public List<string> Parties { get; set; } = [];

    public void PlaceAt(DateSpan? dates)
    {
        Dates = dates;
        SortDate = dates?.From.Earliest;
        EndDate = dates?.End.Latest;
    }

    public void PlaceAt(PartialDate date) => PlaceAt(new DateSpan(date));
}

/// <summary>The kinds of timeline entry and the statuses they show: the only values the timeline's filters take.</summary>
public static class TimelineVocabulary
{
    public const string Meeting = "meeting";
    public const string Statement = "statement";
    public const string ActionPlan = "action-plan";
    public const string ActionPlanReaffirmed = "action-plan-reaffirmed";
    public const string ActionItem = "action-item";
    public const string CommitmentMade = "commitment-made";
    public const string CommitmentStatus = "commitment-status";
    public const string CommitmentAmended = "commitment-amended";
    public const string Milestone = "milestone";

    public const string Scheduled = "scheduled";
    public const string Held = "held";
    public const string Cancelled = "cancelled";
    public const string Draft = "draft";
    public const string Adopted = "adopted";
    public const string Stated = "stated";
    public const string Possible = "possible";

    public static IReadOnlyList<string> Kinds { get; } =
        [Meeting, Statement, ActionPlan, ActionPlanReaffirmed, ActionItem, CommitmentMade, CommitmentStatus, CommitmentAmended, Milestone];

    /// <summary>
    /// Meetings, statements and plans show the first five; milestones how firmly their source puts them (stated, possible);
    /// commitments their status as the API spells it ("in-progress").
    /// </summary>
    public static IReadOnlyList<string> Statuses { get; } =
    [
        Scheduled, Held, Cancelled, Draft, Adopted, Stated, Possible,
        .. Enum.GetValues<Domain.Commitments.CommitmentStatus>().Select(s => Domain.Common.Words.Of(s)),
    ];
}
