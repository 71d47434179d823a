using Consultations.Host.Auditing.Ledger;

namespace Consultations.Host.Auditing;

public static class AuditingServices
{
    /// <summary>The tamper-evident ledger and its background sealer.</summary>
    public static IServiceCollection AddConsultationsAuditing(this IServiceCollection services)
    {
        services.AddSingleton<EventLedger>();
        services.AddHostedService<LedgerSealer>();
        return services;
    }
}
