namespace Consultations.Projections.Fields;

/// <summary>
/// How events move a field's status, as pure functions. Each record folds its own events into its share of a field
/// (<see cref="RecordFootprint"/>), and a field's status is the merge of every record's share: the stored footprints
/// and the auditors' replay (any recorded instant, any effective date) both go this way, so the two cannot disagree.
/// </summary>
public static class FieldStatusFold
{
    /// <summary>The fields an event concerns; none for events that do not move a field's status.</summary>
    public static IReadOnlyList<string> FieldCodes(object e) => (e as IFieldEvent)?.FieldCodes ?? [];

    /// <summary>
    /// Each field's status from the records' shares of it. Sums add up; agencies and programmes are the union in
    /// ordinal order; the latest meeting or statement is the latest by date (then by id, so the answer never depends
    /// on the order the shares are read in). A field is on record from its own definition: shares of a code whose field
    /// is not defined (entries dated before it, on file from before ADR 0053's rules) make no field and count nowhere (ADR 0057).
    /// </summary>
    public static Dictionary<string, FieldStatus> Merge(IEnumerable<RecordFootprint> footprints)
    {
        var fields = MergeShares(footprints);
        foreach (var code in fields.Where(f => !IsDefined(f.Value)).Select(f => f.Key).ToList()) fields.Remove(code);
        return fields;
    }

    // Only the field's own record defines it (its number and title); the others leave these empty.
    private static bool IsDefined(FieldStatus share) => share.Number != 0 || share.Title.Length > 0;

    private static Dictionary<string, FieldStatus> MergeShares(IEnumerable<RecordFootprint> footprints)
    {
        var fields = new Dictionary<string, FieldStatus>();
        foreach (var footprint in footprints)
        {
            foreach (var (code, share) in footprint.Fields)
            {
                if (!fields.TryGetValue(code, out var status)) fields[code] = status = new FieldStatus { Id = code };
                Add(status, share);
            }
        }

        foreach (var status in fields.Values)
        {
            status.Agencies.Sort(StringComparer.Ordinal);
            status.Programmes.Sort(StringComparer.Ordinal);
        }

        return fields;
    }

    private static void Add(FieldStatus s, FieldStatus share)
    {
        if (IsDefined(share))
        {
            s.DialogueId = share.DialogueId;
            s.Number = share.Number;
            s.Title = share.Title;
            s.Scope = share.Scope;
        }

        s.Commitments.Add(share.Commitments);
        s.ActionItems += share.ActionItems;
        s.OpenActionItems += share.OpenActionItems;
        s.ActionItemsByProgress.Add(share.ActionItemsByProgress);
        foreach (var agency in share.Agencies.Where(a => !s.Agencies.Contains(a))) s.Agencies.Add(agency);
        foreach (var programme in share.Programmes.Where(p => !s.Programmes.Contains(p))) s.Programmes.Add(programme);
        if (share.LatestMeeting is { } m) s.LatestMeeting = FieldStatus.Later(s.LatestMeeting, m);
        if (share.LatestStatement is { } st) s.LatestStatement = FieldStatus.Later(s.LatestStatement, st);
        if (share.LastActivityOn is { } on) s.Touched(on);
        foreach (var (party, counts) in share.ByParty) s.Party(party).Add(counts);
    }

    /// <summary>Applies one event to a field's status (a new, empty status for the first event of a field).</summary>
    public static void Apply(FieldStatus s, object e)
    {
        switch (e)
        {
            case CooperationFieldDefined x: Apply(s, x); break;
            case CooperationFieldScopeRevised x: Apply(s, x); break;
            case CommitmentMade x: Apply(s, x); break;
            case CommitmentStatusChanged x: Apply(s, x); break;
            case CommitmentStatusChangeCorrected x: Apply(s, x); break;
            case CommitmentAmended x: Apply(s, x); break;
            case ClauseAdded x: Apply(s, x); break;
            case JointStatementAdopted x: Apply(s, x); break;
            case MeetingOutcomeRecorded x: Apply(s, x); break;
            case ActionPlanItemAdded x: Apply(s, x); break;
            case ActionPlanItemProgressUpdated x: Apply(s, x); break;
            case ActionPlanItemCompleted x: Apply(s, x); break;
            case ActionPlanItemDropped x: Apply(s, x); break;
            case CommitmentPartyProgressChanged x: Apply(s, x); break;
            case CommitmentComplianceAssessed x: Apply(s, x); break;
            case IFieldEvent x when FollowUpDate(x) is { } on: s.Touched(on); break;
        }
    }

