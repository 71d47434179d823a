using Consultations.Host.Cli;

namespace Consultations.Tests.Reporting;

/// <summary>The README's <c>projections rebuild</c> waits for a long rebuild instead of failing after JasperFx's five minutes.</summary>
public class RebuildDefaultsTests
{
    [Fact]
    public void A_rebuild_without_a_shard_timeout_is_given_the_long_default()
    {
        Assert.Equal(["projections", "rebuild", "--shard-timeout", RebuildDefaults.ShardTimeout], RebuildDefaults.Apply(["projections", "rebuild"]));
        Assert.Equal(["projections", "rebuild", "-p", "SearchIndex", "--shard-timeout", RebuildDefaults.ShardTimeout],
            RebuildDefaults.Apply(["projections", "rebuild", "-p", "SearchIndex"]));
    }

    [Fact]
    public void A_timeout_given_on_the_command_line_is_kept_and_other_commands_are_untouched()
    {
        string[] explicitTimeout = ["projections", "rebuild", "--shard-timeout", "10m"];
        Assert.Equal(explicitTimeout, RebuildDefaults.Apply(explicitTimeout));
        Assert.Equal(["projections", "list"], RebuildDefaults.Apply(["projections", "list"]));
        Assert.Equal(["ledger", "verify"], RebuildDefaults.Apply(["ledger", "verify"]));
    }
}
