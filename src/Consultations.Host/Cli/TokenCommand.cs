using Consultations.Host.Security;
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
        var roles = input.RoleFlag.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = roles.Except(Roles.All).ToList();
        if (roles.Length == 0 || unknown.Count > 0 || string.IsNullOrWhiteSpace(input.UserFlag) || input.DaysFlag is < 1 or > 366)
        {
            return CliOutput.Usage($"Give --user NAME, --role one or more of {string.Join(", ", Roles.All)}, and --days between 1 and 366.");
        }

        using var host = input.BuildHost();
        var settings = host.Services.GetRequiredService<TokenSettings>();
        // The token alone on stdout: TOKEN=$(… token …) needs nothing else.
        CliOutput.Answer.WriteLine(Tokens.Mint(settings, input.UserFlag, roles, TimeSpan.FromDays(input.DaysFlag), DateTimeOffset.UtcNow));
        return true;
    }
}
