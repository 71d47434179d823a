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

    [Description("Print the answer as JSON: {digest} or {intact, checked, unsealed, digest, brokenAt, problem}")]
    [FlagAlias("json")]
    public bool JsonFlag { get; set; }
}

[Description("The tamper-evident ledger: 'ledger digest' prints position and hash; 'ledger verify' (optionally --digest P:H) exits non-zero at the first break", Name = "ledger")]
public sealed class LedgerCommand : JasperFxAsyncCommand<LedgerInput>
{
    public override async Task<bool> Execute(LedgerInput input)
    {
        var action = input.Action.Trim().ToLowerInvariant();
        if (action is not ("digest" or "verify"))
        {
            return CliOutput.Usage($"Unknown action '{input.Action}': use 'ledger digest' or 'ledger verify'.");
        }

        using var host = input.BuildHost();
        // The service's daemon may be behind or not running: seal what is recorded with this command's own, as 'report' does.
        using (var daemon = await host.Services.GetRequiredService<IDocumentStore>().BuildProjectionDaemonAsync())
            await daemon.CatchUpAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
        var ledger = host.Services.GetRequiredService<EventLedger>();
        var json = input.JsonFlag ? CliOutput.Answer : null;
        return action == "digest"
            ? await DigestAsync(CliOutput.AnswerConsole(), ledger, CancellationToken.None, json)
            : await VerifyAsync(CliOutput.AnswerConsole(), ledger, input.DigestFlag, CancellationToken.None, json);
    }

    public static async Task<bool> DigestAsync(IAnsiConsole console, EventLedger ledger, CancellationToken ct, TextWriter? json = null)
    {
        var digest = await ledger.DigestAsync(ct);
        if (json is not null) CliOutput.Json(json, new { digest = digest.Digest });
        else console.WriteLine(digest.Digest);
        return true;
    }

    /// <param name="json">Where to write the verdict as JSON; null prints it as a sentence. Progress goes to stderr either way.</param>
    public static async Task<bool> VerifyAsync(IAnsiConsole console, EventLedger ledger, string? digest, CancellationToken ct, TextWriter? json = null)
    {
        LedgerDigest? kept = null;
        if (digest is not null)
        {
            if (!LedgerDigest.TryParse(digest, out var parsed))
            {
                CliOutput.ExitCode = CliOutput.BadUsage;
                CliOutput.MessagesFor(console).MarkupLineInterpolated($"[red]'{digest}' is not a digest:[/] use POSITION:HASH as 'ledger digest' prints it.");
                return false;
            }

            kept = parsed;
        }

        LedgerReport? report = null;
        await CliOutput.MessagesFor(console).Progress()
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

        if (json is not null)
        {
            CliOutput.Json(json, new { intact = report!.Intact, @checked = report.Checked, unsealed = report.Unsealed, digest = report.Digest?.Digest, brokenAt = report.BrokenAt,
                problem = report.Problem, keptDigestMatches = kept is null ? (bool?)null : report.Intact });
            return report.Intact;
        }

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
