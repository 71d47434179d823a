using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Consultations.Host.Infrastructure;

/// <summary>Ready when PostgreSQL answers a query through Marten's own connection settings.</summary>
public sealed class DatabaseHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await using var session = store.QuerySession();
            var version = await session.QueryAsync<int>("select 1", timeout.Token);
            return version.Count == 1 ? HealthCheckResult.Healthy("PostgreSQL answers.") : HealthCheckResult.Unhealthy("PostgreSQL gave no answer.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not reachable.", e);
        }
    }
}

/// <summary>
/// Ready while the async projections keep up: healthy when they are current or making progress; unhealthy when they are
/// behind and have not moved for <c>Consultations:DaemonStalledAfterSeconds</c> (default 120), i.e. no node runs the
/// daemon or it is stuck. Under HotCold only one node runs it; every node reports the same shared progress.
/// </summary>
public sealed class ProjectionDaemonHealthCheck(Reports.ProjectionFreshness freshness, TimeProvider clock, IConfiguration configuration) : IHealthCheck
{
    private readonly Lock _gate = new();
    private long _lastSequence = -1;
    private DateTimeOffset _lastProgress;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var all = await freshness.AllAsync(ct);
        var laggard = all.MinBy(f => f.Sequence);
        if (laggard is null || laggard.IsCurrent)
        {
            lock (_gate) _lastSequence = -1;
            return HealthCheckResult.Healthy("Async projections are current.");
        }

        var stalledAfter = TimeSpan.FromSeconds(configuration.GetValue("Consultations:DaemonStalledAfterSeconds", 120));
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (laggard.Sequence != _lastSequence)
            {
                _lastSequence = laggard.Sequence;
                _lastProgress = now;
                return HealthCheckResult.Healthy($"Async projections are catching up ({laggard.Projection} is {laggard.Behind} events behind).");
            }

            return now - _lastProgress > stalledAfter
                ? HealthCheckResult.Unhealthy($"Async projection {laggard.Projection} is {laggard.Behind} events behind and has not moved for {(now - _lastProgress).TotalSeconds:F0} s: is the projection daemon running?")
                : HealthCheckResult.Healthy($"Async projections are catching up ({laggard.Projection} is {laggard.Behind} events behind).");
        }
    }
}

public static class Health
{
    public const string Ready = "ready";

    public static IServiceCollection AddConsultationsHealth(this IServiceCollection services)
    {
        services.AddSingleton<ProjectionDaemonHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<ProjectionDaemonHealthCheck>("projection-daemon", tags: [Ready]);
        return services;
    }

    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: it can serve (database reachable, projections kept up). Both anonymous.</summary>
    public static void MapConsultationsHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription().AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsJsonAsync(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
                });
            },
        }).ExcludeFromDescription().AllowAnonymous();
    }
}
