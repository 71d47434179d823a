using System.Globalization;
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

    [Description("Print the answer as JSON: {position, hash, digest} or {intact, checked, unsealed, digest, brokenAt, problem, breaks, digestsChecked}")]
    [FlagAlias("json")]
    public bool JsonFlag { get; set; }

    [Description("A folder of signed digests (as the service writes them to Consultations:Ledger:DigestFolder): verify checks the record against every one")]
    [FlagAlias("digests")]
    public string? DigestsFlag { get; set; }
}

[Description("The tamper-evident ledger: 'ledger digest' prints position and hash; 'ledger verify' (optionally --digest P:H, --digests FOLDER) exits non-zero naming every break", Name = "ledger")]
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
        // Progress goes to stderr, so that stdout carries only the answer.
        var json = input.JsonFlag ? CliOutput.Answer : null;
        return action == "digest"
            ? await DigestAsync(CliOutput.AnswerConsole(), ledger, CancellationToken.None, json)
            : await VerifyAsync(CliOutput.AnswerConsole(), ledger, input.DigestFlag, CancellationToken.None,
                input.DigestsFlag, host.Services.GetRequiredService<SignedDigests>(), CliOutput.Errors, json);
    }

    public static async Task<bool> DigestAsync(IAnsiConsole console, EventLedger ledger, CancellationToken ct, TextWriter? json = null)
    {
        var digest = await ledger.DigestAsync(ct);
        // The same document as GET /api/ledger/digest: {position, hash, digest}.
        if (json is not null) CliOutput.Json(json, digest);
        else console.WriteLine(digest.Digest);
        return true;
    }

    public static async Task<bool> VerifyAsync(IAnsiConsole console, EventLedger ledger, string? digest, CancellationToken ct,
        string? digestFolder = null, SignedDigests? signed = null, IAnsiConsole? progressConsole = null, TextWriter? json = null)
    {
        var kept = new List<KeptDigest>();
        if (digest is not null)
        {
            if (!LedgerDigest.TryParse(digest, out var parsed))
            {
                CliOutput.ExitCode = CliOutput.BadUsage;
                CliOutput.MessagesFor(console).MarkupLineInterpolated($"[red]'{TextRules.Escaped(digest)}' is not a digest:[/] use POSITION:HASH as 'ledger digest' prints it.");
                return false;
            }

            kept.Add(new KeptDigest(parsed, "the digest given"));
        }

        List<LedgerBreak> problems = [];
        if (digestFolder is not null && signed is not null)
        {
            (var files, problems) = signed.Read(digestFolder);
            kept.AddRange(files);
        }

        var messages = progressConsole ?? CliOutput.MessagesFor(console);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var report = await WithProgressAsync(messages, progress => ledger.VerifyAsync(kept, progress, ct, problems));
        // What verifying itself took, apart from starting the process and catching the daemon up (the benchmark reads it).
        var phases = ledger.LastTimings is { } t
            ? string.Create(CultureInfo.InvariantCulture, $"; catching up {t.CatchUp.TotalSeconds:0.000} s, opening {t.Open.TotalSeconds:0.000} s, reading and hashing {t.ReadAndHash.TotalSeconds:0.000} s, stream check after {t.StreamCheck.TotalSeconds:0.000} s")
            : "";
        messages.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Verified {report.Checked:N0} events in {watch.Elapsed.TotalSeconds:0.000} s ({report.Checked / Math.Max(watch.Elapsed.TotalSeconds, 1e-9):N0} events/s{phases})."));
        if (json is not null)
        {
            CliOutput.Json(json, new
            {
                intact = report.Intact, @checked = report.Checked, unsealed = report.Unsealed, digest = report.Digest?.Digest, brokenAt = report.BrokenAt,
                problem = report.Problem, breaks = report.Breaks, digestsChecked = report.DigestsChecked,
            });
            return report.Intact;
        }

        var checkedDigests = report.DigestsChecked > 0 ? $"; {report.DigestsChecked} kept digest(s) match" : "";
        if (report.Intact)
        {
            var pending = report.Unsealed > 0 ? $" ({report.Unsealed} recorded since, not yet sealed)" : "";
            console.MarkupLineInterpolated($"[green]Intact:[/] {report.Checked} events verified; digest {report.Digest!.Digest}{pending}{checkedDigests}.");
            return true;
        }

        foreach (var b in report.Breaks)
            console.MarkupLineInterpolated($"[red]Broken at position {b.Position} ({b.Kind}):[/] {b.Problem}");
        return false;
    }

    /// <summary>A progress bar on a terminal; on a redirected stream, one line at every tenth of the way.</summary>
    private static async Task<LedgerReport> WithProgressAsync(IAnsiConsole console, Func<IProgress<(long Done, long Total)>, Task<LedgerReport>> verify)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            var next = 0L;
            console.WriteLine("Verifying the ledger...");
            var report = await verify(new Reporter(p =>
            {
                var percent = p.Total == 0 ? 100 : p.Done * 100 / p.Total;
                if (percent < next) return;
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Verifying the ledger: position {p.Done:N0} of {p.Total:N0} ({percent}%)"));
                next = percent / 10 * 10 + 10;
            }));
            return report;
        }

        LedgerReport? result = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Verifying the ledger");
                result = await verify(new Reporter(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                }));
                task.Value = task.MaxValue;
            });
        return result!;
    }

    /// <summary>Reports on the verifying thread, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class Reporter(Action<(long Done, long Total)> report) : IProgress<(long Done, long Total)>
    {
        public void Report((long Done, long Total) value) => report(value);
    }
}
