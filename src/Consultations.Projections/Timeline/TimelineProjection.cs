using System.Security.Cryptography;
using System.Text;
using Consultations.Domain.ActionPlans;
using Consultations.Domain.Commitments;
using Consultations.Domain.Common;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Consultations.Projections.Timeline;

/// <summary>
/// The dialogue's timeline: one entry per meeting (placed at the dates it was held, else planned), per
/// statement, per action plan and its reaffirmations and item changes, and per commitment made or changed.
/// </summary>
public sealed partial class TimelineProjection : MultiStreamProjection<TimelineEntry, string>
{
    public TimelineProjection()
    {
        Identity<MeetingScheduled>(e => $"meeting:{e.MeetingId}");
        Identity<MeetingRescheduled>(e => $"meeting:{e.MeetingId}");
        Identity<MeetingHeld>(e => $"meeting:{e.MeetingId}");
        Identity<MeetingOutcomeRecorded>(e => $"meeting:{e.MeetingId}");
        Identity<MeetingCancelled>(e => $"meeting:{e.MeetingId}");
        Identity<JointStatementDrafted>(e => $"statement:{e.StatementId}");
        Identity<ClauseAdded>(e => $"statement:{e.StatementId}");
        Identity<JointStatementAdopted>(e => $"statement:{e.StatementId}");
        Identity<ActionPlanAdopted>(e => $"action-plan:{e.PlanId}");
        Identity<ActionPlanReaffirmed>(e => $"action-plan:{e.PlanId}:reaffirmed:{e.By}");
        Identity<ActionPlanItemAdded>(e => $"plan-item:{e.PlanId}:{e.ItemId}:added");
        Identity<ActionPlanItemProgressUpdated>(e => $"plan-item:{e.PlanId}:{e.ItemId}:{e.To}:{e.EffectiveOn}:{Digest(e.Note)}");
        Identity<ActionPlanItemCompleted>(e => $"plan-item:{e.PlanId}:{e.ItemId}:completed");
        Identity<ActionPlanItemDropped>(e => $"plan-item:{e.PlanId}:{e.ItemId}:dropped");
        Identity<CommitmentMade>(e => $"commitment:{e.CommitmentId}:made");
        // The lifecycle never returns to a status, so the target status names the change.
        Identity<CommitmentStatusChanged>(e => $"commitment:{e.CommitmentId}:{e.To}");
        Identity<CommitmentAmended>(e => $"commitment:{e.CommitmentId}:amended:{e.EffectiveOn}:{Digest(e.Text)}");
    }

