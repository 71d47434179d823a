namespace Consultations.Host.Auditing;

/// <summary>
/// What each entry of a record changed, read in the order recorded: every kind of entry names at least one value, with
/// the value before it where the record held one (a meeting's planned place before it was held there, a document's title
/// before an amendment). A record's first entry names the values it set; a void names the values it takes back.
/// Members holding another record's id keep the API's names (<c>meetingId</c>, <c>documentId</c>, <c>evidence</c>…), so a
/// page can show that record by its title. An entry voided (by a void in the entries read) never held: it shows what it
/// said, but the entries after it read their value before from the entries that stand, and its void shows the value that
/// holds now (third review, finding 1).
/// </summary>
public sealed class RecordHistoryChanges(IReadOnlySet<Guid>? voided = null)
{
    private readonly Dictionary<Guid, IReadOnlyList<HistoryChange>> _byEntry = [];
    private readonly Dictionary<string, string> _milestones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    /// <summary>What <paramref name="data"/> (the entry <paramref name="eventId"/>) changed, given the entries before it; then it is folded in.</summary>
    public IReadOnlyList<HistoryChange> Next(Guid eventId, object data)
    {
        var before = voided?.Contains(eventId) == true ? new Dictionary<string, string?>(_values, StringComparer.Ordinal) : null;
        var changes = Of(data).Where(c => c.Now is not null || c.Was is not null).ToList();
        if (before is not null)
        {
            _values.Clear();
            foreach (var (field, value) in before) _values[field] = value;
        }

        // Every entry says something: at worst, that it is on record (an entry whose values all equal the ones before it).
        if (changes.Count == 0) changes.Add(new HistoryChange("entry", null, Entries.Kind(data)));
        _byEntry[eventId] = changes;
        return changes;
    }

    private IEnumerable<HistoryChange> Of(object data) => data switch
    {
        DialogueOpened x => [New("title", x.Title), New("parties", Join(x.Parties)), New("subject", x.Subject)],
        CooperationFieldDefined x => [New("number", x.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), Set("title", x.Title), Set("scope", x.Scope)],
        CooperationFieldScopeRevised x => [.. Changed("title", x.Title), .. Changed("scope", x.Scope)],
        DocumentRegistered x => [Set("title", x.Title), New("kind", Words.Of(x.Kind)), New("date", x.Date.ToString()), New("parties", Join(x.Parties)),
            Set("language", x.Language), Set("url", x.Url), New("sha256", x.Sha256)],
        DocumentAmended x => [.. Changed("title", x.Title), .. Changed("language", x.Language), .. Changed("url", x.Url)],
        JointStatementDrafted x => [New("title", x.Title), New("preamble", x.Preamble), New("documentId", x.DocumentId), New("closing", x.Closing),
            New("knownBy", x.KnownBy?.ToString())],
        ClauseAdded x => [New("clause", x.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), New("fieldCode", x.FieldCode),
            New("heading", x.Heading), New("text", x.Text)],
        JointStatementAdopted x => [New("meetingId", x.MeetingId), New("adoptedOn", x.AdoptedOn.ToString()), New("place", x.Place),
            New("signatories", Join(x.Signatories))],
        MeetingScheduled x => [New("title", x.Title), New("kind", Words.Of(x.Kind)), Set("status", Words.Of(MeetingStatus.Scheduled)), Set("place", x.Place),
            Set("plannedDates", x.PlannedDates?.ToString())],
        MeetingRescheduled x => [.. Changed("place", x.Place), .. Changed("plannedDates", x.PlannedDates?.ToString())],
        // Where and when it was held, beside the planned place and dates (shown as one value when they agree).
        MeetingHeld x => [Held("place", x.Place), Held("heldDates", x.Dates.ToString(), "plannedDates")],
        MeetingCancelled x => [Move("status", Words.Of(MeetingStatus.Cancelled))],
        // The first outcome sets its values; a later one revises them, each shown old → new (ADR 0060).
        MeetingOutcomeRecorded x => [.. Changed("summary", x.Summary), .. Changed("decisions", Join(x.Decisions)),
            .. Changed("fieldCode", Join(x.FieldCodes)), .. Changed("evidence", Join(x.Evidence))],
        MeetingHeldCorrected x => [new("dates", x.WasDates.ToString(), x.Dates.ToString())],
        MeetingHeldPlaceCorrected x => [new("place", x.WasPlace, x.Place)],
        MeetingOutcomeCorrected x => [.. Same("summary", x.WasSummary, x.Summary), .. Decisions(x.WasDecisions, x.Decisions),
            .. Keep("summary", x.Summary), .. Keep("decisions", Join(x.Decisions))],
        MilestoneRecorded x => [New("title", x.Title), New("dates", x.Dates.ToString()), New("certainty", Words.Of(x.Certainty)),
            New("fieldCode", Join(x.FieldCodes)), New("documentId", x.DocumentId), New("quote", x.Quote)],
        ActionPlanAdopted x => [New("title", x.Title), New("period", $"{x.PeriodFrom}–{x.PeriodTo}")],
        ActionPlanReaffirmed x => [.. Source(x.By), New("note", x.Note)],
        ActionPlanItemAdded x => [New("itemId", x.ItemId), New("fieldCode", x.FieldCode), New("text", x.Text)],
        ActionPlanItemProgressUpdated x => [new("progress", Words.Of(x.From), Words.Of(x.To)), New("note", x.Note)],
        ActionPlanItemCompleted x => [new("progress", Words.Of(x.From), Words.Of(ItemProgress.Completed)), New("note", x.Note)],
        ActionPlanItemDropped x => [new("progress", Words.Of(x.From), Words.Of(ItemProgress.Dropped))],
        ActionPlanItemLeadSet x => [new($"lead.{x.Party}", x.Previous, x.Lead)],
        ActionPlanItemMilestoneAdded x => [Milestone(x.MilestoneId, x.Title), New("dueOn", x.DueOn.ToString())],
        ActionPlanItemMilestoneMet x => [new("milestone", null, _milestones.GetValueOrDefault(x.MilestoneId, x.MilestoneId)), New("metOn", x.EffectiveOn.ToString()), New("note", x.Note)],
        ActionPlanItemMilestoneRescheduled x => [new("milestone", null, _milestones.GetValueOrDefault(x.MilestoneId, x.MilestoneId)), new("dueOn", x.WasDueOn.ToString(), x.DueOn.ToString())],
        CommitmentMade x => [New("text", x.Text), Set("status", Words.Of(x.Status)), New("fieldCode", x.FieldCode), New("parties", Join(x.Parties)),
            .. Source(x.Source), New("documentId", x.DocumentId)],
        CommitmentStatusChanged x => [new("status", Words.Of(x.From), Words.Of(x.To)), New("supersededBy", x.SupersededBy), New("evidence", Join(x.Evidence))],
        CommitmentAmended x => [new("text", x.PreviousText, x.Text)],
        CommitmentStatusChangeCorrected x => [new("effectiveOn", x.WasEffectiveOn.ToString(), x.EffectiveOn.ToString())],
        CommitmentStatusChangeTargetCorrected x => [new("to", Words.Of(x.WasTo), Words.Of(x.To))],
        CommitmentPartyProgressChanged x => [new($"partyProgress.{x.Party}", x.From is { } from ? Words.Of(from) : null, Words.Of(x.To))],
        CommitmentComplianceAssessed x => [new($"score.{x.Party}", x.Replaces?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            x.Score.ToString("+0;-0;0", System.Globalization.CultureInfo.InvariantCulture)), New("justification", x.Justification)],
        CommitmentLeadSet x => [new($"lead.{x.Party}", x.Previous, x.Lead)],
        CommitmentMilestoneAdded x => [Milestone(x.MilestoneId, x.Title), New("dueOn", x.DueOn.ToString())],
        CommitmentMilestoneMet x => [new("milestone", null, _milestones.GetValueOrDefault(x.MilestoneId, x.MilestoneId)), New("metOn", x.EffectiveOn.ToString()), New("note", x.Note)],
        CommitmentMilestoneRescheduled x => [new("milestone", null, _milestones.GetValueOrDefault(x.MilestoneId, x.MilestoneId)), new("dueOn", x.WasDueOn.ToString(), x.DueOn.ToString())],
        // A void takes back what the voided entry changed: each value is then the one the entries that stand give it (the
        // one before the voided entry, or a later entry's), else what it was before it.
        EntryVoided x => _byEntry.TryGetValue(x.Voids.EventId, out var taken)
            ? [.. taken.Select(c => new HistoryChange(c.Field, c.Now, (_values.ContainsKey(c.Field) ? Get(c.Field) : c.Was) ?? "—"))]
            : [New("entry", x.Kind)],
        _ => [],
    };

