using Consultations.Projections.ActionPlans;
using Consultations.Projections.Meetings;
using Consultations.Projections.Register;
using Consultations.Projections.Search;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;

namespace Consultations.Host.Reports;

/// <summary>Settings of the reporting side (section <c>Consultations</c>).</summary>
public sealed class ReportingOptions
{
    /// <summary>A field with no activity for this many days (counted from the last day its last activity can have been) is stalled.</summary>
    public int StalledAfterDays { get; set; } = 180;

    /// <summary><c>Consultations:Reporting:DueSoonDays</c>: a milestone not met that can fall due within this many days of the day viewed is due soon.</summary>
    public int DueSoonDays { get; set; } = 30;
}

/// <summary>
/// The reporting read models and their wiring. The views the secretariat reads right after writing stay inline
/// (<c>StoreSetup</c>); the reporting views here run in the async daemon (docs/adr/0013).
/// </summary>
public static class ReportingSetup
{
    /// <summary>The async projections, by the name their progress is kept under.</summary>
    public static IReadOnlyList<string> AsyncProjections { get; } =
        ["CommitmentRegister", "CommitmentRegisterTable", "MeetingRecord", "ActionPlanProgress", "SearchIndex"];

    public static void ConfigureStore(StoreOptions opts, string schema)
    {
        opts.Projections.Add<CommitmentRegisterProjection>(ProjectionLifecycle.Async);
        opts.Projections.Add(new CommitmentRegisterTable(schema), ProjectionLifecycle.Async);
        opts.Projections.Add<MeetingRecordProjection>(ProjectionLifecycle.Async);
        opts.Projections.Add<ActionPlanProgressProjection>(ProjectionLifecycle.Async);
        opts.Storage.ExtendedSchemaObjects.Add(CommitmentRegisterTable.Definition(schema));
        // Full-text search (ADR 0021): its text search configuration, its table, and the projection that fills it.
        opts.Storage.ExtendedSchemaObjects.Add(new SearchConfiguration(schema));
        opts.Storage.ExtendedSchemaObjects.Add(SearchIndexProjection.Definition(schema));
        opts.Projections.Add(new SearchIndexProjection(schema), ProjectionLifecycle.Async);

        opts.Schema.For<CommitmentRegisterEntry>().Duplicate(x => x.DialogueId).Duplicate(x => x.FieldCode);
        opts.Schema.For<MeetingRecord>().Duplicate(x => x.DialogueId);
        opts.Schema.For<ActionPlanProgress>().Duplicate(x => x.DialogueId);
    }

    /// <summary>
    /// <c>Consultations:ProjectionDaemon</c>: HotCold (default: one node runs the daemon, another takes over if it dies),
    /// Solo (tests, a single process), or Disabled (a node that only serves writes).
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddReportingDaemon(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten, IConfiguration configuration)
    {
        var mode = Enum.TryParse<DaemonMode>(configuration["Consultations:ProjectionDaemon"], ignoreCase: true, out var chosen) ? chosen : DaemonMode.HotCold;
        return mode == DaemonMode.Disabled ? marten : marten.AddAsyncDaemon(mode);
    }

    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReportingOptions>(configuration.GetSection("Consultations"));
        services.PostConfigure<ReportingOptions>(o => o.DueSoonDays = Math.Max(0, configuration.GetValue("Consultations:Reporting:DueSoonDays", 30)));
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReportingOptions>>().Value);
        services.AddSingleton<ProjectionFreshness>();
        services.AddScoped<StatusReportBuilder>();
        return services;
    }
}