    private static string Digest(string? text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text ?? "")), 0, 6).ToLowerInvariant();

    private static TimelineEntry Entry(IEvent e, string kind, string dialogueId, string recordKind, string recordId, string title) => new()
    {
        Id = "",
        Kind = kind,
        DialogueId = dialogueId,
        RecordKind = recordKind,
        RecordId = recordId,
        Title = title,
    };

    public TimelineEntry Create(IEvent<MeetingScheduled> e)
    {
        var m = e.Data;
        var entry = Entry(e, "meeting", m.DialogueId, "meeting", m.MeetingId, m.Title);
        entry.Place = m.Place;
        entry.Status = "scheduled";
        entry.Parties = [.. m.Parties];
        entry.PlaceAt(m.PlannedDates);
        return entry;
    }

    public void Apply(TimelineEntry entry, MeetingRescheduled e)
    {
        entry.Place = e.Place;
        entry.PlaceAt(e.PlannedDates);
    }

    public void Apply(TimelineEntry entry, MeetingHeld e)
    {
        entry.Place = e.Place;
        entry.Status = "held";
        entry.PlaceAt(e.Dates);
    }

    public void Apply(TimelineEntry entry, MeetingOutcomeRecorded e)
    {
        entry.Summary = e.Summary;
        entry.FieldCodes = [.. entry.FieldCodes.Union(e.FieldCodes)];
    }

    public void Apply(TimelineEntry entry, MeetingCancelled e)
    {
        entry.Status = "cancelled";
        entry.Summary = e.Reason;
    }

    public TimelineEntry Create(IEvent<JointStatementDrafted> e)
    {
        var entry = Entry(e, "statement", e.Data.DialogueId, "statement", e.Data.StatementId, e.Data.Title);
        entry.Status = "draft";
        entry.PlaceAt(e.Data.EffectiveOn);
        return entry;
    }

    public void Apply(TimelineEntry entry, ClauseAdded e)
    {
        if (!entry.FieldCodes.Contains(e.FieldCode)) entry.FieldCodes.Add(e.FieldCode);
    }

    public void Apply(TimelineEntry entry, JointStatementAdopted e)
    {
        entry.Status = "adopted";
        entry.Place = e.Place;
        entry.Parties = [.. e.Signatories];
        entry.PlaceAt(e.AdoptedOn);
    }

    public TimelineEntry Create(IEvent<ActionPlanAdopted> e)
    {
        var p = e.Data;
        var entry = Entry(e, "action-plan", p.DialogueId, "action-plan", p.PlanId, p.Title);
        entry.Status = "adopted";
        entry.Summary = $"Period {p.PeriodFrom}–{p.PeriodTo}.";
        entry.PlaceAt(p.EffectiveOn);
        return entry;
    }

    public TimelineEntry Create(IEvent<ActionPlanReaffirmed> e)
    {
        var entry = Entry(e, "action-plan-reaffirmed", e.Data.DialogueId, "action-plan", e.Data.PlanId, $"Action plan reaffirmed by {e.Data.By.Kind.ToString().ToLowerInvariant()} {e.Data.By.Id}");
        entry.Summary = e.Data.Note;
        entry.PlaceAt(e.Data.EffectiveOn);
        return entry;
    }

    public TimelineEntry Create(IEvent<ActionPlanItemAdded> e) =>
        PlanItem(e, e.Data.DialogueId, e.Data.PlanId, e.Data.ItemId, e.Data.FieldCode, "action item added", e.Data.Text, e.Data.EffectiveOn);

    public TimelineEntry Create(IEvent<ActionPlanItemProgressUpdated> e) =>
        PlanItem(e, e.Data.DialogueId, e.Data.PlanId, e.Data.ItemId, e.Data.FieldCode, $"action item {Describe(e.Data.To)}", e.Data.Note, e.Data.EffectiveOn);

    public TimelineEntry Create(IEvent<ActionPlanItemCompleted> e) =>
        PlanItem(e, e.Data.DialogueId, e.Data.PlanId, e.Data.ItemId, e.Data.FieldCode, "action item completed", e.Data.Note, e.Data.EffectiveOn);

    public TimelineEntry Create(IEvent<ActionPlanItemDropped> e) =>
        PlanItem(e, e.Data.DialogueId, e.Data.PlanId, e.Data.ItemId, e.Data.FieldCode, "action item dropped", e.Data.Reason, e.Data.EffectiveOn);

    private static TimelineEntry PlanItem(IEvent e, string dialogueId, string planId, string itemId, string fieldCode, string what, string? text, PartialDate on)
    {
        var entry = Entry(e, "action-item", dialogueId, "action-plan", planId, $"{planId} item {itemId}: {what}");
        entry.Summary = text;
        entry.FieldCodes = [fieldCode];
        entry.PlaceAt(on);
        return entry;
    }

    public TimelineEntry Create(IEvent<CommitmentMade> e)
    {
        var c = e.Data;
        var entry = Entry(e, "commitment-made", c.DialogueId, "commitment", c.CommitmentId, $"Commitment made: {c.CommitmentId}");
        entry.Summary = c.Text;
        entry.Status = CommitmentDecider.Describe(c.Status);
        entry.FieldCodes = [c.FieldCode];
        entry.Parties = [.. c.Parties];
        entry.PlaceAt(c.EffectiveOn);
        return entry;
    }

    public TimelineEntry Create(IEvent<CommitmentStatusChanged> e)
    {
        var c = e.Data;
        var entry = Entry(e, "commitment-status", c.DialogueId, "commitment", c.CommitmentId,
            $"Commitment {c.CommitmentId}: {CommitmentDecider.Describe(c.From)} → {CommitmentDecider.Describe(c.To)}");
        entry.Summary = c.Reason;
        entry.Status = CommitmentDecider.Describe(c.To);
        entry.FieldCodes = [c.FieldCode];
        entry.PlaceAt(c.EffectiveOn);
        return entry;
    }

    public TimelineEntry Create(IEvent<CommitmentAmended> e)
    {
        var c = e.Data;
        var entry = Entry(e, "commitment-amended", c.DialogueId, "commitment", c.CommitmentId, $"Commitment {c.CommitmentId} amended");
        entry.Summary = $"{c.Reason} New text: {c.Text}";
        entry.FieldCodes = [c.FieldCode];
        entry.PlaceAt(c.EffectiveOn);
        return entry;
    }

    private static string Describe(ItemProgress progress) => progress switch
    {
        ItemProgress.NotStarted => "not started",
        ItemProgress.OnTrack => "on track",
        _ => progress.ToString().ToLowerInvariant(),
    };
}
