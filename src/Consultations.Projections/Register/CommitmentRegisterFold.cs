using JasperFx.Events;

namespace Consultations.Projections.Register;

/// <summary>
/// How a commitment's events build its register row, as pure functions. The async <see cref="CommitmentRegisterProjection"/>
/// and the auditors' replay both call <see cref="Evolve"/>, so the two cannot disagree. It takes the event with its
/// metadata because the row keeps when its last fact was recorded.
/// </summary>
public static class CommitmentRegisterFold
{
    /// <summary>The events the register reads; the projection subscribes to these only.</summary>
    public static IReadOnlyList<Type> EventTypes { get; } =
        [
            typeof(CommitmentMade), typeof(CommitmentStatusChanged), typeof(CommitmentStatusChangeCorrected), typeof(CommitmentAmended),
            typeof(CommitmentPartyProgressChanged), typeof(CommitmentComplianceAssessed), typeof(CommitmentLeadSet), typeof(CommitmentMilestoneAdded),
            typeof(CommitmentMilestoneMet), typeof(CommitmentMilestoneRescheduled), typeof(EntryVoided), typeof(CommitmentStatusChangeTargetCorrected),
        ];

    /// <summary>
    /// One event's effect on the row, as Marten applied the conventional methods this replaced: <see cref="CommitmentMade"/>
    /// starts a row (and is ignored once there is one); a later event with no row yet starts an empty one.
    /// </summary>
    public static CommitmentRegisterEntry? Evolve(CommitmentRegisterEntry? entry, IEvent e)
    {
        switch (e.Data)
        {
            case CommitmentMade x: return entry ?? Create(x, e.Timestamp);
            case CommitmentStatusChanged x: Apply(entry ??= new CommitmentRegisterEntry(), x, e.Timestamp); return entry;
            case CommitmentStatusChangeCorrected x: Apply(entry ??= new CommitmentRegisterEntry(), x, e.Timestamp); return entry;
            case CommitmentAmended x: Apply(entry ??= new CommitmentRegisterEntry(), x, e.Timestamp); return entry;
            case IFieldEvent x when EventTypes.Contains(x.GetType()):
                FollowUp(entry ??= new CommitmentRegisterEntry(), x);
                entry.LastRecordedAt = e.Timestamp;
                return entry;
            default: return entry;
        }
    }

    public static CommitmentRegisterEntry Create(CommitmentMade c, DateTimeOffset recordedAt) => new()
    {
        Id = c.CommitmentId,
        DialogueId = c.DialogueId,
        FieldCode = c.FieldCode,
        Text = c.Text,
        Parties = [.. c.Parties],
        Agencies = [.. c.Agencies],
        Programmes = [.. c.Programmes],
        Fora = [.. c.Fora ?? []],
        Agreements = [.. c.Agreements ?? []],
        SourceKind = c.Source.Kind,
        SourceId = c.Source.Id,
        SourcePart = c.Source.Part,
        Status = c.Status,
        MadeOn = c.EffectiveOn,
        StatusSince = c.EffectiveOn,
        Steps = [new RegisterStatusStep(c.Status, c.EffectiveOn, null)],
        IsFinal = CommitmentLifecycle.IsFinal(c.Status),
        LastRecordedAt = recordedAt,
    };

    public static void Apply(CommitmentRegisterEntry r, CommitmentStatusChanged e, DateTimeOffset recordedAt)
    {
        r.Status = e.To;
        r.StatusSince = e.EffectiveOn;
        r.SupersededBy = e.SupersededBy;
        r.Steps.Add(new RegisterStatusStep(e.To, e.EffectiveOn, e.Reason));
        r.IsFinal = CommitmentLifecycle.IsFinal(e.To);
        r.LastRecordedAt = recordedAt;
    }

    public static void Apply(CommitmentRegisterEntry r, CommitmentStatusChangeCorrected c, DateTimeOffset recordedAt)
    {
        r.Steps = [.. r.Steps.Select((s, i) => i > 0 && s.Status == c.To ? s with { On = c.EffectiveOn } : s)];
        if (r.Status == c.To) r.StatusSince = c.EffectiveOn;
        r.LastRecordedAt = recordedAt;
    }

    public static void Apply(CommitmentRegisterEntry r, CommitmentAmended e, DateTimeOffset recordedAt)
    {
        r.Text = e.Text;
        r.Amendments++;
        r.LastRecordedAt = recordedAt;
    }

    /// <summary>Party progress, compliance, leads and milestones, as the commitment's own state keeps them; false for any other event.</summary>
    public static bool FollowUp(CommitmentRegisterEntry r, IFieldEvent e)
    {
        switch (e)
        {
            case CommitmentPartyProgressChanged x:
                r.PartyProgress = [.. r.PartyProgress.Where(p => p.Party != x.Party), new PartyProgressState(x.Party, x.To, x.EffectiveOn, x.Reason)];
                return true;
            case CommitmentComplianceAssessed x:
                r.Assessments = x.Replaces is null
                    ? [.. r.Assessments, new ComplianceAssessment(x.Party, x.EffectiveOn, x.Score, x.Justification)]
                    : [.. r.Assessments.Replace(a => a.Party == x.Party && a.ReviewedOn == x.EffectiveOn,
                        a => a with { Score = x.Score, Justification = x.Justification, Corrections = a.Corrections + 1 })];
                return true;
            case CommitmentLeadSet x:
                r.Leads = [.. r.Leads.WithLead(x.Party, x.Lead, x.EffectiveOn)];
                return true;
            case CommitmentMilestoneAdded x:
                r.Milestones = [.. r.Milestones, new DueMilestone(x.MilestoneId, x.Title, x.DueOn, x.EffectiveOn)];
                return true;
            case CommitmentMilestoneMet x:
                r.Milestones = [.. r.Milestones.Change(x.MilestoneId, m => m with { MetOn = x.EffectiveOn, Note = x.Note })];
                return true;
            case CommitmentMilestoneRescheduled x:
                r.Milestones = [.. r.Milestones.Change(x.MilestoneId, m => m with { DueOn = x.DueOn, Reschedules = m.Reschedules + 1 })];
                return true;
            default:
                return false;
        }
    }
}
