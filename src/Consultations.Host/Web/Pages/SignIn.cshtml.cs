using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Consultations.Host.Web.Pages;

/// <summary>The local sign-in: a name and the API's roles, no password (ADR 0031). With an identity provider configured, OpenID Connect instead.</summary>
[AllowAnonymous]
public sealed class SignInModel(IConfiguration configuration, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public IActionResult OnGet()
    {
        // Strict as every other page (ADR 0016): the sign-in page reads returnUrl and nothing else.
        if (StrictQuery.Unread(GetType(), Request.Query) is { } unread)
        {
            HttpContext.Items[ErrorPages.Explanation] = unread;
            return StatusCode(StatusCodes.Status400BadRequest);
        }

        return WebSignIn.UsesOidc(configuration)
            ? Challenge(new AuthenticationProperties { RedirectUri = Safe(ReturnUrl) }, WebSignIn.Oidc)
            : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (WebSignIn.UsesOidc(configuration)) return Forbid();
        var name = Name?.Trim() ?? "";
        if (name.Length == 0) Errors["Name"] = text["Give your name: it is recorded with what you record."];
        else if (name.Length > 100 || name.Any(char.IsControl)) Errors["Name"] = text["Use at most 100 printable characters."];
        var roles = Roles.Intersect(Security.Roles.All).Distinct().ToList();
        if (roles.Count == 0) Errors["Roles"] = text["Pick at least one role."];
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await HttpContext.SignInAsync(WebSignIn.Cookie, WebSignIn.Local(name, roles));
        return LocalRedirect(Safe(ReturnUrl));
    }

    private string Safe(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
