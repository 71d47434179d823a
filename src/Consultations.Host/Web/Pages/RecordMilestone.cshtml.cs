using Consultations.Host.Milestones;

namespace Consultations.Host.Web.Pages;

/// <summary>
/// Records a stand-alone dated milestone (an anniversary, a conference) through <see cref="MilestoneEndpoints.Handle(RecordMilestone, Recorder, CancellationToken)"/>:
/// its fields and the document it cites picked from the record, its id made from its title and first day.
/// </summary>
public sealed class RecordMilestoneModel : NewRecordForm
{
    public string? Title { get; set; }
    public string? DatesFrom { get; set; }
    public string? DatesTo { get; set; }
    public MilestoneCertainty Certainty { get; set; } = MilestoneCertainty.Stated;
    public List<string> FieldCodes { get; set; } = [];
    public string? DocumentId { get; set; }
    public string? Quote { get; set; }

    public IReadOnlyList<CooperationField> Fields { get; private set; } = [];
    public IReadOnlyList<Document> Documents { get; private set; } = [];

    protected override async Task LoadChoicesAsync(IQuerySession read, CancellationToken ct)
    {
        Fields = await DialogueChoices.FieldsAsync(read, DialogueId, ct);
        Documents = await DialogueChoices.DocumentsAsync(read, DialogueId, ct);
    }

    protected override async Task<(string Page, object? Command)> CommandAsync(CancellationToken ct)
    {
        var dates = Span("dates", DatesFrom, DatesTo);
        if (dates is null) Errors.TryAdd("dates", "is required: the milestone's day or days.");
        var on = EffectiveDay("is required: the date of the source that names it.");
        var id = await NewIdAsync<Milestone>("title", WebIds.Slug(Title) is { Length: > 0 } slug && dates is not null ? $"{slug}-{dates.From}" : Title, "milestone", ct);
        if (Errors.Count > 0) return ("", null);
        var command = new RecordMilestone(id, DialogueId ?? "", Title!.Trim(), dates!, Certainty, on!.Value, FieldCodes, Optional(DocumentId), Optional(Quote));
        return ($"/milestones/{id}", command);
    }
}
