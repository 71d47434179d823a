using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultations.Host.Web.Pages;

/// <summary>A page's refusal, in the person's language, with the reason the page gave (see <see cref="ErrorPages"/>).</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string? Explanation { get; private set; }

    public string Heading => Code switch
    {
        400 => "The request cannot be read",
        401 => "Please sign in",
        403 => "Not allowed",
        404 => "Not found",
        405 => "Not allowed",
        409 => "The record changed",
        413 => "Too much to send",
        _ => "Something went wrong",
    };

    /// <summary>For a form refused without its token, the form's own address, to open it again.</summary>
    public string? FormAddress { get; private set; }

    public string Advice => Code switch
    {
        403 when FormAddress is not null => "The form has expired (it was opened before you last signed in, or long ago) or was not sent from this site.",
        403 => "Your roles do not allow this page or this action.",
        404 => "Nothing is on record at this address.",
        400 => "Check the address: a page takes only the parameters its own forms send.",
        413 => "Go back to the form: your input is still in the browser.",
        _ => "Try again, or go back to the dashboard.",
    };

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private IActionResult Show(int code)
    {
        if (code is < 400 or > 599) return NotFound();
        Code = code;
        Explanation = HttpContext.Items[ErrorPages.Explanation] as string;
        FormAddress = HttpContext.Items[ErrorPages.FormAddress] as string;
        // Re-executed for a refused page: an auditor's replay stays a replay. The page's own address (its axes, its dialogue)
        // is what the layout's bar, links and language switch keep, so one click does not silently land on "now".
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is { } refused && User.IsInRole(Roles.Auditor))
        {
            Request.Path = new PathString(refused.OriginalPath); // already decoded: decoding it again would read "%00" as a NUL
            Request.QueryString = new QueryString(refused.OriginalQueryString);
        }

        Response.StatusCode = code;
        return Page();
    }
}
