using System.Security.Cryptography;
using System.Text;

namespace Consultations.Projections.Timeline;

/// <summary>
/// How events build the timeline, as pure functions: which entry an event belongs to, the entry an event starts,
/// and how later events change it. The inline <see cref="TimelineProjection"/> and the auditors' replay both call
/// these, so the two cannot disagree.
/// </summary>
public static class TimelineFold
{
    /// <summary>The timeline entry an event belongs to; null for events that are not on the timeline.</summary>
    public static string? EntryId(object e) => e switch
    {
        MeetingScheduled x => $"meeting:{x.MeetingId}",
        MeetingRescheduled x => $"meeting:{x.MeetingId}",
        MeetingHeld x => $"meeting:{x.MeetingId}",
        MeetingHeldCorrected x => $"meeting:{x.MeetingId}",
        MeetingOutcomeRecorded x => $"meeting:{x.MeetingId}",
        MeetingCancelled x => $"meeting:{x.MeetingId}",
        JointStatementDrafted x => $"statement:{x.StatementId}",
        ClauseAdded x => $"statement:{x.StatementId}",
        JointStatementAdopted x => $"statement:{x.StatementId}",
        ActionPlanAdopted x => $"action-plan:{x.PlanId}",
        ActionPlanReaffirmed x => $"action-plan:{x.PlanId}:reaffirmed:{x.By}",
        ActionPlanItemAdded x => $"plan-item:{x.PlanId}:{x.ItemId}:added",
        ActionPlanItemProgressUpdated x => $"plan-item:{x.PlanId}:{x.ItemId}:{x.To}:{x.EffectiveOn}:{Digest(x.Note)}",
        ActionPlanItemCompleted x => $"plan-item:{x.PlanId}:{x.ItemId}:completed",
        ActionPlanItemDropped x => $"plan-item:{x.PlanId}:{x.ItemId}:dropped",
        CommitmentMade x => $"commitment:{x.CommitmentId}:made",
        // The lifecycle never returns to a status, so the target status names the change (and its corrections).
        CommitmentStatusChanged x => $"commitment:{x.CommitmentId}:{Words.Of(x.To)}",
        CommitmentStatusChangeCorrected x => $"commitment:{x.CommitmentId}:{Words.Of(x.To)}",
        CommitmentAmended x => $"commitment:{x.CommitmentId}:amended:{x.EffectiveOn}:{Digest(x.Text)}",
        MilestoneRecorded x => $"milestone:{x.MilestoneId}",
        _ => null,
    };

    /// <summary>
    /// One event's effect on its entry, as Marten applies it: an event that starts an entry does so only when the entry
    /// does not exist yet; the others change an existing entry.
    /// </summary>
    public static TimelineEntry? Evolve(TimelineEntry? entry, object e)
    {
        if (entry is null)
        {
            return e switch
            {
                MeetingScheduled x => Create(x),
                JointStatementDrafted x => Create(x),
                ActionPlanAdopted x => Create(x),
                ActionPlanReaffirmed x => Create(x),
                ActionPlanItemAdded x => Create(x),
                ActionPlanItemProgressUpdated x => Create(x),
                ActionPlanItemCompleted x => Create(x),
                ActionPlanItemDropped x => Create(x),
                CommitmentMade x => Create(x),
                CommitmentStatusChanged x => Create(x),
                CommitmentAmended x => Create(x),
                MilestoneRecorded x => Create(x),
                _ => null,
            };
        }

        switch (e)
        {
            case MeetingRescheduled x: Apply(entry, x); break;
            case MeetingHeld x: Apply(entry, x); break;
            case MeetingHeldCorrected x: Apply(entry, x); break;
            case MeetingOutcomeRecorded x: Apply(entry, x); break;
            case MeetingCancelled x: Apply(entry, x); break;
            case ClauseAdded x: Apply(entry, x); break;
            case JointStatementAdopted x: Apply(entry, x); break;
            case CommitmentStatusChangeCorrected x: Apply(entry, x); break;
        }

        return entry;
    }

