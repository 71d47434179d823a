namespace Consultations.Projections.ActionPlans;

public sealed class FieldItemProgress
{
    public string FieldCode { get; set; } = "";
    public ItemCounts Items { get; set; } = new();
}

public sealed class ItemLine
{
    public string ItemId { get; set; } = "";
    public string FieldCode { get; set; } = "";
    public string Text { get; set; } = "";
    public ItemProgress Progress { get; set; }
    public PartialDate LastChangedOn { get; set; }
}

/// <summary>How far one action plan has come: its items by progress, overall and per cooperation field.</summary>
public sealed class ActionPlanProgress
{
    public string Id { get; set; } = "";
    public string DialogueId { get; set; } = "";
    public string Title { get; set; } = "";
    public PartialDate PeriodFrom { get; set; }
    public PartialDate PeriodTo { get; set; }
    public PartialDate? AdoptedOn { get; set; }
    public ItemCounts Items { get; set; } = new();
    public List<FieldItemProgress> ByField { get; set; } = [];
    public List<ItemLine> ItemLines { get; set; } = [];
    public int Reaffirmations { get; set; }
    /// <summary>Null until something dated happens to a plan whose adoption date is unknown.</summary>
    public PartialDate? LastActivityOn { get; set; }

    public FieldItemProgress Field(string code)
    {
        var field = ByField.FirstOrDefault(f => f.FieldCode == code);
        if (field is null)
        {
            field = new FieldItemProgress { FieldCode = code };
            ByField.Add(field);
            ByField.Sort((a, b) => string.CompareOrdinal(a.FieldCode, b.FieldCode));
        }

        return field;
    }

    public void Touched(PartialDate on)
    {
        if (LastActivityOn is null || on.CompareTo(LastActivityOn.Value) > 0) LastActivityOn = on;
    }
}
