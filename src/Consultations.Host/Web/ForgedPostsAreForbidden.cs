using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace Consultations.Host.Web;

/// <summary>
/// A post whose antiforgery token is missing or not the session's own (a forged, cross-site post) is refused as 403 Forbidden,
/// shown as the localized "Not allowed" page, rather than the framework's bare 400.
/// </summary>
public sealed class ForgedPostsAreForbidden : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is not IAntiforgeryValidationFailedResult) return;
        context.HttpContext.Items[ErrorPages.Explanation] = ErrorPages.Forged;
        // The form is served at the address it posts to: the page's own path (never another site's).
        var request = context.HttpContext.Request;
        context.HttpContext.Items[ErrorPages.FormAddress] = request.PathBase + request.Path + request.QueryString;
        context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
    }

    public void OnResultExecuted(ResultExecutedContext context) { }
}
