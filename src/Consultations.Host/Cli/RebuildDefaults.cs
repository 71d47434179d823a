namespace Consultations.Host.Cli;

/// <summary>
/// <c>projections rebuild</c> gives each projection five minutes unless told otherwise (JasperFx's default shard timeout),
/// and a projection still replaying then fails the whole rebuild. How long a rebuild takes grows with the store, so the
/// command line's default here is generous: a rebuild ends when it is done, not when a clock set for small stores runs
/// out (ADR 0040). An explicit <c>--shard-timeout</c> still wins.
/// </summary>
public static class RebuildDefaults
{
    public const string ShardTimeout = "6h";

    public static string[] Apply(string[] args) =>
        args.Length >= 2 && args[0].Equals("projections", StringComparison.OrdinalIgnoreCase)
        && args.Skip(1).Any(a => a.Equals("rebuild", StringComparison.OrdinalIgnoreCase))
        && !args.Any(a => a.Equals("--shard-timeout", StringComparison.OrdinalIgnoreCase))
            ? [.. args, "--shard-timeout", ShardTimeout]
            : args;
}
