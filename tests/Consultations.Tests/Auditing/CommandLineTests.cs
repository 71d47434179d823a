using System.Diagnostics;
using Consultations.Tests.Processes;
using Consultations.Tests.Reporting;

namespace Consultations.Tests.Auditing;

/// <summary>
/// The README's command-line examples, run as a script would run them: the answer alone on stdout (the token, JSON),
/// everything else on stderr, and the documented exit codes (ADR 0034).
/// </summary>
public class CommandLineTests(AppFixture fixture) : AuditingContext(fixture)
{
    private sealed record Run(int ExitCode, string Stdout, string Stderr);

    private async Task<Run> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(HostProcess.HostDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Consultations__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Marten"] = HostProcess.NodeConnectionString(await PostgresServer.ConnectionStringAsync(), "cli-test");
        start.Environment["Consultations__Schema"] = Fixture.Schema;
        start.Environment["Consultations__SeedWhenEmpty"] = "false";
        start.Environment["Consultations__ProjectionDaemon"] = "Disabled";
        start.Environment["Auth__SigningKey"] = TestTokens.SigningKey;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Token_prints_the_token_alone_and_it_opens_the_api()
    {
        var run = await RunAsync("token", "--user", "Rossi, Giulia", "--role", "reporter");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var token = run.Stdout.TrimEnd('\n');
        Assert.Matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", token);
        Assert.Contains("for commands", run.Stderr);
        var answer = await Host.Scenario(x =>
        {
            x.Get.Url("/api/fields");
            x.WithRequestHeader("Authorization", "Bearer " + token);
            x.StatusCodeShouldBe(200);
        });
        Assert.NotNull(answer);
    }

    [Fact]
    public async Task Bad_usage_exits_with_2_and_says_why_on_stderr()
    {
        var run = await RunAsync("token", "--user", "x", "--role", "king");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("--role", run.Stderr);
    }

    [Fact]
    public async Task Replay_json_is_one_document_on_stdout()
    {
        await SeedAsync();

        var run = await RunAsync("replay", "--effective-on", "2026-06-30", "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var answer = JsonNode.Parse(run.Stdout)!;
        Assert.Equal("2026-06-30", answer["effectiveOn"]!.GetValue<string>());
        var dialogue = Assert.Single(answer["dialogues"]!.AsArray())!;
        Assert.Equal(10, dialogue["fields"]!.AsArray().Count);
        Assert.Contains("space-consultations-2-rome", dialogue["meetings"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Report_writes_the_file_and_answers_what_it_wrote()
    {
        await SeedAsync();
        var file = Path.Combine(Path.GetTempPath(), $"status-{Guid.NewGuid():N}.pdf");
        try
        {
            var run = await RunAsync("report", "--out", file, "--json");

            Assert.True(run.ExitCode == 0, run.Stderr);
            var answer = JsonNode.Parse(run.Stdout)!;
            Assert.Equal("pdf", answer["format"]!.GetValue<string>());
            Assert.Equal(file, answer["path"]!.GetValue<string>());
            var text = await ReportFormatTests.PdfTextAsync(await File.ReadAllBytesAsync(file));
            Assert.Contains("Second bilateral space consultations", text);
            Assert.Contains("JPIT-10", text);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
