using Consultations.Domain.Dialogues;
using Consultations.Domain.Documents;
using Consultations.Domain.JointStatements;
using Consultations.Host.JointStatements;

namespace Consultations.Host.Web.Pages;

/// <summary>
/// Drafts a joint statement through <see cref="JointStatementEndpoints.Handle(DraftJointStatement, Recorder, CancellationToken)"/>:
/// the dialogue and the registered document picked from the record, the id made from the title and the drafting day.
/// </summary>
[Authorize(Policy = Roles.RecordPolicy)]
public sealed class DraftStatementModel(Recorder recorder, WriteConditions conditions) : WebForm(recorder, conditions)
{
    [BindProperty] public string? DialogueId { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Preamble { get; set; }
    [BindProperty(Name = "effectiveOnDate")] public string? DraftedOn { get; set; }
    [BindProperty] public string? DocumentId { get; set; }

    /// <summary>The dialogue picked on the dashboard the form was reached from: the form starts with it and its parties.</summary>
    [BindProperty(SupportsGet = true)] public string? Dialogue { get; set; }

    public IReadOnlyList<Dialogue> Dialogues { get; private set; } = [];
    public IReadOnlyList<Document> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        DialogueId = Dialogues.FirstOrDefault()?.Id;
        NewToken();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var on = RequiredDate("effectiveOn", DraftedOn, "is required: the day it was drafted.");
        var id = WebIds.Slug(Title) is { Length: > 0 } slug && on is { } day ? WebIds.Slug($"{slug}-{day}") : "";
        if (WebIds.Slug(Title).Length == 0) Errors["title"] = "is required: the statement's title.";
        else if (id.Length > 0 && await Session.LoadAsync<JointStatement>(id, ct) is not null)
            Errors["title"] = $"A statement '{id}' is already on record: give this one another title or date.";
        if (Errors.Count == 0
            && await RecordAsync((r, c) => JointStatementEndpoints.Handle(new DraftJointStatement(id, DialogueId ?? "", Title!.Trim(),
                OrNull(Preamble), on!.Value, OrNull(DocumentId)), r, c), ct))
            return Redirect($"/statements/{id}");
        if (Errors.Count > 0 && Response.StatusCode == 200) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var read = HttpContext.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        Dialogues = WebDialogues.PickedFirst(await WebDialogues.InOrderOpenedAsync(read, ct), Dialogue);
        Documents = [.. (await read.Query<Document>().ToListAsync(ct)).OrderBy(d => d.Title, StringComparer.Ordinal)];
    }
}
