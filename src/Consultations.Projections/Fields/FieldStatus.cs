namespace Consultations.Projections.Fields;

public sealed class CommitmentCounts
{
    public int Proposed { get; set; }
    public int Agreed { get; set; }
    public int InProgress { get; set; }
    public int Fulfilled { get; set; }
    public int Lapsed { get; set; }
    public int Withdrawn { get; set; }
    public int Superseded { get; set; }
    public int Total => Proposed + Agreed + InProgress + Fulfilled + Lapsed + Withdrawn + Superseded;

    /// <summary>Commitments still to be delivered: proposed, agreed or in progress.</summary>
    public int Open => Proposed + Agreed + InProgress;

    public void Add(CommitmentCounts other)
    {
        Proposed += other.Proposed;
        Agreed += other.Agreed;
        InProgress += other.InProgress;
        Fulfilled += other.Fulfilled;
        Lapsed += other.Lapsed;
        Withdrawn += other.Withdrawn;
        Superseded += other.Superseded;
    }

    public void Add(CommitmentStatus status, int delta)
    {
        switch (status)
        {
            case CommitmentStatus.Proposed: Proposed += delta; break;
            case CommitmentStatus.Agreed: Agreed += delta; break;
            case CommitmentStatus.InProgress: InProgress += delta; break;
            case CommitmentStatus.Fulfilled: Fulfilled += delta; break;
            case CommitmentStatus.Lapsed: Lapsed += delta; break;
            case CommitmentStatus.Withdrawn: Withdrawn += delta; break;
            case CommitmentStatus.Superseded: Superseded += delta; break;
        }
    }
}

/// <summary>A record that last touched a field: a meeting that discussed it or a statement that covers it.</summary>
public sealed record Touch(string Id, PartialDate On);

/// <summary>The status of one cooperation field, as reporting jobs read it.</summary>
public sealed class FieldStatus
{
    public string Id { get; set; } = "";
    public string DialogueId { get; set; } = "";
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string Scope { get; set; } = "";
    public CommitmentCounts Commitments { get; set; } = new();
    public int ActionItems { get; set; }
    public int OpenActionItems { get; set; }
    public ActionPlans.ItemCounts ActionItemsByProgress { get; set; } = new();
    public List<string> Agencies { get; set; } = [];
    public List<string> Programmes { get; set; } = [];
    public Touch? LatestMeeting { get; set; }
    public Touch? LatestStatement { get; set; }
    public PartialDate? LastActivityOn { get; set; }

    /// <summary>The field's counts party by party (readers order them by name).</summary>
    public Dictionary<string, PartyShare> ByParty { get; set; } = [];

    /// <summary>Every party's latest compliance review on each commitment of the field, together.</summary>
    public ComplianceTally Compliance => ComplianceTally.Of(ByParty.Values.Select(p => p.Compliance));

    public PartyShare Party(string party)
    {
        if (!ByParty.TryGetValue(party, out var share)) ByParty[party] = share = new PartyShare();
        return share;
    }

    public void Touched(PartialDate on)
    {
        if (LastActivityOn is null || on.CompareTo(LastActivityOn.Value) > 0) LastActivityOn = on;
    }

    /// <summary>The later of two touches by date, then by id: the same answer whichever is seen first.</summary>
    public static Touch Later(Touch? current, Touch candidate)
    {
        if (current is null) return candidate;
        var byDate = candidate.On.CompareTo(current.On);
        return byDate > 0 || (byDate == 0 && string.CompareOrdinal(candidate.Id, current.Id) > 0) ? candidate : current;
    }
}
