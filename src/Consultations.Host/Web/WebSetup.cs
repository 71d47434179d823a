using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Consultations.Host.Web;

/// <summary>
/// The web interface (ADR 0031, 0032): Razor Pages rendered on the server from <c>Web/Pages</c>, readable by any of the API's
/// roles, over the same queries and write handlers as the API, in English, Italian or Japanese.
/// </summary>
public static class WebSetup
{
    public static void AddConsultationsWeb(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Web/Pages";
            o.Conventions.AuthorizeFolder("/", Roles.ReadPolicy);
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AllowAnonymousToPage("/SignOut");
            o.Conventions.AllowAnonymousToPage("/Language");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.ConfigureFilter(new ForgedPostsAreForbidden());
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "consultations.antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });
    }

    /// <summary>The stylesheet from wwwroot, else from the copy embedded in the assembly.</summary>
    public static IApplicationBuilder UseConsultationsWebAssets(this IApplicationBuilder app, IWebHostEnvironment environment) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new Microsoft.Extensions.FileProviders.CompositeFileProvider(environment.WebRootFileProvider,
                new Microsoft.Extensions.FileProviders.EmbeddedFileProvider(typeof(WebSetup).Assembly, "Consultations.Host.wwwroot")),
        });

    public static IApplicationBuilder UseConsultationsWebCulture(this IApplicationBuilder app)
    {
        var cultures = new[] { "en", "it", "ja" }.Select(c => new CultureInfo(c)).ToList();
        return app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            // The person's pick (a cookie), else the browser's languages; never the query string, which is strict (ADR 0016).
            RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()],
        });
    }
}
