namespace Consultations.Projections.ActionPlans;

/// <summary>Action-plan items by progress.</summary>
public sealed class ItemCounts
{
    public int NotStarted { get; set; }
    public int OnTrack { get; set; }
    public int Delayed { get; set; }
    public int Completed { get; set; }
    public int Dropped { get; set; }
    public int Total => NotStarted + OnTrack + Delayed + Completed + Dropped;

    /// <summary>Items still to be done: not started, on track or delayed.</summary>
    public int Open => NotStarted + OnTrack + Delayed;

    public void Add(ItemCounts other)
    {
        NotStarted += other.NotStarted;
        OnTrack += other.OnTrack;
        Delayed += other.Delayed;
        Completed += other.Completed;
        Dropped += other.Dropped;
    }

    public void Add(ItemProgress progress, int delta)
    {
        switch (progress)
        {
            case ItemProgress.NotStarted: NotStarted += delta; break;
            case ItemProgress.OnTrack: OnTrack += delta; break;
            case ItemProgress.Delayed: Delayed += delta; break;
            case ItemProgress.Completed: Completed += delta; break;
            case ItemProgress.Dropped: Dropped += delta; break;
        }
    }

    public void Move(ItemProgress from, ItemProgress to)
    {
        Add(from, -1);
        Add(to, 1);
    }
}
