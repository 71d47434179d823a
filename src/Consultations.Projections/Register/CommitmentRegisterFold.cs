using Consultations.Domain.Common;
using Consultations.Domain.Commitments;
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
        [typeof(CommitmentMade), typeof(CommitmentStatusChanged), typeof(CommitmentStatusChangeCorrected), typeof(CommitmentAmended),
         typeof(EntryVoided), typeof(CommitmentStatusChangeTargetCorrected)];

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
}
