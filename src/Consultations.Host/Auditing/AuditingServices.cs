using Consultations.Host.Auditing.Ledger;

namespace Consultations.Host.Auditing;

public static class AuditingServices
{
    /// <summary>
    /// The tamper-evident ledger's reader and its signed digests (written at an interval when a folder is configured); its
    /// sealing is a subscription of the store's daemon (StoreSetup).
    /// </summary>
    public static IServiceCollection AddConsultationsAuditing(this IServiceCollection services)
    {
        services.AddSingleton<EventLedger>();
        services.AddSingleton<SignedDigests>();
        services.AddHostedService<SignedDigestWriter>();
        return services;
    }
}
