using Consultations.Host.Reports;
using Consultations.Host.Web;
using JasperFx;
using Scalar.AspNetCore;
using Wolverine;
using Wolverine.Marten;

// A command's answer alone on stdout; logs and the command line's chatter on stderr (ADR 0034).
Consultations.Host.Cli.CliOutput.Begin(args);
var builder = WebApplication.CreateBuilder(args);

if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
    builder.WebHost.UseUrls("http://localhost:5080");

var database = await ServiceDatabase.ResolveAsync(builder.Configuration, builder.Environment.ContentRootPath, args);
var schema = builder.Configuration["Consultations:Schema"] ?? "consultations";

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(database);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<WriteConditions>();
builder.Services.AddScoped<Recorder>();
// Consultations:Import:Bulk=false stores even files of new records through Marten's sessions (ADR 0050: for comparisons).
builder.Services.AddSingleton(sp => new Consultations.Host.RecordFiles.RecordImporter(sp.GetRequiredService<IDocumentStore>(),
    sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<Consultations.Host.RecordFiles.RecordImporter>>())
{
    BulkWhenNew = builder.Configuration.GetValue("Consultations:Import:Bulk", true),
});
builder.Services.ConfigureHttpJsonOptions(o => JsonConventions.Apply(o.SerializerOptions));
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemMapping>();
builder.Services.AddOpenApi(o => ApiDocument.Configure(o));
builder.Services.AddHostedService<SeedWhenEmpty>();
builder.Services.AddConsultationsHealth();
builder.Services.AddConsultationsAuditing();
builder.Services.AddReporting(builder.Configuration);
builder.AddConsultationsTelemetry();
var tokens = builder.AddConsultationsAuth();
builder.Services.AddConsultationsWeb();

builder.Services.AddMarten(opts => StoreSetup.Configure(opts, database.ConnectionString, schema,
        TimeSpan.FromSeconds(builder.Configuration.GetValue("Consultations:Ledger:SettleSeconds", 60.0)),
        builder.Configuration.GetValue("Consultations:Database:MaxAutoPrepare", StoreSetup.DefaultMaxAutoPrepare)))
    .UseLightweightSessions()
    .ApplyAllDatabaseChangesOnStartup()
    .AddReportingDaemon(builder.Configuration)
    .IntegrateWithWolverine();
// A write that lost a race is answered 409 and logged as such, not as an error (ADR 0039).
ConflictLogging.Use(builder.Services);

builder.Host.UseWolverine(opts =>
{
    opts.EnableRelayOfUserName = true;
    opts.Discovery.IncludeAssembly(typeof(Program).Assembly);
});
builder.Services.AddWolverineHttp();

var app = builder.Build();

app.UseMiddleware<SecurityHeaders>();
app.UseExceptionHandler();
// Before authentication, so that a 401 or 403 (and any other bodiless failure) is answered as ProblemDetails on the API, as a page on the web.
app.UseConsultationsStatusPages();
app.UseMiddleware<RequestLimits>();
app.UseMiddleware<SameOriginWrites>();
app.UseConsultationsWebAssets(app.Environment);
app.UseConsultationsWebCulture();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<QueryParameters>();
app.UseReplayNeedsAuditor();
app.UseReplayedAxesHeader();
app.UseMiddleware<CommandBodies>();
app.UseMiddleware<IdempotencyKeys>();
// The API's documentation is public: it describes the routes, not the record.
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference(o => o.WithTitle("Consultations API")).AllowAnonymous();
app.MapRazorPages();
app.MapConsultationsHealth();
app.MapWolverineEndpoints(o =>
{
    AuthSetup.RequireRoles(o);
    o.AddPolicy<RecordedWrites>();
    QueryParameters.Derive(o, Listing.Parameters);
});
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
        app.Logger.LogInformation("Consultations is serving {Url} (API reference: {Url}/scalar/v1, OpenAPI: {Url}/openapi/v1.json)", url, url, url);
    if (tokens.KeyFile is not null)
        app.Logger.LogInformation("Every API call needs a bearer token. Get one with: dotnet run --project src/Consultations.Host -- token --user \"Your Name\" --role secretariat (or auditor, reporter)");
});

try
{
    var exitCode = await app.RunJasperFxCommands(Consultations.Host.Cli.RebuildDefaults.Apply(args));
    return Consultations.Host.Cli.CliOutput.ExitCode ?? exitCode;
}
finally
{
    await database.DisposeAsync();
}

public partial class Program;
