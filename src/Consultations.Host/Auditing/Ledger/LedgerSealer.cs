namespace Consultations.Host.Auditing.Ledger;

/// <summary>Seals new events into the ledger every few seconds (<c>Consultations:Ledger:SealEverySeconds</c>, 0 to turn off).</summary>
public sealed class LedgerSealer(EventLedger ledger, IConfiguration configuration, ILogger<LedgerSealer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = configuration.GetValue("Consultations:Ledger:SealEverySeconds", 10.0);
        if (every <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(every));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ledger.SealAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The next tick tries again; verification seals on demand anyway.
                logger.LogWarning(e, "Sealing the ledger failed");
            }
        }
    }
}
