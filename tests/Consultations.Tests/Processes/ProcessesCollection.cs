namespace Consultations.Tests.Processes;

/// <summary>
/// Tests that start real host processes (and, for one, a PostgreSQL cluster of their own). They run one at a time, as
/// one collection: each starts one or two hosts, and side by side on a 2-core machine they would mostly measure each
/// other. They do run beside the other test classes, which only share the machine with them: run after everything
/// else (as a collection that disables parallelization is), they added their whole length to the suite's.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessesCollection
{
    public const string Name = "processes";
}
