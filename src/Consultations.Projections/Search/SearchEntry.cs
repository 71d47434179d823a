using System.Globalization;

namespace Consultations.Projections.Search;

/// <summary>
/// One searchable piece of the record: a commitment, a statement's preamble or one of its clauses, a meeting's outcome or one of its decisions,
/// an action item, a document of the register. <see cref="Id"/> is its id within <see cref="RecordId"/> (a clause's number, an item's id); <see cref="Terms"/>
/// are names searched but not shown as text (a commitment's agencies and programmes; a document's kind, parties and language). <see cref="Parties"/> is empty when the
/// record names none of its own (clauses, action items): a search answers those with their dialogue's parties.
/// </summary>
public sealed record SearchEntry(string Kind, string Id, string RecordKind, string RecordId, string DialogueId, string Title, string Text,
    IReadOnlyList<string> Terms, IReadOnlyList<string> FieldCodes, IReadOnlyList<string> Parties, string Link);

/// <summary>
/// The one place a record becomes search entries. The async <see cref="SearchIndexProjection"/> and the auditors' replay
/// both fold a record's events with its domain Evolve and call <see cref="Of"/>, so they cannot disagree. A new searchable
/// record is one fold in <see cref="Folds"/> and one case in <see cref="Of"/>, plus its kind in <see cref="Kinds"/>.
/// </summary>
public static class SearchEntries
{
    public const string Commitment = "commitment", Preamble = "preamble", Clause = "clause", Outcome = "outcome", Decision = "decision", ActionItem = "action-item",
        Document = "document", MeetingEntry = "meeting", MilestoneEntry = "milestone";

    /// <summary>The kinds a search can be narrowed to, as the API spells them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [Commitment, Preamble, Clause, Outcome, Decision, ActionItem, Document, MeetingEntry, MilestoneEntry];

    // Keyed by the namespace of the record's events: a record's stream holds the events of one aggregate only.
    private static readonly Dictionary<string, Func<IEnumerable<object>, object?>> Folds = new(StringComparer.Ordinal)
    {
        [typeof(Commitment).Namespace!] = events => events.Aggregate((Commitment?)null, CommitmentDecider.Evolve),
        [typeof(JointStatement).Namespace!] = events => events.Aggregate((JointStatement?)null, JointStatementDecider.Evolve),
        [typeof(Meeting).Namespace!] = events => events.Aggregate((Meeting?)null, MeetingDecider.Evolve),
        [typeof(ActionPlan).Namespace!] = events => events.Aggregate((ActionPlan?)null, ActionPlanDecider.Evolve),
        [typeof(Document).Namespace!] = events => events.Aggregate((Document?)null, DocumentDecider.Evolve),
        [typeof(Milestone).Namespace!] = events => events.Aggregate((Milestone?)null, MilestoneDecider.Evolve),
    };

    /// <summary>The event types of searchable records: the projection subscribes to these only.</summary>
    public static IReadOnlyList<Type> EventTypes { get; } = [.. RecordEvents.All.Where(IsSearchable)];

    public static bool IsSearchable(Type eventType) => Folds.ContainsKey(eventType.Namespace ?? "");

    /// <summary>The entries of one record, from its own events in the order recorded; none for a record that is not searchable.</summary>
    public static IReadOnlyList<SearchEntry> OfStream(IReadOnlyList<object> events) =>
        events.Count > 0 && Folds.TryGetValue(events[0].GetType().Namespace ?? "", out var fold) ? Of(fold(events)) : [];

    public static IReadOnlyList<SearchEntry> Of(object? record) => record switch
    {
        Commitment c =>
        [
            new(Commitment, c.Id, "commitment", c.Id, c.DialogueId, $"Commitment {c.Id}", c.Text, [.. c.Agencies, .. c.Programmes],
                [c.FieldCode], c.Parties, $"/api/commitments/{c.Id}"),
        ],
        JointStatement s =>
        [
            .. string.IsNullOrWhiteSpace(s.Preamble) ? [] : new[]
            {
                new SearchEntry(Preamble, Preamble, "statement", s.Id, s.DialogueId, $"{s.Title}, preamble", s.Preamble,
                    [], [.. s.Clauses.Select(c => c.FieldCode).Distinct()], [], $"/api/statements/{s.Id}"),
            },
            .. string.IsNullOrWhiteSpace(s.Closing) ? [] : new[]
            {
                new SearchEntry(Preamble, "closing", "statement", s.Id, s.DialogueId, $"{s.Title}, closing", s.Closing,
                    [], [.. s.Clauses.Select(c => c.FieldCode).Distinct()], [], $"/api/statements/{s.Id}"),
            },
            .. s.Clauses.Select(clause => new SearchEntry(Clause, Number(clause.Number), "statement", s.Id, s.DialogueId,
                $"{s.Title}, clause {Number(clause.Number)}: {clause.Heading}", clause.Text, [], [clause.FieldCode], [], $"/api/statements/{s.Id}")),
        ],
        // A meeting by its title, with its place and kind as names; its outcome and decisions once it has one.
        Meeting m =>
        [
            new(MeetingEntry, m.Id, "meeting", m.Id, m.DialogueId, m.Title, "", [m.Place, Words.Spoken(m.Kind)], [], m.Parties, $"/api/meetings/{m.Id}"),
            .. m.Outcome is { } outcome ? OutcomeOf(m, outcome) : [],
        ],
        ActionPlan p =>
        [
            .. p.Items.Select(item => new SearchEntry(ActionItem, item.ItemId, "action-plan", p.Id, p.DialogueId,
                $"{p.Title}, item {item.ItemId}", item.Text, [], [item.FieldCode], [], $"/api/action-plans/{p.Id}")),
        ],
        // The record keeps a document's SHA-256, not its text: its title is searched, and its kind, parties and language as names.
        // It is filed under no cooperation field, so a field filter leaves documents out.
        Document d =>
        [
            new(Document, d.Id, "document", d.Id, d.DialogueId, d.Title, "", [Words.Spoken(d.Kind), .. d.Parties, d.Language], [], d.Parties,
                $"/api/documents/{d.Id}"),
        ],
        Milestone m =>
        [
            new(MilestoneEntry, m.Id, "milestone", m.Id, m.DialogueId, m.Title, m.Quote ?? "", [], m.FieldCodes, [], $"/api/milestones/{m.Id}"),
        ],
        _ => [],
    };

    private static IReadOnlyList<SearchEntry> OutcomeOf(Meeting m, MeetingOutcome outcome) =>
    [
        new(Outcome, m.Id, "meeting", m.Id, m.DialogueId, $"Outcome of {m.Title}", outcome.Summary, [], outcome.FieldCodes, m.Parties, $"/api/meetings/{m.Id}"),
        .. outcome.Decisions.Select((decision, i) => new SearchEntry(Decision, Number(i + 1), "meeting", m.Id, m.DialogueId,
            $"{m.Title}, decision {Number(i + 1)}", decision, [], outcome.FieldCodes, m.Parties, $"/api/meetings/{m.Id}")),
    ];

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
