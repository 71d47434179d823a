using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultations.Host.Web;

/// <summary>
/// What every page shares: the auditor's two time axes, read from the query string (<c>recordedAt</c>, <c>effectiveOn</c>)
/// exactly as the API reads them and kept on every link (<see cref="WebLinks.Keep"/>). A replay is an auditor's act, as on
/// the API: anyone else asking for one gets 403.
/// </summary>
public abstract class WebPage : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? RecordedAt { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EffectiveOn { get; set; }

    public Axes Axes { get; private set; } = Axes.Now;

    /// <summary>Why the axes asked for could not be read; the page is then refused (400) with the reason next to the as-of bar.</summary>
    public string? AxesProblem { get; private set; }

    public bool CanRecord => User.IsInRole(Roles.Secretariat) && Axes.IsNow;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        // The as-of bar sends both axes; one left empty is not a replay axis: the page is asked for again without it.
        if (HttpMethods.IsGet(Request.Method) && HttpContext.WithoutEmptyAxes() is { } clean)
        {
            context.Result = new RedirectResult(clean);
            return;
        }

        if ((!string.IsNullOrWhiteSpace(RecordedAt) || !string.IsNullOrWhiteSpace(EffectiveOn)) && !User.IsInRole(Roles.Auditor))
        {
            context.Result = Refuse(StatusCodes.Status403Forbidden, "Replaying the record is for auditors.");
            return;
        }

        // Strict, as the API's query strings are (ADR 0016): a parameter the page does not read is refused, not ignored.
        if (StrictQuery.Unread(GetType(), Request.Query) is { } unread)
        {
            context.Result = Refuse(StatusCodes.Status400BadRequest, unread);
            return;
        }

        try
        {
            Axes = Axes.Read(WebLinks.Instant(RecordedAt), EffectiveOn, HttpContext.RequestServices.GetRequiredService<TimeProvider>());
        }
        catch (InvalidCommand e)
        {
            AxesProblem = string.Join(" ", e.Errors.SelectMany(x => x.Value.Select(v => $"{x.Key}: {v}")));
            // Refused as the API refuses it: no record is shown under a replay it is not.
            ViewData["AxesProblem"] = AxesProblem;
            context.Result = new ViewResult { ViewName = "_AxesProblem", StatusCode = StatusCodes.Status400BadRequest, ViewData = ViewData };
        }
    }

    /// <summary>The titles of the records the page links to; in a replay, those not on record on its axes are named, not linked.</summary>
    protected Task<RecordTitles> TitlesAsync(IQuerySession session, IEnumerable<(string Collection, string Id)> links, CancellationToken ct) =>
        RecordTitles.LoadAsync(session, links, Axes, HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Text>>(), ct);

    /// <summary>A refusal shown as the error page (<c>/error/{code}</c>) with <paramref name="explanation"/>, never as JSON.</summary>
    protected IActionResult Refuse(int status, string explanation)
    {
        HttpContext.Items[ErrorPages.Explanation] = explanation;
        return new StatusCodeResult(status);
    }

    /// <summary>
    /// The dialogue picked on another page, carried in the query so the header's links stay on it: a 404 page naming it
    /// when it is not on record (as on the dashboard), else null.
    /// </summary>
    protected async Task<IActionResult?> UnknownDialogueAsync(IQuerySession session, string? dialogue, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(dialogue) || await session.LoadAsync<Domain.Dialogues.Dialogue>(dialogue, ct) is not null
            ? null
            : NotOnRecord(new RecordNotFound("dialogue", dialogue));

    /// <summary>404 naming the record that is not on record (on the axes asked, when a replay).</summary>
    protected IActionResult NotOnRecord(RecordNotFound missing)
    {
        var t = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Text>>();
        return Refuse(StatusCodes.Status404NotFound, missing.Message == $"No {missing.RecordKind} '{missing.Id}' is on record." ? t["No {0} '{1}' is on record.", (t["kind:" + missing.RecordKind] is { ResourceNotFound: false } kind ? kind.Value : missing.RecordKind), missing.Id] : missing.Message);
    }
}
