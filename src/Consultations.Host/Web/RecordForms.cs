namespace Consultations.Host.Web;

public abstract class DocumentForm() : RecordForm<Document>("/documents")
{
    public Document Document => Record;
}

public abstract class FieldForm() : RecordForm<CooperationField>("/fields")
{
    public CooperationField Field => Record;
}

/// <summary>A form on one item of an action plan, the item picked from the plan's open items.</summary>
public abstract class ActionItemForm : ActionPlanForm
{
    /// <summary>The item picked; an item's page links here with it picked (<c>?itemId=</c>).</summary>
    [BindProperty(SupportsGet = true)] public string? ItemId { get; set; }

    public IReadOnlyList<ActionPlanItem> OpenItems => [.. Plan.Items.Where(i => i.IsOpen)];

    protected override RecordNotFound? NotPickable() =>
        ItemId is null || OpenItems.Any(i => i.ItemId == ItemId) ? null : new RecordNotFound("open item of this action plan", ItemId);

    /// <summary>The item picked, or null with the error next to the item's list.</summary>
    protected ActionPlanItem? PickedItem()
    {
        var item = Plan.Items.FirstOrDefault(i => i.ItemId == ItemId);
        if (item is null) Errors["itemId"] = "Pick the item.";
        return item;
    }
}

/// <summary>A form on one open milestone of an action plan's items, picked as "item/milestone".</summary>
public abstract class ItemMilestoneForm : ActionPlanForm
{
    public string? Milestone { get; set; }

    public IEnumerable<(string Value, string Text)> OpenMilestones =>
        from i in Plan.Items from m in i.Milestones where !m.IsMet select ($"{i.ItemId}/{m.MilestoneId}", $"{m.Title} ({m.DueOn}) · {i.Text}");

    /// <summary>The item and milestone picked, or null with the error next to the milestones' list.</summary>
    protected (string ItemId, DueMilestone Milestone)? Picked()
    {
        var parts = (Milestone ?? "").Split('/');
        var found = parts.Length == 2
            ? Plan.Items.Where(i => i.ItemId == parts[0]).SelectMany(i => i.Milestones).FirstOrDefault(m => m.MilestoneId == parts[1])
            : null;
        if (found is null) Errors["milestone"] = "Pick the milestone.";
        return found is null ? null : (parts[0], found);
    }
}
