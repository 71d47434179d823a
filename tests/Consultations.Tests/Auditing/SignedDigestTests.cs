using Consultations.Host.Auditing.Ledger;
using Consultations.Host.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Consultations.Tests.Auditing;

/// <summary>Digests kept outside the database, signed with Ed25519: the record is checked against every one of them.</summary>
public sealed class SignedDigestTests(AppFixture fixture) : AuditingContext(fixture), IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ledger-digests-" + Guid.NewGuid().ToString("N"));

    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private SignedDigests Signer(string key) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Consultations:Ledger:SigningKey"] = key }).Build(),
        Host.Services.GetRequiredService<IHostEnvironment>());

    private static (IAnsiConsole Console, StringWriter Output) Console()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 1000;
        return (console, output);
    }

    private async Task<string> SealedWithADigestAsync(SignedDigests signer)
    {
        await SeedAsync();
        await PostAsync("/api/commitments/jpit-06-solar-physics/status", new { to = "in-progress", effectiveOn = "2026-07-01", reason = "Work plan agreed." });
        await SealedAsync();
        return await signer.WriteAsync(_folder, await Ledger.DigestAsync(CancellationToken.None), DateTimeOffset.UtcNow, CancellationToken.None);
    }

    [Fact]
    public async Task Verify_with_a_digest_folder_checks_every_signed_digest_and_names_a_rewrite()
    {
        var signer = Signer(Key);
        var file = await SealedWithADigestAsync(signer);
        var (stdout, output) = Console();
        var (stderr, progress) = Console();

        Assert.True(await LedgerCommand.VerifyAsync(stdout, Ledger, null, CancellationToken.None, _folder, signer, stderr));
        Assert.Contains("1 kept digest(s) match", output.ToString());
        // Progress goes to stderr, the answer to stdout.
        Assert.Contains("Verifying the ledger", progress.ToString());
        Assert.DoesNotContain("Verifying the ledger", output.ToString());

        var forged = await RewriteHistoryAsync();
        Assert.True((await Ledger.VerifyAsync([], null, CancellationToken.None)).Intact);
        Assert.False(await LedgerCommand.VerifyAsync(stdout, Ledger, null, CancellationToken.None, _folder, signer, stderr));
        Assert.Contains($"Broken at position {forged} (altered)", output.ToString());
        Assert.Contains(Path.GetFileName(file), output.ToString());
    }

    [Fact]
    public async Task A_digest_file_altered_or_signed_by_another_key_is_named()
    {
        var signer = Signer(Key);
        var file = await SealedWithADigestAsync(signer);
        var digest = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        digest["hash"] = new string('a', 64);
        await File.WriteAllTextAsync(file, digest.ToJsonString());

        var (stdout, output) = Console();
        Assert.False(await LedgerCommand.VerifyAsync(stdout, Ledger, null, CancellationToken.None, _folder, signer));
        Assert.Contains("signature does not verify", output.ToString());

        File.Delete(file);
        var other = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());
        await Signer(other).WriteAsync(_folder, await Ledger.DigestAsync(CancellationToken.None), DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.False(await LedgerCommand.VerifyAsync(stdout, Ledger, null, CancellationToken.None, _folder, signer));
        Assert.Contains("signed by another key", output.ToString());
    }

    [Fact]
    public async Task The_service_writes_signed_digests_to_its_folder_and_its_verify_route_checks_them()
    {
        await SeedAsync();
        await SealedAsync();
        var sealedUpTo = (await Ledger.DigestAsync(CancellationToken.None)).Position;
        await using var other = await AppFixture.StartHostAsync(Schema, settings: new Dictionary<string, string>
        {
            ["Consultations:ProjectionDaemon"] = "Disabled", ["Consultations:Ledger:DigestFolder"] = _folder,
            ["Consultations:Ledger:SigningKey"] = Key, ["Consultations:Ledger:DigestEverySeconds"] = "3600",
        });

        // The service signs the last seal as soon as it starts, then at its interval.
        var expected = Path.Combine(_folder, $"ledger-digest-{sealedUpTo:D19}.json");
        await Processes.Poll.UntilAsync("the service to write a signed digest", TimeSpan.FromSeconds(30), () => Task.FromResult(File.Exists(expected)));
        var verified = await VerifyOnAsync(other);
        Assert.True(verified!["intact"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.Equal(1, verified["digestsChecked"]!.GetValue<int>());

        await RewriteHistoryAsync();
        verified = await VerifyOnAsync(other);
        Assert.False(verified!["intact"]!.GetValue<bool>());
        Assert.Equal(sealedUpTo, verified["brokenAt"]!.GetValue<long>());
        Assert.Contains("kept digest", verified["problem"]!.GetValue<string>());
    }

    private static async Task<JsonNode?> VerifyOnAsync(IAlbaHost host)
    {
        var result = await host.Scenario(x =>
        {
            x.Get.Url("/api/ledger/verify");
            x.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        Assert.True(result.Context.Response.StatusCode == 200, text);
        return JsonNode.Parse(text);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