    private static string Digest(string? text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text ?? "")), 0, 6).ToLowerInvariant();

    private static TimelineEntry Entry(string kind, string dialogueId, string recordKind, string recordId, string title) => new()
    {
        Id = "",
        Kind = kind,
        DialogueId = dialogueId,
        RecordKind = recordKind,
        RecordId = recordId,
        Title = title,
    };

    public static TimelineEntry Create(MeetingScheduled m)
    {
        var entry = Entry(TimelineVocabulary.Meeting, m.DialogueId, "meeting", m.MeetingId, m.Title);
        entry.Place = m.Place;
        entry.Status = TimelineVocabulary.Scheduled;
        entry.Parties = [.. m.Parties];
        entry.PlaceAt(m.PlannedDates);
        return entry;
    }

    public static void Apply(TimelineEntry entry, MeetingRescheduled e)
    {
        entry.Place = e.Place;
        entry.PlaceAt(e.PlannedDates);
    }

    public static void Apply(TimelineEntry entry, MeetingHeld e)
    {
        entry.Place = e.Place;
        entry.Status = TimelineVocabulary.Held;
        entry.PlaceAt(e.Dates);
    }

    public static void Apply(TimelineEntry entry, MeetingHeldCorrected e) => entry.PlaceAt(e.Dates);

    public static void Apply(TimelineEntry entry, MeetingOutcomeRecorded e)
    {
        entry.Summary = e.Summary;
        entry.FieldCodes = [.. entry.FieldCodes.Union(e.FieldCodes)];
    }

    public static void Apply(TimelineEntry entry, MeetingCancelled e)
    {
        entry.Status = TimelineVocabulary.Cancelled;
        entry.Summary = e.Reason;
    }

    public static TimelineEntry Create(JointStatementDrafted e)
    {
        var entry = Entry(TimelineVocabulary.Statement, e.DialogueId, "statement", e.StatementId, e.Title);
        entry.Status = TimelineVocabulary.Draft;
        // A draft whose day is not on record is undated until it is adopted (ADR 0056).
        entry.PlaceAt(e.EffectiveOn is { } drafted ? new DateSpan(drafted) : null);
        return entry;
    }

    public static void Apply(TimelineEntry entry, ClauseAdded e)
    {
        if (!entry.FieldCodes.Contains(e.FieldCode)) entry.FieldCodes.Add(e.FieldCode);
    }

    public static void Apply(TimelineEntry entry, JointStatementAdopted e)
    {
        entry.Status = TimelineVocabulary.Adopted;
        entry.Place = e.Place;
        entry.Parties = [.. e.Signatories];
        entry.PlaceAt(e.AdoptedOn);
    }

    public static TimelineEntry Create(ActionPlanAdopted p)
    {
        var entry = Entry(TimelineVocabulary.ActionPlan, p.DialogueId, "action-plan", p.PlanId, p.Title);
        entry.Status = TimelineVocabulary.Adopted;
        // A plan whose adoption date is unknown is known by its period, and placed there.
        if (p.EffectiveOn is { } adopted)
        {
            entry.Summary = $"Period {p.PeriodFrom}–{p.PeriodTo}.";
            entry.PlaceAt(adopted);
        }
        else
        {
            entry.Summary = $"Period {p.PeriodFrom}–{p.PeriodTo}; adoption date not on record.";
            entry.PlaceAt(new DateSpan(p.PeriodFrom, p.PeriodTo));
        }

        return entry;
    }

    public static TimelineEntry Create(ActionPlanReaffirmed e)
    {
        var entry = Entry(TimelineVocabulary.ActionPlanReaffirmed, e.DialogueId, "action-plan", e.PlanId, $"Action plan reaffirmed by {e.By.Kind.ToString().ToLowerInvariant()} {e.By.Id}");
        entry.Summary = e.Note;
        entry.PlaceAt(e.EffectiveOn);
        return entry;
    }

    public static TimelineEntry Create(ActionPlanItemAdded e) =>
        PlanItem(e.DialogueId, e.PlanId, e.ItemId, e.FieldCode, "action item added", e.Text, e.EffectiveOn);

    public static TimelineEntry Create(ActionPlanItemProgressUpdated e) =>
        PlanItem(e.DialogueId, e.PlanId, e.ItemId, e.FieldCode, $"action item {Describe(e.To)}", e.Note, e.EffectiveOn);

    public static TimelineEntry Create(ActionPlanItemCompleted e) =>
        PlanItem(e.DialogueId, e.PlanId, e.ItemId, e.FieldCode, "action item completed", e.Note, e.EffectiveOn);

    public static TimelineEntry Create(ActionPlanItemDropped e) =>
        PlanItem(e.DialogueId, e.PlanId, e.ItemId, e.FieldCode, "action item dropped", e.Reason, e.EffectiveOn);

    private static TimelineEntry PlanItem(string dialogueId, string planId, string itemId, string fieldCode, string what, string? text, PartialDate on)
    {
        var entry = Entry(TimelineVocabulary.ActionItem, dialogueId, "action-plan", planId, $"{planId} item {itemId}: {what}");
        entry.Summary = text;
        entry.FieldCodes = [fieldCode];
        entry.PlaceAt(on);
        return entry;
    }

    public static TimelineEntry Create(CommitmentMade c)
    {
        var entry = Entry(TimelineVocabulary.CommitmentMade, c.DialogueId, "commitment", c.CommitmentId, $"Commitment made: {c.CommitmentId}");
        entry.Summary = c.Text;
        entry.Status = Words.Of(c.Status);
        entry.FieldCodes = [c.FieldCode];
        entry.Parties = [.. c.Parties];
        entry.PlaceAt(c.EffectiveOn);
        return entry;
    }

    public static TimelineEntry Create(CommitmentStatusChanged c)
    {
        var entry = Entry(TimelineVocabulary.CommitmentStatus, c.DialogueId, "commitment", c.CommitmentId,
            $"Commitment {c.CommitmentId}: {Words.Of(c.From)} → {Words.Of(c.To)}");
        entry.Summary = c.Reason;
        entry.Status = Words.Of(c.To);
        entry.FieldCodes = [c.FieldCode];
        entry.PlaceAt(c.EffectiveOn);
        return entry;
    }

    public static void Apply(TimelineEntry entry, CommitmentStatusChangeCorrected e)
    {
        entry.Summary = $"{entry.Summary} (Date corrected from {e.WasEffectiveOn}: {e.Reason})";
        entry.PlaceAt(e.EffectiveOn);
    }

    public static TimelineEntry Create(CommitmentAmended c)
    {
        var entry = Entry(TimelineVocabulary.CommitmentAmended, c.DialogueId, "commitment", c.CommitmentId, $"Commitment {c.CommitmentId} amended");
        entry.Summary = $"{c.Reason} New text: {c.Text}";
        entry.FieldCodes = [c.FieldCode];
        entry.PlaceAt(c.EffectiveOn);
        return entry;
    }

    public static TimelineEntry Create(MilestoneRecorded m)
    {
        var entry = Entry(TimelineVocabulary.Milestone, m.DialogueId, "milestone", m.MilestoneId, m.Title);
        entry.Status = Words.Of(m.Certainty);
        entry.Summary = m.Quote;
        entry.FieldCodes = [.. m.FieldCodes];
        entry.PlaceAt(m.Dates);
        return entry;
    }

    // The same status words as the API's (in-progress, on-track), in titles too.
    private static string Describe(ItemProgress progress) => Words.Of(progress);
}
