using Consultations.Host.ActionPlans;

namespace Consultations.Host.Web.Pages;

/// <summary>Records that a meeting or statement of the plan's dialogue, picked from the record, reaffirmed the plan through <see cref="ActionPlanEndpoints.Handle(ReaffirmActionPlan, Recorder, CancellationToken)"/>.</summary>
public sealed class ReaffirmActionPlanModel : ActionPlanForm
{
    public string? By { get; set; }
    public string? Note { get; set; }

    public IEnumerable<(string Value, string Text)> Choices { get; private set; } = [];

    protected override async Task LoadChoicesAsync(IQuerySession read, CancellationToken ct)
    {
        var dialogueId = Record.DialogueId;
        // Only a meeting held or a statement adopted reaffirms a plan (ADR 0059): the others are not offered.
        var meetings = await DialogueChoices.MeetingsHeldAsync(read, dialogueId, ct);
        var statements = (await DialogueChoices.StatementsAsync(read, dialogueId, ct)).Where(s => s.IsAdopted);
        Choices = [.. meetings.OrderBy(m => m.Title, StringComparer.Ordinal).Select(m => ($"Meeting|{m.Id}", m.Title)),
            .. statements.OrderBy(s => s.Title, StringComparer.Ordinal).Select(s => ($"Statement|{s.Id}", s.Title))];
    }

    protected override object? Command(string id)
    {
        var by = MakeCommitmentModel.SourceOf(By);
        Require("by", by, "Pick the meeting or statement that reaffirmed the plan.");
        var on = EffectiveDay("is required: the day the plan was reaffirmed.");
        return Errors.Count > 0 ? null
            : new ReaffirmActionPlan(id, by!, OrNull(Note), on!.Value);
    }
}
