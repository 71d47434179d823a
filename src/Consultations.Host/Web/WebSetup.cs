using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;

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
            o.Conventions.Add(new FormConvention());
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

/// <summary>
/// What every form page (<see cref="WebForm"/>) is, said once: only the recording role may open or send it, and each public
/// settable property it declares is one of its inputs, bound on POST (a property's own <c>[BindProperty]</c>, for another
/// name or for GET too, still wins).
/// </summary>
internal sealed class FormConvention : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        if (!typeof(WebForm).IsAssignableFrom(model.HandlerType)) return;
        model.EndpointMetadata.Add(new AuthorizeAttribute(Roles.RecordPolicy));
        foreach (var property in model.HandlerProperties.Where(p => p.BindingInfo is null && typeof(WebForm).IsAssignableFrom(p.PropertyInfo.DeclaringType)
                     && p.PropertyInfo.SetMethod is { IsPublic: true }))
            property.BindingInfo = new BindingInfo { RequestPredicate = context => !HttpMethods.IsGet(context.HttpContext.Request.Method) };
    }
}