    public static void Apply(FieldStatus s, CooperationFieldDefined e)
    {
        s.Id = e.FieldCode;
        s.DialogueId = e.DialogueId;
        s.Number = e.Number;
        s.Title = e.Title;
        s.Scope = e.Scope;
        s.Touched(e.EffectiveOn);
    }

    public static void Apply(FieldStatus s, CooperationFieldScopeRevised e)
    {
        s.Title = e.Title;
        s.Scope = e.Scope;
        s.Touched(e.EffectiveOn);
    }

    public static void Apply(FieldStatus s, CommitmentMade e)
    {
        s.Commitments.Add(e.Status, 1);
        foreach (var party in e.Parties)
        {
            s.Party(party).Commitments.Add(e.Status, 1);
            s.Party(party).Progress.Unknown++;
        }

        foreach (var agency in e.Agencies.Where(a => !s.Agencies.Contains(a))) s.Agencies.Add(agency);
        foreach (var programme in e.Programmes.Where(p => !s.Programmes.Contains(p))) s.Programmes.Add(programme);
        s.Touched(e.EffectiveOn);
    }

    public static void Apply(FieldStatus s, CommitmentStatusChanged e)
    {
        s.Commitments.Add(e.From, -1);
        s.Commitments.Add(e.To, 1);
        // A commitment's share names exactly its parties.
        foreach (var party in s.ByParty.Values)
        {
            party.Commitments.Add(e.From, -1);
            party.Commitments.Add(e.To, 1);
        }

        s.Touched(e.EffectiveOn);
    }

    // A corrected date is activity on that date; the counts do not move.
    public static void Apply(FieldStatus s, CommitmentStatusChangeCorrected e) => s.Touched(e.EffectiveOn);

    public static void Apply(FieldStatus s, CommitmentAmended e) => s.Touched(e.EffectiveOn);

    public static void Apply(FieldStatus s, ClauseAdded e) => s.Touched(e.EffectiveOn);

    public static void Apply(FieldStatus s, JointStatementAdopted e)
    {
        s.LatestStatement = FieldStatus.Later(s.LatestStatement, new Touch(e.StatementId, e.AdoptedOn));
        s.Touched(e.EffectiveOn);
    }

    public static void Apply(FieldStatus s, MeetingOutcomeRecorded e)
    {
        s.LatestMeeting = FieldStatus.Later(s.LatestMeeting, new Touch(e.MeetingId, e.EffectiveOn));
        s.Touched(e.EffectiveOn);
    }

    public static void Apply(FieldStatus s, ActionPlanItemAdded e)
    {
        s.ActionItems++;
        s.OpenActionItems++;
        s.ActionItemsByProgress.Add(ItemProgress.NotStarted, 1);
        s.Touched(e.EffectiveOn);
    }

    public static void Apply(FieldStatus s, ActionPlanItemProgressUpdated e)
    {
        s.ActionItemsByProgress.Move(e.From, e.To);
        s.Touched(e.EffectiveOn);
    }

    public static void Apply(FieldStatus s, ActionPlanItemCompleted e)
    {
        s.OpenActionItems--;
        s.ActionItemsByProgress.Move(e.From, ItemProgress.Completed);
        s.Touched(e.EffectiveOn);
    }

    public static void Apply(FieldStatus s, ActionPlanItemDropped e)
    {
        s.OpenActionItems--;
        s.ActionItemsByProgress.Move(e.From, ItemProgress.Dropped);
        s.Touched(e.EffectiveOn);
    }

    public static void Apply(FieldStatus s, CommitmentPartyProgressChanged e)
    {
        s.Party(e.Party).Progress.Move(e.From, e.To);
        s.Touched(e.EffectiveOn);
    }

    // A commitment's share holds its own latest review per party; the field's average is over those (ComplianceTally).
    public static void Apply(FieldStatus s, CommitmentComplianceAssessed e)
    {
        s.Party(e.Party).Compliance.Review(e.EffectiveOn, e.Score);
        s.Touched(e.EffectiveOn);
    }

    /// <summary>Leads and milestones move no count; they are activity on their date.</summary>
    private static PartialDate? FollowUpDate(IFieldEvent e) => e switch
    {
        CommitmentLeadSet x => x.EffectiveOn,
        CommitmentMilestoneAdded x => x.EffectiveOn,
        CommitmentMilestoneMet x => x.EffectiveOn,
        CommitmentMilestoneRescheduled x => x.EffectiveOn,
        ActionPlanItemLeadSet x => x.EffectiveOn,
        ActionPlanItemMilestoneAdded x => x.EffectiveOn,
        ActionPlanItemMilestoneMet x => x.EffectiveOn,
        ActionPlanItemMilestoneRescheduled x => x.EffectiveOn,
        _ => null,
    };
}
