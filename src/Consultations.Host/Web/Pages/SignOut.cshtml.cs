using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultations.Host.Web.Pages;

[AllowAnonymous]
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await EndedWebSession.EndAsync(HttpContext, ct);
        await HttpContext.SignOutAsync(WebSignIn.Cookie);
        return Redirect("/signin");
    }
}
