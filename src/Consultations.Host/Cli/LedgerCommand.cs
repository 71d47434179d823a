using Consultations.Host.Auditing.Ledger;
using JasperFx.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Consultations.Host.Cli;

public class LedgerInput : NetCoreInput
{
    [Description("digest: print the ledger's digest (POSITION:HASH) to keep outside the system; verify: check the hash chain")]
    public string Action { get; set; } = "";

    [Description("A digest kept earlier (POSITION:HASH): verify also checks that history up to it was not rewritten")]
    [FlagAlias("digest")]
    public string? DigestFlag { get; set; }
}

[Description("The tamper-evident ledger: 'ledger digest' prints position and hash; 'ledger verify' (optionally --digest P:H) exits non-zero at the first break", Name = "ledger")]
public sealed class LedgerCommand : JasperFxAsyncCommand<LedgerInput>
{
    public override async Task<bool> Execute(LedgerInput input)
    {
        var action = input.Action.Trim().ToLowerInvariant();
        if (action is not ("digest" or "verify"))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Unknown action '{input.Action}':[/] use 'ledger digest' or 'ledger verify'.");
            return false;
        }

        using var host = input.BuildHost();
        // The service's daemon may be behind or not running: seal what is recorded with this command's own, as 'report' does.
        using (var daemon = await host.Services.GetRequiredService<IDocumentStore>().BuildProjectionDaemonAsync())
            await daemon.CatchUpAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
        var ledger = host.Services.GetRequiredService<EventLedger>();
        return action == "digest"
            ? await DigestAsync(AnsiConsole.Console, ledger, CancellationToken.None)
            : await VerifyAsync(AnsiConsole.Console, ledger, input.DigestFlag, CancellationToken.None);
    }

    public static async Task<bool> DigestAsync(IAnsiConsole console, EventLedger ledger, CancellationToken ct)
    {
        var digest = await ledger.DigestAsync(ct);
        console.WriteLine(digest.Digest);
        return true;
    }

    public static async Task<bool> VerifyAsync(IAnsiConsole console, EventLedger ledger, string? digest, CancellationToken ct)
    {
        LedgerDigest? kept = null;
        if (digest is not null)
        {
            if (!LedgerDigest.TryParse(digest, out var parsed))
            {
                console.MarkupLineInterpolated($"[red]'{digest}' is not a digest:[/] use POSITION:HASH as 'ledger digest' prints it.");
                return false;
            }

            kept = parsed;
        }

        LedgerReport? report = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Verifying the ledger");
                var progress = new Progress<(long Done, long Total)>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                report = await ledger.VerifyAsync(kept, progress, ct);
                task.Value = task.MaxValue;
            });

        if (report!.Intact)
        {
            var pending = report.Unsealed > 0 ? $" ({report.Unsealed} recorded since, not yet sealed)" : "";
            var matches = kept is null ? "" : "; the kept digest matches.";
            console.MarkupLineInterpolated($"[green]Intact:[/] {report.Checked} events verified; digest {report.Digest!.Digest}{pending}{matches}");
            return true;
        }

        console.MarkupLineInterpolated($"[red]Broken at position {report.BrokenAt}:[/] {report.Problem}");
        return false;
    }
}
