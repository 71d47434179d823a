using JasperFx.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace Consultations.Host.Cli;

public class TokenInput : NetCoreInput
{
    [Description("Who the token is for; recorded with every fact they record")]
    [FlagAlias("user", 'u')]
    public string UserFlag { get; set; } = Environment.UserName;

    [Description("Role(s), comma-separated: secretariat, auditor, reporter")]
    [FlagAlias("role", 'r')]
    public string RoleFlag { get; set; } = Roles.Reporter;

    [Description("Days the token stays valid (default 30)")]
    [FlagAlias("days", 'd')]
    public int DaysFlag { get; set; } = 30;
}

[Description("Prints a bearer token for the local service, signed with the key kept in the data folder", Name = "token")]
public sealed class TokenCommand : JasperFxCommand<TokenInput>
{
    public override bool Execute(TokenInput input)
    {
        using var host = input.BuildHost();
        // The token alone on stdout: TOKEN=$(… token …) needs nothing else.
        return Print(host.Services.GetRequiredService<TokenSettings>(), input, CliOutput.Answer, Console.Error);
    }

    /// <summary>Prints the token alone, or says on <paramref name="error"/> why none can be made (no stack trace; exit code 2 for bad usage).</summary>
    public static bool Print(TokenSettings settings, TokenInput input, TextWriter output, TextWriter error)
    {
        var roles = input.RoleFlag.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = roles.Except(Roles.All).ToList();
        if (roles.Length == 0 || unknown.Count > 0 || string.IsNullOrWhiteSpace(input.UserFlag) || input.DaysFlag is < 1 or > 366)
        {
            CliOutput.ExitCode = CliOutput.BadUsage;
            error.WriteLine($"Give --user NAME, --role one or more of {string.Join(", ", Roles.All)}, and --days between 1 and 366.");
            return false;
        }

        if (input.UserFlag.Length > Identity.MaxNameLength || Domain.Common.TextRules.FirstUnreadable(input.UserFlag, prose: false) is not null)
        {
            CliOutput.ExitCode = CliOutput.BadUsage;
            error.WriteLine($"--user must be one line of printable text of at most {Identity.MaxNameLength} characters.");
            return false;
        }

        if (settings.SigningKey is null)
        {
            error.WriteLine($"Tokens come from the identity provider configured in Auth:Authority ({settings.Authority}): "
                            + "this service only checks them and cannot mint one. Get a token from that provider.");
            return false;
        }

        output.WriteLine(Tokens.Mint(settings, input.UserFlag, roles, TimeSpan.FromDays(input.DaysFlag), DateTimeOffset.UtcNow));
        return true;
    }
}
