namespace Consultations.Tests.Processes;

/// <summary>
/// Tests that start real host processes (and, for one, a PostgreSQL cluster of their own). They run one at a time:
/// each starts one or two hosts, and side by side on a 2-core machine they would mostly measure each other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessesCollection
{
    public const string Name = "processes";
}
