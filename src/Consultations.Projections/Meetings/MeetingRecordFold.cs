namespace Consultations.Projections.Meetings;

/// <summary>
/// How events build the meeting records, as pure functions: which meetings an event belongs to (<see cref="Ids"/>, the
/// projection's identity rules) and how it changes a record (<see cref="Evolve"/>). The async
/// <see cref="MeetingRecordProjection"/> and the auditors' replay both call these, so the two cannot disagree.
/// </summary>
public static class MeetingRecordFold
{
    /// <summary>The meetings an event is about: its own meeting, the meeting that adopted a statement, made a commitment or reaffirmed a plan.</summary>
    public static IReadOnlyList<string> Ids(object e) => e switch
    {
        MeetingScheduled x => [x.MeetingId],
        MeetingRescheduled x => [x.MeetingId],
        MeetingHeld x => [x.MeetingId],
        MeetingOutcomeRecorded x => [x.MeetingId],
        MeetingCancelled x => [x.MeetingId],
        MeetingHeldCorrected x => [x.MeetingId],
        JointStatementAdopted x => [x.MeetingId],
        CommitmentMade x => x.Source.Kind == SourceKind.Meeting ? [x.Source.Id] : [],
        ActionPlanReaffirmed x => x.By.Kind == SourceKind.Meeting ? [x.By.Id] : [],
        _ => [],
    };

    /// <summary>
    /// One event's effect on a meeting's record, as Marten applied the conventional methods this replaced:
    /// <see cref="MeetingScheduled"/> starts the record (and is ignored once there is one); a later event with no record
    /// yet starts an empty one.
    /// </summary>
    public static MeetingRecord? Evolve(MeetingRecord? m, object e)
    {
        switch (e)
        {
            case MeetingScheduled x: return m ?? Create(x);
            case MeetingRescheduled x: Apply(m ??= new MeetingRecord(), x); return m;
            case MeetingHeld x: Apply(m ??= new MeetingRecord(), x); return m;
            case MeetingHeldCorrected x: Apply(m ??= new MeetingRecord(), x); return m;
            case MeetingOutcomeRecorded x: Apply(m ??= new MeetingRecord(), x); return m;
            case MeetingCancelled x: Apply(m ??= new MeetingRecord(), x); return m;
            case JointStatementAdopted x: Apply(m ??= new MeetingRecord(), x); return m;
            case CommitmentMade x: Apply(m ??= new MeetingRecord(), x); return m;
            case ActionPlanReaffirmed x: Apply(m ??= new MeetingRecord(), x); return m;
            default: return m;
        }
    }

    public static MeetingRecord Create(MeetingScheduled e) => new()
    {
        Id = e.MeetingId,
        DialogueId = e.DialogueId,
        Kind = e.Kind,
        Title = e.Title,
        Place = e.Place,
        Status = MeetingStatus.Scheduled,
        Dates = e.PlannedDates,
        Parties = [.. e.Parties],
    };

    public static void Apply(MeetingRecord m, MeetingRescheduled e)
    {
        m.Place = e.Place;
        m.Dates = e.PlannedDates;
    }

    public static void Apply(MeetingRecord m, MeetingHeld e)
    {
        m.Status = MeetingStatus.Held;
        m.Place = e.Place;
        m.Dates = e.Dates;
        m.Participants = [.. e.Participants.Select(d => d.Head is null ? d.Party : $"{d.Party}: {d.Head}")];
    }

    public static void Apply(MeetingRecord m, MeetingHeldCorrected e) => m.Dates = e.Dates;

    public static void Apply(MeetingRecord m, MeetingOutcomeRecorded e)
    {
        m.OutcomeSummary = e.Summary;
        m.Decisions = [.. e.Decisions];
        m.FieldCodes = [.. e.FieldCodes];
    }

    public static void Apply(MeetingRecord m, MeetingCancelled e)
    {
        m.Status = MeetingStatus.Cancelled;
        m.CancellationReason = e.Reason;
    }

    public static void Apply(MeetingRecord m, JointStatementAdopted e)
    {
        if (m.StatementsAdopted.All(s => s.StatementId != e.StatementId))
            m.StatementsAdopted.Add(new AdoptedStatement(e.StatementId, e.AdoptedOn, [.. e.Signatories]));
    }

    public static void Apply(MeetingRecord m, CommitmentMade e)
    {
        if (m.CommitmentsMade.All(c => c.CommitmentId != e.CommitmentId))
            m.CommitmentsMade.Add(new MadeCommitment(e.CommitmentId, e.FieldCode, e.Text));
    }

    public static void Apply(MeetingRecord m, ActionPlanReaffirmed e)
    {
        if (m.PlansReaffirmed.All(p => p.PlanId != e.PlanId))
            m.PlansReaffirmed.Add(new ReaffirmedPlan(e.PlanId, e.EffectiveOn));
    }
}
