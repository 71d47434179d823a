using Consultations.Domain.Commitments;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Consultations.Projections.Register;

/// <summary>The commitment register, folded from each commitment's own stream.</summary>
public sealed partial class CommitmentRegisterProjection : SingleStreamProjection<CommitmentRegisterEntry, string>
{
    public CommitmentRegisterProjection() => Name = "CommitmentRegister";

    public CommitmentRegisterEntry Create(IEvent<CommitmentMade> e)
    {
        var c = e.Data;
        return new CommitmentRegisterEntry
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
            LastRecordedAt = e.Timestamp,
        };
    }

    public void Apply(CommitmentRegisterEntry r, IEvent<CommitmentStatusChanged> e)
    {
        r.Status = e.Data.To;
        r.StatusSince = e.Data.EffectiveOn;
        r.SupersededBy = e.Data.SupersededBy;
        r.Steps.Add(new RegisterStatusStep(e.Data.To, e.Data.EffectiveOn, e.Data.Reason));
        r.IsFinal = CommitmentLifecycle.IsFinal(e.Data.To);
        r.LastRecordedAt = e.Timestamp;
    }

    public void Apply(CommitmentRegisterEntry r, IEvent<CommitmentStatusChangeCorrected> e)
    {
        var c = e.Data;
        r.Steps = [.. r.Steps.Select((s, i) => i > 0 && s.Status == c.To ? s with { On = c.EffectiveOn } : s)];
        if (r.Status == c.To) r.StatusSince = c.EffectiveOn;
        r.LastRecordedAt = e.Timestamp;
    }

    public void Apply(CommitmentRegisterEntry r, IEvent<CommitmentAmended> e)
    {
        r.Text = e.Data.Text;
        r.Amendments++;
        r.LastRecordedAt = e.Timestamp;
    }
}
