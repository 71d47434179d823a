using Consultations.Host.Cli;
using Spectre.Console;

namespace Consultations.Tests.Auditing;

public class CliTests(AppFixture fixture) : AuditingContext(fixture)
{
    private static (IAnsiConsole Console, StringWriter Output) Recording()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 240;
        return (console, output);
    }

    [Fact]
    public async Task Replay_prints_field_statuses_on_both_axes()
    {
        await SeedAsync();
        var before = DateTimeOffset.UtcNow.ToString("O");
        await PostAsync("/api/commitments/jpit-06-solar-physics/status", new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Concluded." });

        var (console, output) = Recording();
        Assert.True(await ReplayCommand.PrintAsync(console, Store, TimeProvider.System, before, "2026-10-01", "JPIT-06", CancellationToken.None));
        var then = output.ToString();
        Assert.Contains("JPIT-06", then);
        Assert.DoesNotContain("JPIT-07", then);
        Assert.Contains("as recorded at", then);
        Assert.Matches(@"JPIT-06 .*│ 0 +│ 1 +│ 1 +│ 0 +│", then);

        (console, output) = Recording();
        Assert.True(await ReplayCommand.PrintAsync(console, Store, TimeProvider.System, null, "2026-10-01", "JPIT-06", CancellationToken.None));
        Assert.Matches(@"JPIT-06 .*│ 0 +│ 0 +│ 1 +│ 1 +│", output.ToString());

        (console, output) = Recording();
        Assert.False(await ReplayCommand.PrintAsync(console, Store, TimeProvider.System, "2999-01-01T00:00:00Z", null, null, CancellationToken.None));
        Assert.Contains("recordedAt", output.ToString());
    }

    [Fact]
    public async Task Audit_prints_each_event_with_user_and_reason()
    {
        await SeedAsync();
        await PostAsAsync("Secretariat, A. Bianchi", "/api/commitments/jpit-06-solar-physics/status",
            new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Concluded." });

        var (console, output) = Recording();
        Assert.True(await AuditCommand.PrintAsync(console, Store, "jpit-06-solar-physics", null, null, CancellationToken.None));
        var text = output.ToString();
        Assert.Contains("Audit trail: 2 events", text);
        Assert.Contains("Secretariat, A. Bianchi", text);
        Assert.Contains("Concluded.", text);
        Assert.Contains("commitment-status-changed", text);
    }

    [Fact]
    public async Task Audit_of_an_unknown_record_says_so_and_fails()
    {
        var (console, output) = Recording();
        Assert.False(await AuditCommand.PrintAsync(console, Store, "no-such-record", null, null, CancellationToken.None));
        Assert.Contains("No record 'no-such-record' is on record.", output.ToString());
    }
}