    private static HistoryChange New(string field, string? now) => new(field, null, now);

    // A value the record now holds, kept so a later entry can show it as the value before.
    private HistoryChange Set(string field, string? now)
    {
        _values[field] = now;
        return new HistoryChange(field, null, now);
    }

    private string? Get(string field) => _values.GetValueOrDefault(field);

    // A value a correction puts right, kept for the next entry's "before" without a change of its own.
    private IEnumerable<HistoryChange> Keep(string field, string? now)
    {
        _values[field] = now;
        return [];
    }

    // A value an entry moves from what the record held: "scheduled → cancelled".
    private HistoryChange Move(string field, string? now)
    {
        var was = Get(field);
        _values[field] = now;
        return new HistoryChange(field, was == now ? null : was, now);
    }

    private HistoryChange Held(string field, string now, string? planned = null)
    {
        var was = Get(planned ?? field);
        _values[field] = now;
        return new HistoryChange(field, was, now);
    }

    private IEnumerable<HistoryChange> Changed(string field, string? now)
    {
        var was = Get(field);
        _values[field] = now;
        return was == now ? [] : [new HistoryChange(field, was, now)];
    }

    private static IEnumerable<HistoryChange> Same(string field, string? was, string? now) =>
        was == now ? [] : [new HistoryChange(field, was, now)];

    // Each decision that changed, by its place in the list (decisions[0] is the first): added, removed or reworded.
    private static IEnumerable<HistoryChange> Decisions(IReadOnlyList<string> was, IReadOnlyList<string> now) =>
        Enumerable.Range(0, Math.Max(was.Count, now.Count)).SelectMany(i => Same($"decisions[{i}]", was.ElementAtOrDefault(i), now.ElementAtOrDefault(i)));

    private HistoryChange Milestone(string id, string title)
    {
        _milestones[id] = title;
        return new HistoryChange("milestone", null, title);
    }

    // Where a commitment or a reaffirmation comes from, by the kind of record (so a page can name it by its title).
    private static IEnumerable<HistoryChange> Source(SourceRef source) => source.Kind switch
    {
        SourceKind.Clause => [New("statementId", source.Id), New("clause", source.Part)],
        SourceKind.Statement => [New("statementId", source.Id)],
        SourceKind.Meeting => [New("meetingId", source.Id)],
        _ => [New("actionPlanId", source.Id), New("itemId", source.Part)],
    };

    private static string? Join(IEnumerable<string>? values) => values is null || !values.Any() ? null : string.Join("; ", values);
}
