namespace Consultations.Projections.Fields;

/// <summary>A field's counts for one party: the commitments it is a party to, by status and by its own progress, and its compliance.</summary>
public sealed class PartyShare
{
    public CommitmentCounts Commitments { get; set; } = new();
    public PartyProgressCounts Progress { get; set; } = new();
    public ComplianceTally Compliance { get; set; } = new();

    public void Add(PartyShare other)
    {
        Commitments.Add(other.Commitments);
        Progress.Add(other.Progress);
        Compliance.Add(other.Compliance);
    }
}

/// <summary>Commitments by one party's own progress; <see cref="Unknown"/> where the record has none for that party.</summary>
public sealed class PartyProgressCounts
{
    public int Unknown { get; set; }
    public int NotStarted { get; set; }
    public int InProgress { get; set; }
    public int Delayed { get; set; }
    public int Completed { get; set; }

    public void Add(PartyProgressCounts o)
    {
        Unknown += o.Unknown;
        NotStarted += o.NotStarted;
        InProgress += o.InProgress;
        Delayed += o.Delayed;
        Completed += o.Completed;
    }

    public void Move(PartyProgress? from, PartyProgress to)
    {
        Add(from, -1);
        Add(to, 1);
    }

    private void Add(PartyProgress? progress, int delta)
    {
        switch (progress)
        {
            case null: Unknown += delta; break;
            case PartyProgress.NotStarted: NotStarted += delta; break;
            case PartyProgress.InProgress: InProgress += delta; break;
            case PartyProgress.Delayed: Delayed += delta; break;
            case PartyProgress.Completed: Completed += delta; break;
        }
    }
}

/// <summary>
/// Compliance scores (-1, 0, +1) summed over the latest review of each party on each commitment. A commitment's own share
/// holds at most one review per party (a later review replaces it); shares add up, so the average is over the latest reviews.
/// </summary>
public sealed class ComplianceTally
{
    public int Sum { get; set; }
    public int Reviews { get; set; }
    public PartialDate? LatestReviewOn { get; set; }

    /// <summary>The mean score, to two decimals; null when nothing was assessed.</summary>
    public double? Average => Reviews == 0 ? null : Math.Round((double)Sum / Reviews, 2, MidpointRounding.AwayFromZero);

    public void Add(ComplianceTally o)
    {
        Sum += o.Sum;
        Reviews += o.Reviews;
        if (o.LatestReviewOn is { } on && (LatestReviewOn is null || on.CompareTo(LatestReviewOn.Value) > 0)) LatestReviewOn = on;
    }

    /// <summary>One commitment's review for one party: kept if it is the latest (or corrects the latest), else ignored.</summary>
    public void Review(PartialDate reviewedOn, int score)
    {
        if (LatestReviewOn is { } latest && reviewedOn.CompareTo(latest) < 0) return;
        Sum = score;
        Reviews = 1;
        LatestReviewOn = reviewedOn;
    }

    public static ComplianceTally Of(IEnumerable<ComplianceTally> tallies)
    {
        var total = new ComplianceTally();
        foreach (var t in tallies) total.Add(t);
        return total;
    }
}
